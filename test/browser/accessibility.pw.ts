import AxeBuilder from '@axe-core/playwright';
import { expect, test, type APIRequestContext, type Page } from '@playwright/test';
import { api, introducedMatch, tokenOf, type IntroducedMatch } from './support';

/**
 * axe-core's WCAG 2.1 A and AA rules on the console's pages, in both languages: no serious or critical violation.
 * One test per role, its main pages read in English then in Chinese by one signed-in page; its other pages, and a few
 * at phone width, in English only (the suite must stay fast; axe takes 1–3 s a page here).
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

/**
 * The alliance's pages show what this makes through the API once for the file: a programme, and an activity of it a
 * month ahead where the demo enterprise and agency each have a confirmed delegate and a meeting plan is set (so the
 * meetings tab shows suggestions, requests, the agenda and the breaks).
 */
type Alliance = { activityId: string; programmeId: string };
let alliance: Promise<Alliance> | undefined;
function allianceActivity(request: APIRequestContext, made: Fixture) {
  alliance ??= (async () => {
    const { coordinator } = made;
    const { createProgramme } = await api<{ createProgramme: { id: string } }>(
      request,
      coordinator,
      'mutation($input: CreateProgrammeInput!) { createProgramme(input: $input) { id } }',
      {
        input: {
          nameEn: `Water for the Belt and Road ${Date.now()}`,
          sponsor: 'ANSO',
          startsOn: '2026-01-01',
          budget: 2e6,
          currency: 'CNY',
        },
      },
    );
    const startsAt = Date.now() + 30 * 86_400_000;
    const at = (offset: number) => new Date(startsAt + offset * 1_800_000).toISOString();
    const { createActivity } = await api<{ createActivity: { id: string } }>(
      request,
      coordinator,
      'mutation($input: CreateActivityInput!) { createActivity(input: $input) { id } }',
      {
        input: {
          kind: 'CONFERENCE',
          title: `Conference on water reuse ${Date.now()}`,
          titleZh: '水回用会议',
          countryCode: 'LK',
          city: 'Colombo',
          timeZone: 'Asia/Colombo',
          programmeId: createProgramme.id,
          capacity: 10,
          startsAt: at(0),
          endsAt: at(16),
          registrationDeadline: at(-240),
          sdgTargets: ['6.3'],
        },
      },
    );
    const activityId = createActivity.id;
    await api(request, coordinator, 'mutation($id: ID!) { publishActivity(id: $id) { id } }', { id: activityId });
    for (const [token, name] of [
      [made.enterprise, 'Zhou Min'],
      [made.agency, 'Nimal Perera'],
    ]) {
      const { registerDelegates } = await api<{ registerDelegates: Array<{ id: string }> }>(
        request,
        token,
        'mutation($input: RegisterDelegatesInput!) { registerDelegates(input: $input) { id } }',
        {
          input: { activityId, delegates: [{ name, email: `${name.replace(' ', '.')}.${Date.now()}@example.org`, position: 'Engineer' }] },
        },
      );
      await api(request, coordinator, 'mutation($id: ID!) { confirmRegistration(id: $id) { id } }', { id: registerDelegates[0].id });
    }
    await api(request, coordinator, 'mutation($input: SetMeetingPlanInput!) { setMeetingPlan(input: $input) { tables } }', {
      input: { activityId, tables: 2, slots: [0, 1].map((k) => ({ startsAt: at(k), endsAt: at(k + 1) })) },
    });
    return { activityId, programmeId: createProgramme.id };
  })();
  return alliance;
}

test('the public pages (also the home page at phone width)', async ({ page }) => {
  const { activityId, programmeId } = await allianceActivity(page.request, await needWithMatch(page.request));
  await checkPages(page, ['/', '/enterprises', '/sign-in', '/nowhere', '/activities', `/activities/${activityId}`]);
  await checkPages(page, ['/programmes', `/programmes/${programmeId}`], ['EN']);
  await page.setViewportSize(PHONE);
  await checkPages(page, ['/'], ['EN']);
});

test('an agency member: my needs, the need form, a need with its panel, a match, webhooks, donations and training', async ({ page }) => {
  const { needId, matchId, agency } = await needWithMatch(page.request);
  await signInWith(page, agency);
  await checkPages(page, ['/my/needs', '/my/needs/new', `/needs/${needId}`, `/matches/${matchId}`]);
  await checkPages(page, ['/settings/webhooks', '/contributions?tab=training'], ['EN']);
});

test('an enterprise member: opportunities, my matches, my profile, an activity and its meetings; opportunities, a match and an activity at phone width', async ({
  page,
}) => {
  const made = await needWithMatch(page.request);
  const { activityId } = await allianceActivity(page.request, made);
  await signInWith(page, made.enterprise);
  await checkPages(page, ['/opportunities', '/my/profile', `/activities/${activityId}?tab=meetings`]);
  await checkPages(page, ['/my/matches', `/activities/${activityId}`, '/contributions'], ['EN']);
  await page.setViewportSize(PHONE);
  await checkPages(page, ['/opportunities', `/matches/${made.matchId}`, `/activities/${activityId}?tab=meetings`], ['EN']);
});

test('a coordinator: the review queue, a need’s candidates, statistics, organisations, an activity’s registrations and meetings, the forms', async ({
  page,
}) => {
  const made = await needWithMatch(page.request);
  const { activityId, programmeId } = await allianceActivity(page.request, made);
  // The demo data's held seminar: its meetings placed by the scheduler, each at its table.
  const { activities } = await api<{ activities: { edges: Array<{ node: { id: string; title: string } }> } }>(
    page.request,
    made.coordinator,
    '{ activities(status: HELD, first: 20) { edges { node { id title } } } }',
  );
  const held = activities.edges.find(({ node }) => node.title.startsWith('Seminar on rural drinking-water quality'))!.node.id;
  await signInWith(page, made.coordinator);
  await checkPages(page, [`/review/needs/${made.needId}`, '/statistics', `/activities/${activityId}?tab=meetings`]);
  await checkPages(
    page,
    [
      '/review',
      '/organizations',
      `/activities/${activityId}?tab=registrations`,
      `/activities/${held}?tab=meetings`,
      '/activities/new',
      `/programmes/${programmeId}`,
      '/contributions',
      '/contributions?tab=training',
    ],
    ['EN'],
  );
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
