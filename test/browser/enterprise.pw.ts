/// <reference lib="dom" />
import { expect, test, type Page } from '@playwright/test';
import { choose, signInAs } from './support';

/**
 * The demo enterprise member's account is in Chinese. These steps read the console in English without saving that
 * choice to the account (the language switch would), so other spec files find the account as seeded.
 */
async function signInAsEnterprise(page: Page, path: string) {
  await signInAs(page, 'Enterprise member');
  await page.evaluate(() => localStorage.setItem('waterbridge.language', 'EN'));
  await page.goto(path);
}

test.describe('an enterprise member', () => {
  test('sees open needs ranked with why, finds another by search, expresses interest and finds the match in My matches', async ({
    page,
  }) => {
    await signInAsEnterprise(page, '/opportunities');
    await expect(page.getByRole('heading', { name: 'Opportunities for your enterprise' })).toBeVisible();
    const best = page.getByTestId('opportunity').first();
    await expect(best.getByRole('heading', { name: /^#1 · / })).toBeVisible();
    await expect(best.getByRole('list', { name: 'What the score is made of' }).getByRole('img').first()).toHaveAttribute(
      'aria-label',
      /: \+0\.\d{3}$/,
    );
    await expect(best.getByText('Projects cited as evidence')).toBeVisible();
    await best.getByRole('button', { name: 'Show the full explanation' }).click();
    await expect(best.getByRole('button', { name: 'Show less' })).toBeVisible();

    await page.getByRole('searchbox', { name: 'Search all open needs' }).fill('Chukurbulak');
    await page.getByRole('button', { name: 'Search' }).click();
    await page.getByRole('link', { name: /Chukurbulak Dam/ }).click();
    await expect(page.getByRole('heading', { name: /Chukurbulak Dam/, level: 2 })).toBeVisible();

    await page.getByRole('button', { name: 'Express interest' }).click();
    await expect(page.getByText('Required', { exact: true })).toBeVisible();
    await page.getByLabel('Your message to the secretariat').fill('We built dams and reservoirs in Central Asia and can start this year.');
    await page.getByRole('button', { name: 'Express interest' }).click();
    const mine = page.getByTestId('my-match');
    await expect(mine).toContainText('Awaiting review');
    await expect(mine.getByRole('link', { name: 'Open the match' })).toHaveAttribute('href', /^\/matches\/[0-9a-f-]{36}$/);

    await page.goto('/my/matches');
    await page.getByLabel('Status').click();
    await page.getByTitle('Awaiting review').click();
    await expect(page).toHaveURL(/status=SUGGESTED/);
    const row = page.getByRole('row', { name: /Chukurbulak Dam/ });
    await expect(row).toContainText('Awaiting review');
    await expect(row.getByRole('link')).toHaveAttribute('href', /^\/matches\/[0-9a-f-]{36}$/);
  });

  test('keeps the profile: a capability added (a refused value shown at its field), changed and removed; a project added and removed', async ({
    page,
  }) => {
    await signInAsEnterprise(page, '/my/profile');
    await expect(page.getByRole('heading', { name: 'Capabilities' })).toBeVisible();

    await page.getByRole('button', { name: 'Add a capability' }).click();
    const dialog = page.getByRole('dialog');
    await choose(dialog.getByLabel('Technology'), 'Desalination');
    await dialog.getByLabel('What you do in it').fill('Containerised reverse-osmosis plants for islands');
    await dialog.getByLabel('Smallest capacity').fill('5000');
    await dialog.getByLabel('Largest capacity').fill('500');
    await dialog.getByLabel('Capacity unit').click();
    await page.getByTitle('m³/day').click();
    await dialog.getByRole('button', { name: 'Save' }).click();
    // The server refuses the range; its message shows at the field it names.
    await expect(dialog.getByLabel('Smallest capacity')).toHaveAttribute('aria-invalid', 'true');
    await expect(dialog.getByText('capacityMin must not exceed capacityMax')).toBeVisible();
    await dialog.getByLabel('Largest capacity').fill('50000');
    await dialog.getByRole('button', { name: 'Save' }).click();
    await expect(dialog).toBeHidden();
    const capability = page.getByRole('row', { name: /Containerised reverse-osmosis/ });
    await expect(capability).toContainText('5,000 – 50,000 m³/day');

    await capability.getByRole('button', { name: /^Edit/ }).click();
    await dialog.getByLabel('What you do in it').fill('Containerised reverse-osmosis plants for islands and coasts');
    await dialog.getByRole('button', { name: 'Save' }).click();
    await expect(page.getByRole('row', { name: /islands and coasts/ })).toBeVisible();

    await page
      .getByRole('row', { name: /islands and coasts/ })
      .getByRole('button', { name: /^Delete/ })
      .click();
    await page.getByRole('tooltip').getByRole('button', { name: 'Delete' }).click();
    await expect(page.getByRole('row', { name: /Containerised reverse-osmosis/ })).toHaveCount(0);

    await page.getByRole('button', { name: 'Add a project' }).click();
    await dialog.getByLabel('Title').fill('Kandy North pumping station (browser test)');
    await dialog.getByLabel('Year').fill('2019');
    await dialog.getByLabel('Contract value').fill('1200000');
    await dialog.getByLabel('Currency').fill('USD');
    await choose(dialog.getByLabel('Country'), 'Sri Lanka (LK)');
    await dialog.getByRole('button', { name: 'Save' }).click();
    await expect(dialog).toBeHidden();
    const project = page.getByRole('row', { name: /Kandy North pumping station/ });
    await expect(project).toContainText('Sri Lanka');
    await expect(project).toContainText('US$1,200,000');

    await project.getByRole('button', { name: /^Delete/ }).click();
    await page.getByRole('tooltip').getByRole('button', { name: 'Delete' }).click();
    await expect(page.getByRole('row', { name: /Kandy North pumping station/ })).toHaveCount(0);
  });
});
