import { expect, test, type APIRequestContext, type Page } from '@playwright/test';
import { join } from 'node:path';
import { api, introducedMatch } from './support';

/**
 * The screenshots of docs/console (npm run screenshots): the main pages, in English and in Chinese, at 1280 px, and two
 * at phone width. Viewport-sized, not full-page, so each PNG stays small.
 */
const OUT = join(__dirname, '..', '..', 'docs', 'console');
const DESKTOP = { width: 1280, height: 860 };
const PHONE = { width: 390, height: 844 };
type Lang = 'en' | 'zh';

async function shoot(page: Page, name: string) {
  await page.waitForLoadState('networkidle');
  await expect(page.locator('.ant-spin-spinning, .ant-skeleton-active')).toHaveCount(0);
  await page.evaluate(() => document.fonts.ready);
  await page.screenshot({ path: join(OUT, `${name}.png`), fullPage: false });
}

/** Opens `path` signed in with `token` (kept in the browser, as the console does), in `lang`. */
async function open(page: Page, path: string, token: string | null, lang: Lang) {
  await page.goto('/sign-in');
  await page.evaluate(
    ([value, language]) => {
      if (value) localStorage.setItem('waterbridge.token', value);
      else localStorage.removeItem('waterbridge.token');
      localStorage.setItem('waterbridge.language', language);
    },
    [token, lang === 'zh' ? 'ZH' : 'EN'] as const,
  );
  await page.goto(path);
  await expect(page.locator('#root h2').first()).toBeVisible();
}

/**
 * A need of the demo agency, with a match with the demo enterprise, approved and accepted by the enterprise (its
 * timeline has several steps), and three more candidates waiting for the coordinator.
 */
async function story(request: APIRequestContext) {
  const made = await introducedMatch(request, {
    title: 'Leak detection and pressure management for the old town water mains',
    description: 'Acoustic loggers, district metering and a repair crew trained to cut the losses of a 90-year-old network.',
    sectorCode: '14020',
    message: 'We cut such losses in three cities.',
  });
  const { needId, matchId, version, enterprise, coordinator } = made;
  await api(request, coordinator, 'mutation($needId: ID!) { suggestMatches(needId: $needId, first: 3) { id } }', { needId });
  // The enterprise accepts; the agency has yet to (both would make the need MATCHED and close its other candidates).
  await api(request, enterprise, 'mutation($input: RespondToMatchInput!) { respondToMatch(input: $input) { id } }', {
    input: { id: matchId, version, accept: true },
  });
  return made;
}

let made: ReturnType<typeof story> | undefined;

for (const lang of ['en', 'zh'] as const) {
  test(`the main pages (${lang})`, async ({ page }) => {
    test.setTimeout(120_000);
    made ??= story(page.request);
    const { needId, matchId, agency, enterprise, coordinator } = await made;
    await page.setViewportSize(DESKTOP);

    await open(page, lang === 'zh' ? '/?q=海水淡化' : '/?q=desalination', null, lang);
    await page.getByTestId('needs-found').waitFor();
    await shoot(page, `needs-${lang}`);
    await page.locator('.ant-list-item a').first().click();
    await page.locator('.ant-descriptions').waitFor();
    await shoot(page, `need-${lang}`);
    await page.goto('/enterprises?q=Sinohydro');
    await page.locator('.ant-list-item a').first().click();
    await page.getByTestId('countries-worked').waitFor();
    await shoot(page, `enterprise-${lang}`);
    await page.goto('/sign-in');
    await page.locator('section').waitFor();
    await shoot(page, `sign-in-${lang}`);

    await open(page, '/my/needs', agency, lang);
    await shoot(page, `agency-needs-${lang}`);
    await open(page, '/my/needs/new', agency, lang);
    await shoot(page, `agency-need-form-${lang}`);
    await open(page, `/matches/${matchId}`, agency, lang);
    await page.getByTestId('match-timeline').waitFor();
    await shoot(page, `match-${lang}`);
    // The timeline is below the explanation: a second picture, scrolled to it.
    await page.getByTestId('match-timeline').evaluate((timeline) => timeline.scrollIntoView({ block: 'start' }));
    await shoot(page, `match-timeline-${lang}`);

    await open(page, '/opportunities', enterprise, lang);
    await page.getByTestId('opportunity').first().waitFor();
    await shoot(page, `enterprise-opportunities-${lang}`);
    await open(page, '/inbox', enterprise, lang);
    await page.getByTestId('notification').first().waitFor();
    await shoot(page, `inbox-${lang}`);

    await open(page, `/review/needs/${needId}`, coordinator, lang);
    await page.getByTestId('candidate').nth(1).waitFor();
    await shoot(page, `coordinator-candidates-${lang}`);
    await open(page, '/statistics', coordinator, lang);
    await page.getByTestId('funnel-chart').locator('canvas').waitFor();
    // The charts draw in with an animation (about a second): shot once it ends.
    await page.waitForTimeout(1_500);
    await shoot(page, `coordinator-statistics-${lang}`);

    await page.setViewportSize(PHONE);
    await open(page, '/', null, lang);
    await shoot(page, `home-phone-${lang}`);
    await open(page, '/opportunities', enterprise, lang);
    await page.getByTestId('opportunity').first().waitFor();
    await shoot(page, `enterprise-opportunities-phone-${lang}`);
  });
}
