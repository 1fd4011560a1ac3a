import AxeBuilder from '@axe-core/playwright';
import { expect, test, type APIRequestContext, type Page } from '@playwright/test';
import { api, introducedMatch, tokenOf, type IntroducedMatch } from './support';

/**
 * axe-core's WCAG 2.1 A and AA rules on the console's pages, in both languages: no serious or critical violation.
 * One test per role, its main pages read in English then in Chinese by one signed-in page; its other pages, and a few
 * at phone width, in English only (the suite must stay within its 3 minutes; axe takes 1–3 s a page here).
 * The language is switched in the browser only (never saved to the demo accounts, which other spec files rely on).
 */
type Language = 'EN' | 'ZH';
const LANGUAGES: Language[] = ['EN', 'ZH'];
const PHONE = { width: 390, height: 844 };

async function violations(page: Page) {
  // Only the violations are collected: the passes of every rule on every node would double axe's time.
  const results = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
    .options({ resultTypes: ['violations'] })
    .analyze();
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.nodes.length} × ${v.help} — ${v.nodes[0]?.target.join(' ')}`);
}

/** Reads the console in `language` from now on (the next page load applies it; the account's saved one is left alone). */
async function readIn(page: Page, language: Language) {
  if (!page.url().startsWith('http')) await page.goto('/sign-in');
  await page.evaluate((lang) => localStorage.setItem('waterbridge.language', lang), language);
}

/** Signed in with a token of the API's (the console keeps it in the browser): the sign-in form is sign-in.pw.ts's. */
async function signInWith(page: Page, token: string) {
  await page.goto('/sign-in');
  await page.evaluate((value) => localStorage.setItem('waterbridge.token', value), token);
}

/** Opens each path in each language and runs axe once the page has loaded; fails with every finding at once. */
async function checkPages(page: Page, paths: string[], languages = LANGUAGES) {
  const found: Array<{ path: string; language: Language; violations: string[] }> = [];
  for (const language of languages) {
    await readIn(page, language);
    for (const path of paths) {
      await page.goto(path);
      // Loaded: its heading shown (a 404 has none), no spinner or skeleton left (lazy chunks, queries).
      await expect(page.locator(path === '/nowhere' ? '.ant-result-404' : '#root :is(h2, h3)').first()).toBeVisible();
      await expect(page.locator('.ant-spin-spinning, .ant-skeleton-active')).toHaveCount(0);
      // The page itself, not a refusal or an error in its place (axe would pass those too).
      await expect(page.locator('[data-testid=refused], [data-testid=error-code]')).toHaveCount(0);
      const list = await violations(page);
      if (list.length) found.push({ path, language, violations: list });
    }
  }
  expect(found).toEqual([]);
}

/**
 * What the signed-in pages show, made through the API once for the file: a need of the demo agency (its own, so no
 * other spec file's need is touched) that the demo enterprise asked for and the coordinator approved — a match — and
 * three more candidates waiting for review.
 */
type Fixture = IntroducedMatch;
let fixture: Promise<Fixture> | undefined;
function needWithMatch(request: APIRequestContext) {
  fixture ??= (async () => {
    const made = await introducedMatch(request, {
      title: `Leak detection for the old town's water mains ${Date.now()}`,
      description: 'Acoustic loggers, district metering and a repair crew trained to cut the losses of a 90-year-old network.',
      sectorCode: '14020',
      message: 'We cut such losses before.',
    });
    await api(request, made.coordinator, 'mutation($needId: ID!) { suggestMatches(needId: $needId, first: 3) { id } }', {
      needId: made.needId,
    });
    return made;
  })();
  return fixture;
}

test('the public pages (also the home page at phone width)', async ({ page }) => {
  await checkPages(page, ['/', '/enterprises', '/sign-in', '/nowhere']);
  await page.setViewportSize(PHONE);
  await checkPages(page, ['/'], ['EN']);
});

test('an agency member: my needs, the need form, a need with its panel, a match, webhooks', async ({ page }) => {
  const { needId, matchId, agency } = await needWithMatch(page.request);
  await signInWith(page, agency);
  await checkPages(page, ['/my/needs', '/my/needs/new', `/needs/${needId}`, `/matches/${matchId}`]);
  await checkPages(page, ['/settings/webhooks'], ['EN']);
});

test('an enterprise member: opportunities, my matches, my profile; opportunities and a match at phone width', async ({ page }) => {
  const { matchId, enterprise } = await needWithMatch(page.request);
  await signInWith(page, enterprise);
  await checkPages(page, ['/opportunities', '/my/profile']);
  await checkPages(page, ['/my/matches'], ['EN']);
  await page.setViewportSize(PHONE);
  await checkPages(page, ['/opportunities', `/matches/${matchId}`], ['EN']);
});

test('a coordinator: the review queue, a need’s candidates, statistics, organisations', async ({ page }) => {
  const { needId, coordinator } = await needWithMatch(page.request);
  await signInWith(page, coordinator);
  await checkPages(page, [`/review/needs/${needId}`, '/statistics']);
  await checkPages(page, ['/review', '/organizations'], ['EN']);
});

test('an administrator: users, and what everyone has — inbox, notification settings, password', async ({ page }) => {
  await signInWith(page, await tokenOf(page.request, 'ADMIN'));
  await checkPages(page, ['/inbox', '/settings/notifications']);
  await checkPages(page, ['/admin/users', '/settings/password'], ['EN']);
});

test('a coordinator: the alliance report', async ({ page }) => {
  await signInWith(page, await tokenOf(page.request, 'COORDINATOR'));
  await checkPages(page, ['/reports']);
});
