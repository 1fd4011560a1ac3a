/// <reference lib="dom" />
import { expect, test } from '@playwright/test';
import { api, asAccount, choose, publishedNeed, signInAs, tokenOf } from './support';

type Need = { id: string; title: string; country: { code: string; nameEn: string } };
type Suggested = { suggestMatches: Array<{ id: string; version: number; status: string }> };
const SUGGEST = 'mutation ($needId: ID!) { suggestMatches(needId: $needId, first: 3) { id version status } }';

test('a coordinator works through the review queue: candidates side by side, a rejection with a reason, approvals, a conflict', async ({
  page,
  request,
}) => {
  const coordinator = await asAccount(request, 'coordinator@demo.waterbridge.org');
  // Two needs from the end of the list (other specs use the first ones), ranked one after the other: A waits longer.
  const { needs } = await coordinator<{ needs: { edges: Array<{ node: Need }> } }>(
    '{ needs(first: 60, status: OPEN) { edges { node { id title country { code nameEn } } } } }',
  );
  const [needA, needB] = needs.edges.slice(-2).map((edge) => edge.node);
  await coordinator<Suggested>(SUGGEST, { needId: needA.id });
  const { suggestMatches: candidatesB } = await coordinator<Suggested>(SUGGEST, { needId: needB.id });

  await signInAs(page, 'Coordinator', '/review');
  await expect(page.getByRole('heading', { name: 'Review queue' })).toBeVisible();
  const since = page.locator('tbody time');
  await expect(since.nth(1)).toBeVisible();
  const [first, second] = await since.evaluateAll((times) => times.slice(0, 2).map((time) => time.getAttribute('datetime') ?? ''));
  expect(Date.parse(first)).toBeLessThanOrEqual(Date.parse(second));

  // A waits less than what other spec files sent to the queue, maybe beyond its first page: filter by its country.
  await page.goto(`/review?country=${needA.country.code}`);
  await page.getByRole('link', { name: needA.title, exact: true }).click();
  await expect(page.getByRole('heading', { level: 2, name: needA.title })).toBeVisible();
  const cards = page.getByTestId('candidate');
  await expect(cards).toHaveCount(3);
  // Side by side: the first two cards share a row, each with its factor bars.
  const [left, right] = [await cards.nth(0).boundingBox(), await cards.nth(1).boundingBox()];
  expect(left && right && Math.abs(left.y - right.y) < 2 && right.x > left.x + left.width / 2).toBe(true);
  for (const card of [cards.nth(0), cards.nth(1)]) await expect(card.getByRole('img', { name: /: \+\d/ }).first()).toBeVisible();

  const rejected = (await cards.nth(0).getByRole('heading').textContent()) ?? '';
  await cards.nth(0).getByRole('button', { name: 'Reject' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByRole('button', { name: 'Reject' }).click();
  await expect(dialog.getByText('Give a reason')).toBeVisible();
  await dialog.getByLabel('Reason').fill('Its track record is in telecoms, not water supply.');
  await dialog.getByRole('button', { name: 'Reject' }).click();
  await expect(page.getByTestId('review-notice')).toHaveText(`${rejected} is rejected.`);
  await expect(cards).toHaveCount(2);

  const approved = (await cards.nth(0).getByRole('heading').textContent()) ?? '';
  await cards.nth(0).getByRole('button', { name: 'Approve' }).click();
  await expect(page.getByTestId('review-notice')).toContainText(`Approved: ${approved} and the agency are introduced`);
  await expect(cards).toHaveCount(1);

  // The need's page links a coordinator to its candidates; one of them moved since the page was read: CONFLICT.
  await page.goto(`/needs/${needB.id}`);
  await expect(page.getByTestId('panel-waiting')).toHaveText('3 candidates wait for review.');
  await page.getByRole('link', { name: 'Review the candidates' }).click();
  await expect(cards).toHaveCount(3);
  await coordinator('mutation ($input: MatchVersionInput!) { shortlistMatch(input: $input) { id } }', {
    input: { id: candidatesB[0].id, version: candidatesB[0].version },
  });
  await cards.nth(0).getByRole('button', { name: 'Approve' }).click();
  await expect(page.getByRole('alert')).toContainText('Someone changed these candidates meanwhile');
  await expect(cards.nth(0).getByText('Shortlisted')).toBeVisible();

  // Approve many at once: the two ticked ones go, the third stays.
  await cards.nth(0).getByRole('checkbox').check();
  await cards.nth(1).getByRole('checkbox').check();
  await page.getByRole('button', { name: 'Approve selected (2)' }).click();
  await expect(page.getByTestId('review-notice')).toContainText('are introduced to each other');
  await expect(cards).toHaveCount(1);
});

test('a coordinator verifies a new organisation, and reads the statistics: funnel, map and table', async ({ page, request }) => {
  // A match of its own, introduced, so the dashboard has something to count whatever ran before.
  const coordinator = await asAccount(request, 'coordinator@demo.waterbridge.org');
  const { needs } = await coordinator<{ needs: { edges: Array<{ node: Need }> } }>(
    '{ needs(first: 60, status: OPEN) { edges { node { id } } } }',
  );
  const { suggestMatches } = await coordinator<Suggested>(SUGGEST, { needId: needs.edges.at(-3)?.node.id });
  const { id, version } = suggestMatches[0];
  await coordinator('mutation ($input: MatchVersionInput!) { approveMatch(input: $input) { id } }', { input: { id, version } });
  const admin = await asAccount(request, 'admin@demo.waterbridge.org');
  const name = `Lakeside Pumps ${Date.now()}`;
  await admin('mutation ($input: CreateOrganizationInput!) { createOrganization(input: $input) { id } }', {
    input: { kind: 'ENTERPRISE', nameEn: name, countryCode: 'CN', verificationStatus: 'PENDING' },
  });

  await signInAs(page, 'Coordinator', '/organizations');
  await page.getByRole('searchbox', { name: 'Search by name' }).fill(name);
  await page.getByRole('searchbox', { name: 'Search by name' }).press('Enter');
  const row = page.getByRole('row').filter({ hasText: name });
  await expect(row.getByTestId('verification')).toHaveText('Pending');
  await row.getByRole('button', { name: `Verify ${name}` }).click();
  await expect(row.getByTestId('verification')).toHaveText('Verified');

  await page.getByRole('link', { name: 'Statistics' }).click();
  const funnel = page.getByTestId('funnel-table');
  await expect(funnel.getByRole('row', { name: /Made \(suggested or interest\) [1-9]/ })).toBeVisible();
  await expect(funnel.getByRole('row', { name: /Introduced [1-9]/ })).toBeVisible();
  await expect(page.getByTestId('funnel-chart').locator('canvas')).toBeVisible();
  await expect(page.getByRole('img', { name: /World map of the matches by country/ }).locator('canvas')).toBeVisible();
  await expect(page.getByTestId('countries-table').getByRole('row')).not.toHaveCount(1);
});

test('an admin registers an organisation, told at the field what the API refused, then renames it', async ({ page }) => {
  const name = `Mekong Filtration ${Date.now()}`;
  await signInAs(page, 'Administrator', '/organizations');
  await page.getByRole('button', { name: 'New organisation' }).click();
  const dialog = page.getByRole('dialog', { name: 'New organisation' });
  await choose(dialog.getByLabel('Kind'), 'Enterprise');
  await dialog.getByLabel('Name in English').fill(name);
  await dialog.getByLabel('Name in Chinese').fill('湄公过滤');
  await choose(dialog.getByLabel('Country'), 'China');
  await dialog.getByLabel('Parent group').fill('Mekong Water Group');
  await dialog.getByLabel('Website').fill('mekong filtration dot com');
  await dialog.getByRole('button', { name: 'Create' }).click();
  // The server's refusal, at the website field.
  await expect(dialog.getByLabel('Website')).toHaveAttribute('aria-invalid', 'true');
  await expect(dialog.getByText('website must be a URL address')).toBeVisible();

  await dialog.getByLabel('Website').fill('https://mekong-filtration.example');
  await dialog.getByRole('button', { name: 'Create' }).click();
  await expect(dialog).toBeHidden();

  await page.getByRole('searchbox', { name: 'Search by name' }).fill(name);
  await page.getByRole('searchbox', { name: 'Search by name' }).press('Enter');
  const row = page.getByRole('row').filter({ hasText: name });
  await expect(row).toContainText('https://mekong-filtration.example');
  await expect(row.getByTestId('verification')).toHaveText('Pending');

  await row.getByRole('button', { name: `Edit ${name}` }).click();
  const edit = page.getByRole('dialog', { name: `Edit ${name}` });
  await expect(edit.getByLabel('Parent group')).toHaveValue('Mekong Water Group');
  await edit.getByLabel('Name in English').fill(`${name} Ltd`);
  await edit.getByRole('button', { name: 'Save' }).click();
  await expect(edit).toBeHidden();
  await expect(page.getByRole('row').filter({ hasText: `${name} Ltd` })).toBeVisible();
});

test('a coordinator reads the matching weights in force, and a weak field’s caveat once above its candidates', async ({
  page,
  request,
}) => {
  // A need of a kind nobody's track record has: every candidate carries the same caveat.
  const [agency, coordinator] = await Promise.all((['AGENCY_MEMBER', 'COORDINATOR'] as const).map((role) => tokenOf(request, role)));
  const needId = await publishedNeed(request, agency, {
    title: 'Lunar regolith ice extraction for a polar research station',
    description: 'Rover-mounted microwave heating of regolith, cryogenic cold traps and sublimation chambers for a crewed polar outpost.',
    sectorCode: '14015',
  });
  const { suggestMatches } = await api<Suggested>(request, coordinator, SUGGEST, { needId });

  // The demo data has no refit: the defaults in code rank, each factor above 0 in the table, the others listed apart.
  await signInAs(page, 'Coordinator', '/statistics');
  const weights = page.getByRole('region', { name: 'Matching weights' });
  await expect(weights.getByTestId('weights-in-force')).toHaveText('Default weights in code — no refit yet');
  await expect(weights.getByRole('row', { name: /^Track record matches the need’s words \d+(\.\d)?%$/ })).toBeVisible();
  await expect(weights.getByTestId('weights-information-only')).toContainText('Projects in the need’s country with the same financier');
  await expect(weights.getByText(/^No refit yet: /)).toBeVisible();

  await page.goto(`/review/needs/${needId}`);
  await expect(page.getByTestId('candidate').first()).toBeVisible();
  await expect(page.getByRole('status').filter({ hasText: 'No candidate has done this kind of work' })).toBeVisible();
  // Once, above the cards: not again in each card's summary.
  await expect(page.getByText(/No candidate has done this kind of work/)).toHaveCount(1);

  await page.goto(`/matches/${suggestMatches[0].id}`);
  await expect(page.getByTestId('ranked-with')).toHaveText('Ranked with the default weights');
});
