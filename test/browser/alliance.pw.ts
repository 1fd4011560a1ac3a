/// <reference lib="dom" />
import { expect, test, type APIRequestContext, type Browser, type BrowserContext, type Page } from '@playwright/test';
import { readFile } from 'node:fs/promises';
import { api, choose, confirmInPopup, introducedMatch, tokenOf } from './support';

/**
 * The alliance's pages (issue 16): activities and registration, B2B meetings, the secretariat's activity form and
 * lifecycle, programmes and their form, donations and training, and the secretariat acting in an organisation's name. Each test makes its own activity through the API; the pages are read as the demo
 * accounts, signed in with a token of the API's (the sign-in form is sign-in.pw.ts's), in the language each step says.
 */
type Role = 'AGENCY_MEMBER' | 'COORDINATOR' | 'ENTERPRISE_MEMBER';
const DAY = 86_400_000;

/** The browser contexts a test opened, closed after it (their live connections would otherwise outlive it). */
const opened: BrowserContext[] = [];
test.afterEach(async () => {
  await Promise.all(opened.splice(0).map((context) => context.close()));
});

/** A page of its own (another browser context) signed in as `token`, reading the console in `language`. */
async function pageAs(browser: Browser, token: string, language: 'EN' | 'ZH' = 'EN'): Promise<Page> {
  const context = await browser.newContext();
  opened.push(context);
  const page = await context.newPage();
  await page.goto('/sign-in');
  await page.evaluate(
    ([value, lang]) => {
      localStorage.setItem('waterbridge.token', value);
      localStorage.setItem('waterbridge.language', lang);
    },
    [token, language] as const,
  );
  return page;
}

async function tokens(request: APIRequestContext, ...roles: Role[]): Promise<Record<Role, string>> {
  const found = await Promise.all(roles.map((role) => tokenOf(request, role)));
  return Object.fromEntries(roles.map((role, i) => [role, found[i]])) as Record<Role, string>;
}

/** The organisation of the demo account behind `token`. */
async function organizationOf(request: APIRequestContext, token: string): Promise<{ id: string; nameEn: string }> {
  const { me } = await api<{ me: { organization: { id: string; nameEn: string } } }>(
    request,
    token,
    '{ me { organization { id nameEn } } }',
  );
  return me.organization;
}

/** The three roles' tokens, and the demo enterprise and agency. */
async function parties(request: APIRequestContext) {
  const all = await tokens(request, 'COORDINATOR', 'ENTERPRISE_MEMBER', 'AGENCY_MEMBER');
  const [enterprise, agency] = await Promise.all([
    organizationOf(request, all.ENTERPRISE_MEMBER),
    organizationOf(request, all.AGENCY_MEMBER),
  ]);
  return { all, enterprise, agency };
}

/** Through the API, a coordinator publishes an activity in Sri Lanka a month ahead (the venue's clock: Asia/Colombo). */
async function publishedActivity(
  request: APIRequestContext,
  coordinator: string,
  fields: { title: string; kind: string; capacity: number },
) {
  const startsAt = new Date(Math.ceil((Date.now() + 30 * DAY) / DAY) * DAY + 3.5 * 3_600_000); // 09:00 in Colombo
  const { createActivity } = await api<{ createActivity: { id: string } }>(
    request,
    coordinator,
    'mutation($input: CreateActivityInput!) { createActivity(input: $input) { id } }',
    {
      input: {
        ...fields,
        countryCode: 'LK',
        city: 'Colombo',
        timeZone: 'Asia/Colombo',
        startsAt: startsAt.toISOString(),
        endsAt: new Date(startsAt.getTime() + 8 * 3_600_000).toISOString(),
        registrationDeadline: new Date(startsAt.getTime() - 7 * DAY).toISOString(),
      },
    },
  );
  await api(request, coordinator, 'mutation($id: ID!) { publishActivity(id: $id) { id } }', { id: createActivity.id });
  return { id: createActivity.id, startsAt };
}

async function register(request: APIRequestContext, token: string, activityId: string, name: string, position: string) {
  const { registerDelegates } = await api<{ registerDelegates: Array<{ id: string }> }>(
    request,
    token,
    'mutation($input: RegisterDelegatesInput!) { registerDelegates(input: $input) { id } }',
    {
      input: { activityId, delegates: [{ name, position, email: `${name.replace(/\W/g, '.').toLowerCase()}.${Date.now()}@example.org` }] },
    },
  );
  return registerDelegates[0].id;
}

test('an enterprise member registers two delegates: one holds the last seat, one waits; the secretariat confirms; the member cancels', async ({
  browser,
  request,
}) => {
  const { COORDINATOR: coordinator, ENTERPRISE_MEMBER: enterprise } = await tokens(request, 'COORDINATOR', 'ENTERPRISE_MEMBER');
  const title = `Seminar on non-revenue water ${Date.now()}`;
  const { id } = await publishedActivity(request, coordinator, { title, kind: 'SEMINAR', capacity: 1 });

  const member = await pageAs(browser, enterprise);
  await member.goto('/activities');
  await choose(member.getByLabel('Kind of activity'), 'Seminar');
  await expect(member).toHaveURL(/kind=SEMINAR/);
  await member.getByRole('link', { name: title }).click();
  await expect(member.getByRole('heading', { level: 2, name: title })).toBeVisible();
  await expect(member.getByTestId('activity-when')).toContainText('09:00');
  await expect(member.getByTestId('activity-when')).toContainText('(Asia/Colombo)');
  await expect(member.getByTestId('activity-seats')).toHaveText('1 seat: 1 free, 0 confirmed; 0 on the waiting list');

  const first = member.getByRole('group', { name: 'Delegate 1' });
  await first.getByLabel('Name').fill('Ana Silva');
  await first.getByLabel('E-mail').fill(`ana.silva.${Date.now()}@example.org`);
  await first.getByLabel('Position').fill('Hydraulic engineer');
  await member.getByRole('button', { name: 'Add a delegate' }).click();
  const second = member.getByRole('group', { name: 'Delegate 2' });
  await second.getByLabel('Name').fill('Wang Lei');
  await second.getByLabel('E-mail').fill(`wang.lei.${Date.now()}@example.org`);
  await member.getByRole('button', { name: 'Register', exact: true }).click();
  const registered = member.getByTestId('registered');
  await expect(registered).toContainText('Ana Silva: a seat is held');
  await expect(registered).toContainText('Wang Lei: no seat left — on the waiting list, no. 1');
  await expect(member.getByRole('row', { name: /Ana Silva/ }).getByTestId('registration-status')).toHaveText('Seat held, to be confirmed');
  await expect(member.getByRole('row', { name: /Wang Lei/ }).getByTestId('registration-status')).toHaveText('Waiting list: no. 1');
  await expect(member.getByTestId('activity-seats')).toHaveText('1 seat: 0 free, 0 confirmed; 1 on the waiting list');

  // The secretariat confirms the seat held.
  const secretariat = await pageAs(browser, coordinator);
  await secretariat.goto(`/activities/${id}?tab=registrations`);
  await secretariat.getByRole('button', { name: 'Confirm Ana Silva' }).click();
  await expect(secretariat.getByRole('row', { name: /Ana Silva/ }).getByTestId('registration-status')).toHaveText('Confirmed');

  // The member finds it confirmed, and takes the one waiting off the list.
  await member.reload();
  await expect(member.getByRole('row', { name: /Ana Silva/ }).getByTestId('registration-status')).toHaveText('Confirmed');
  await member
    .getByRole('row', { name: /Wang Lei/ })
    .getByRole('button', { name: 'Cancel registration' })
    .click();
  await confirmInPopup(member, 'Yes');
  await expect(member.getByRole('row', { name: /Wang Lei/ }).getByTestId('registration-status')).toHaveText('Cancelled');
  await expect(member.getByTestId('activity-seats')).toHaveText('1 seat: 0 free, 1 confirmed; 0 on the waiting list');
});

test('meetings: whom to meet with why, a request the agency accepts in Chinese, the secretariat schedules it, the agenda as an .ics file', async ({
  browser,
  request,
}) => {
  const all = await tokens(request, 'COORDINATOR', 'ENTERPRISE_MEMBER', 'AGENCY_MEMBER');
  const { me } = await api<{ me: { organization: { nameEn: string } } }>(request, all.AGENCY_MEMBER, '{ me { organization { nameEn } } }');
  const { id, startsAt } = await publishedActivity(request, all.COORDINATOR, {
    title: `Exhibition of water technologies ${Date.now()}`,
    kind: 'EXHIBITION',
    capacity: 20,
  });
  const delegates = [
    await register(request, all.ENTERPRISE_MEMBER, id, 'Zhou Min', 'Chief engineer'),
    await register(request, all.AGENCY_MEMBER, id, 'Nimal Perera', 'Director of planning'),
  ];
  for (const registration of delegates)
    await api(request, all.COORDINATOR, 'mutation($id: ID!) { confirmRegistration(id: $id) { id } }', { id: registration });
  const slot = (k: number) => ({
    startsAt: new Date(startsAt.getTime() + k * 1_800_000).toISOString(),
    endsAt: new Date(startsAt.getTime() + (k + 1) * 1_800_000).toISOString(),
  });
  await api(request, all.COORDINATOR, 'mutation($input: SetMeetingPlanInput!) { setMeetingPlan(input: $input) { tables } }', {
    input: { activityId: id, tables: 1, slots: [slot(0), slot(1)] },
  });

  // The enterprise's delegate: the agency is suggested, with the matching engine's why; a meeting is asked for.
  const enterprise = await pageAs(browser, all.ENTERPRISE_MEMBER);
  await enterprise.goto(`/activities/${id}?tab=meetings`);
  const suggestion = enterprise.getByRole('region', { name: me.organization.nameEn });
  await expect(suggestion.getByRole('img', { name: /: \+\d/ }).first()).toBeVisible();
  await suggestion.getByRole('button', { name: 'Request a meeting' }).click();
  const dialog = enterprise.getByRole('dialog', { name: `Request a meeting with ${me.organization.nameEn}` });
  await expect(dialog.getByText('Nimal Perera, Director of planning')).toBeVisible();
  await dialog.getByLabel('What to talk about').fill('Pumping stations for the new intake');
  await dialog.getByRole('button', { name: 'Send the request' }).click();
  await expect(enterprise.getByTestId('meeting-requested')).toHaveText(
    'Meeting requested with Nimal Perera: they are told and answer here.',
  );
  await expect(enterprise.getByTestId('request-outgoing')).toContainText('Awaiting an answer');
  await expect(suggestion.getByText('Already requested')).toBeVisible();

  // The agency's member, reading the console in Chinese, accepts.
  const agency = await pageAs(browser, all.AGENCY_MEMBER, 'ZH');
  await agency.goto(`/activities/${id}?tab=meetings`);
  const incoming = agency.getByTestId('request-incoming');
  await expect(incoming).toContainText('Zhou Min, Chief engineer');
  await expect(incoming).toContainText('Pumping stations for the new intake');
  await incoming.getByRole('button', { name: '接受' }).click();
  await expect(incoming.getByTestId('meeting-status')).toHaveText('已接受');

  // The secretariat schedules: the one accepted request is placed, as many as any schedule could.
  const secretariat = await pageAs(browser, all.COORDINATOR);
  await secretariat.goto(`/activities/${id}?tab=meetings`);
  await secretariat.getByRole('button', { name: 'Schedule meetings' }).click();
  const result = secretariat.getByTestId('schedule-result');
  await expect(result.getByRole('row').first()).toContainText('Placed1');
  await expect(result).toContainText('At most possible1');
  await expect(secretariat.getByTestId('all-requests')).toContainText('table 1');

  // The enterprise's agenda: 09:00 in Colombo, table 1, with the agency's delegate; and the same as a calendar file.
  await enterprise.reload();
  const agenda = enterprise.getByTestId('agenda');
  await expect(agenda.getByRole('row', { name: /Nimal Perera/ })).toContainText('09:00');
  const [file, download] = await Promise.all([
    enterprise.waitForResponse((response) => response.url().includes('/meetings/agenda.ics')),
    enterprise.waitForEvent('download'),
    enterprise.getByRole('button', { name: 'Download the agenda (.ics)' }).click(),
  ]);
  expect(file.headers()['content-type']).toMatch(/^text\/calendar/);
  expect(download.suggestedFilename()).toBe('agenda-Zhou-Min.ics');
  const calendar = await readFile(await download.path(), 'utf8');
  expect(calendar).toContain('BEGIN:VCALENDAR');
  expect(calendar).toMatch(/SUMMARY:Meeting: Nimal Perera/);

  // Away in the second slot: kept once saved.
  await enterprise.getByRole('checkbox').nth(1).check();
  await enterprise.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(enterprise.getByTestId('breaks-saved')).toBeVisible();
  await enterprise.reload();
  await expect(enterprise.getByRole('checkbox').nth(1)).toBeChecked();
});

test('a coordinator writes an activity (a refused deadline shown at its field), publishes it, closes registration and cancels it', async ({
  browser,
  request,
}) => {
  const { COORDINATOR: coordinator } = await tokens(request, 'COORDINATOR');
  const page = await pageAs(browser, coordinator);
  const title = `Field investigation of the Kelani river intake ${Date.now()}`;
  const day = (offset: number) => new Date(Date.now() + offset * DAY).toISOString().slice(0, 10);
  await page.goto('/activities');
  await page.getByRole('button', { name: 'New activity' }).click();
  await choose(page.getByLabel('Kind'), 'Field investigation');
  await page.getByLabel('Seats').fill('12');
  await page.getByLabel('Title in English').fill(title);
  await page.getByLabel('Title in Chinese').fill('凯拉尼河取水口实地考察');
  await choose(page.getByLabel('Country'), 'Sri Lanka (LK)');
  await page.getByLabel('City or site').fill('Kelaniya');
  await choose(page.getByLabel('Time zone of the venue'), 'Asia/Colombo');
  await page.getByLabel('Starts').fill(`${day(40)}T09:00`);
  await page.getByLabel('Ends').fill(`${day(42)}T17:00`);
  await page.getByLabel('Registration closes').fill(`${day(41)}T12:00`);
  await page.getByRole('button', { name: 'Save and publish' }).click();
  // The server refuses a deadline after the start, at the field.
  await expect(page.getByLabel('Registration closes')).toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByText('registrations must close before the activity starts')).toBeVisible();
  await page.getByLabel('Registration closes').fill(`${day(30)}T12:00`);
  await page.getByRole('button', { name: 'Save and publish' }).click();

  await expect(page.getByRole('heading', { level: 2, name: title })).toBeVisible();
  await expect(page.getByTestId('activity-status')).toHaveText('Registration open');
  // Read back on the venue's clock, as typed.
  await expect(page.getByTestId('activity-when')).toContainText('09:00');
  await expect(page.getByTestId('activity-when')).toContainText('17:00 (Asia/Colombo)');

  const lifecycle = page.getByTestId('lifecycle');
  await lifecycle.getByRole('button', { name: 'Close registration' }).click();
  await confirmInPopup(page, 'Yes');
  await expect(page.getByTestId('activity-status')).toHaveText('Registration closed');
  await lifecycle.getByRole('button', { name: 'Cancel the activity' }).click();
  const dialog = page.getByRole('dialog', { name: 'Cancel the activity' });
  await dialog.getByLabel('Reason (told to everyone registered)').fill('The site is flooded this season.');
  await dialog.getByRole('button', { name: 'Cancel the activity' }).click();
  await expect(page.getByTestId('activity-status')).toHaveText('Cancelled');
  await expect(lifecycle).toContainText('Nothing more happens to this activity.');
});

test('equipment: an enterprise pledges it to an agency, ships it once approved; the agency records the handover', async ({
  browser,
  request,
}) => {
  const { all, agency: recipient } = await parties(request);
  const title = `Portable water-quality laboratories ${Date.now()}`;

  const enterprise = await pageAs(browser, all.ENTERPRISE_MEMBER);
  await enterprise.goto('/contributions');
  await enterprise.getByRole('button', { name: 'Pledge equipment' }).click();
  const dialog = enterprise.getByRole('dialog', { name: 'Pledge equipment' });
  await choose(dialog.getByLabel('Recipient'), recipient.nameEn);
  await dialog.getByLabel('What is given, in a line').fill(title);
  const item = dialog.getByRole('group', { name: 'Item 1' });
  await item.getByLabel('Item').fill('Portable water-quality laboratory');
  await item.getByLabel('Quantity').fill('2');
  await item.getByLabel('Value of one').fill('15000');
  await dialog.getByLabel('Currency').fill('usd');
  await dialog.getByRole('button', { name: 'Pledge' }).click();
  await expect(dialog).toBeHidden();
  const row = (page: Page) => page.getByRole('row', { name: new RegExp(title) });
  await expect(row(enterprise).getByTestId('donation-status')).toHaveText('Pledged');
  await expect(row(enterprise)).toContainText('US$30,000');

  // The secretariat approves it (its list and buttons are the same page's); the donor ships it.
  const { donations } = await api<{ donations: { edges: Array<{ node: { id: string; title: string; version: number } }> } }>(
    request,
    all.COORDINATOR,
    '{ donations(status: PLEDGED, first: 100) { edges { node { id title version } } } }',
  );
  const pledged = donations.edges.find((edge) => edge.node.title === title)!.node;
  await api(request, all.COORDINATOR, 'mutation($input: MoveDonationInput!) { moveDonation(input: $input) { id } }', {
    input: { id: pledged.id, version: pledged.version, to: 'APPROVED' },
  });
  await enterprise.reload();
  await row(enterprise).getByRole('button', { name: 'Mark as shipped' }).click();
  await confirmInPopup(enterprise, 'Yes');
  await expect(row(enterprise).getByTestId('donation-status')).toHaveText('Shipped');

  // The recipient records the handover, today unless said otherwise.
  const agency = await pageAs(browser, all.AGENCY_MEMBER);
  await agency.goto('/contributions');
  await row(agency).getByRole('button', { name: 'Record the handover' }).click();
  const handover = agency.getByRole('dialog');
  await expect(handover.getByLabel('Day it was handed over')).toHaveValue(new Date().toISOString().slice(0, 10));
  await handover.getByRole('button', { name: 'Record the handover' }).click();
  await expect(row(agency).getByTestId('donation-status')).toHaveText('Handed over');
  await expect(row(agency).getByRole('button', { name: 'In operation' })).toBeVisible();
});

test('a coordinator refuses an approved donation whose donor stopped answering, saying why; the donor reads the reason', async ({
  browser,
  request,
}) => {
  const { all, agency: recipient } = await parties(request);
  const title = `Chlorinators for the district ${Date.now()}`;
  const { pledgeDonation: pledged } = await api<{ pledgeDonation: { id: string; version: number } }>(
    request,
    all.ENTERPRISE_MEMBER,
    'mutation($input: PledgeDonationInput!) { pledgeDonation(input: $input) { id version } }',
    { input: { recipientId: recipient.id, title, items: [{ name: 'Chlorinator', quantity: 4 }] } },
  );
  await api(request, all.COORDINATOR, 'mutation($input: MoveDonationInput!) { moveDonation(input: $input) { id } }', {
    input: { id: pledged.id, version: pledged.version, to: 'APPROVED' },
  });

  const coordinator = await pageAs(browser, all.COORDINATOR);
  await coordinator.goto('/contributions');
  const row = (page: Page) => page.getByRole('row', { name: new RegExp(title) });
  await expect(row(coordinator).getByTestId('donation-status')).toHaveText('Approved');
  await row(coordinator).getByRole('button', { name: 'Refuse' }).click();
  const dialog = coordinator.getByRole('dialog');
  await dialog.getByLabel('Reason').fill('No answer from the donor for three months.');
  await dialog.getByRole('button', { name: 'Refuse' }).click();
  await expect(row(coordinator).getByTestId('donation-status')).toHaveText('Refused');

  const donor = await pageAs(browser, all.ENTERPRISE_MEMBER);
  await donor.goto('/contributions');
  await expect(row(donor).getByTestId('donation-status')).toHaveText('Refused');
  await expect(row(donor)).toContainText('No answer from the donor for three months.');
});

test('a coordinator records an equipment handover in the recipient’s name, then as the outcome of the match it served; the match shows it', async ({
  browser,
  request,
}) => {
  // An engaged match: the demo agency's need, the demo enterprise, both accepted.
  const needTitle = `Pressure sensors for the Kandy trunk mains ${Date.now()}`;
  const made = await introducedMatch(request, {
    title: needTitle,
    description: 'Pressure sensors and loggers along the trunk mains, with the staff trained to read them.',
    sectorCode: '14020',
    message: 'We supplied such sensors before.',
  });
  const respond = (token: string, version: number) =>
    api<{ respondToMatch: { version: number } }>(
      request,
      token,
      'mutation($input: RespondToMatchInput!) { respondToMatch(input: $input) { version } }',
      { input: { id: made.matchId, version, accept: true } },
    );
  const accepted = await respond(made.enterprise, made.version);
  await respond(made.agency, accepted.respondToMatch.version);

  // Equipment for that need, pledged, approved and shipped through the API.
  const agency = await organizationOf(request, made.agency);
  const title = `Pressure loggers ${Date.now()}`;
  const { pledgeDonation } = await api<{ pledgeDonation: { id: string; version: number } }>(
    request,
    made.enterprise,
    'mutation($input: PledgeDonationInput!) { pledgeDonation(input: $input) { id version } }',
    {
      input: {
        recipientId: agency.id,
        needId: made.needId,
        title,
        items: [{ name: 'Pressure logger', quantity: 20, unitValue: 400 }],
        currency: 'USD',
      },
    },
  );
  const move = (token: string, version: number, to: string) =>
    api<{ moveDonation: { version: number } }>(
      request,
      token,
      'mutation($input: MoveDonationInput!) { moveDonation(input: $input) { version } }',
      { input: { id: pledgeDonation.id, version, to } },
    );
  const approved = await move(made.coordinator, pledgeDonation.version, 'APPROVED');
  await move(made.enterprise, approved.moveDonation.version, 'SHIPPED');

  // The secretariat records the handover for the recipient…
  const page = await pageAs(browser, made.coordinator);
  await page.goto('/contributions');
  const row = page.getByRole('row', { name: new RegExp(title) });
  await row.getByRole('button', { name: 'Record the handover' }).click();
  const handover = page.getByRole('dialog', { name: `Handover of “${title}”` });
  await handover.getByRole('button', { name: 'Record the handover' }).click();
  await expect(handover).toBeHidden();
  await expect(row.getByTestId('donation-status')).toHaveText('Handed over');

  // …then records it as the outcome of the engaged match: the donation answers that need, so the donor's one match
  // on it is the only one offered, and chosen already.
  await expect(row.getByTestId('answers').getByRole('link', { name: needTitle })).toHaveAttribute('href', `/needs/${made.needId}`);
  await row.getByRole('button', { name: 'Record as a match outcome' }).click();
  const dialog = page.getByRole('dialog', { name: `Record “${title}” as a match outcome` });
  await expect(dialog).toContainText('A handover outcome, dated');
  await expect(dialog).toContainText(`on “${needTitle}”, the need of`);
  await expect(dialog.getByTitle(new RegExp(needTitle))).toBeVisible();
  await dialog.getByRole('button', { name: 'Record the outcome' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByTestId('outcome-recorded')).toContainText(`Recorded as an outcome of the match on “${needTitle}”.`);
  await expect(row.getByRole('button', { name: 'Record as a match outcome' })).toBeHidden();
  await expect(row.getByRole('link', { name: 'Outcome of a match' })).toHaveAttribute('href', `/matches/${made.matchId}`);

  await page.getByTestId('outcome-recorded').getByRole('link', { name: 'Open the match' }).click();
  await expect(page).toHaveURL(new RegExp(`/matches/${made.matchId}$`));
  const outcomes = page.getByTestId('match-outcomes');
  await expect(outcomes).toContainText('Handover');
  await expect(outcomes).toContainText(`Equipment donation: ${title}`);
  await expect(outcomes).toContainText('US$8,000');
});

test('the recipient opens, from its inbox, the donation and the course a notification is about: each alone, then the whole list', async ({
  browser,
  request,
}) => {
  const { all, agency } = await parties(request);
  const stamp = Date.now();
  const donationTitle = `Chlorine dosing pumps ${stamp}`;
  const courseTitle = `Dosing pump maintenance ${stamp}`;
  const { pledgeDonation: donation } = await api<{ pledgeDonation: { id: string } }>(
    request,
    all.ENTERPRISE_MEMBER,
    'mutation($input: PledgeDonationInput!) { pledgeDonation(input: $input) { id } }',
    { input: { recipientId: agency.id, title: donationTitle, items: [{ name: 'Dosing pump', quantity: 4 }] } },
  );
  const { pledgeTraining: course } = await api<{ pledgeTraining: { id: string } }>(
    request,
    all.ENTERPRISE_MEMBER,
    'mutation($input: PledgeTrainingInput!) { pledgeTraining(input: $input) { id } }',
    { input: { recipientId: agency.id, title: courseTitle, startsOn: '2026-10-05', hours: 12, trainees: 8 } },
  );
  // The recipient is told of both pledges (in-app, once the outbox has delivered them).
  await expect
    .poll(async () => {
      const { notifications } = await api<{
        notifications: { edges: Array<{ node: { donationId: string | null; trainingCourseId: string | null } }> };
      }>(request, all.AGENCY_MEMBER, '{ notifications(first: 50) { edges { node { donationId trainingCourseId } } } }');
      const about = notifications.edges.map((edge) => edge.node.donationId ?? edge.node.trainingCourseId);
      return about.includes(donation.id) && about.includes(course.id);
    })
    .toBe(true);

  const page = await pageAs(browser, all.AGENCY_MEMBER);
  const openFromInbox = async (title: string) => {
    await page.goto('/inbox');
    await page.getByTestId('notification').filter({ hasText: title }).first().getByRole('link').click();
  };
  await openFromInbox(donationTitle);
  await expect(page).toHaveURL(new RegExp(`/contributions\\?donation=${donation.id}$`));
  const donations = page.getByTestId('donations');
  await expect(donations.getByRole('row', { name: new RegExp(donationTitle) })).toBeVisible();
  await expect(donations.getByTestId('donation-status')).toHaveCount(1);
  await expect(donations).toContainText('Dosing pump'); // its items, shown opened
  await page.getByRole('button', { name: 'Show the whole list' }).click();
  await expect(page).toHaveURL(/\/contributions$/);
  await expect(page.getByLabel('Status', { exact: true })).toBeVisible(); // the list again, with its filter
  await expect(donations.getByRole('row', { name: new RegExp(donationTitle) })).toBeVisible();

  await openFromInbox(courseTitle);
  await expect(page).toHaveURL(new RegExp(`/contributions\\?tab=training&course=${course.id}$`));
  await expect(page.getByRole('tab', { name: 'Training courses', selected: true })).toBeVisible();
  const courses = page.getByTestId('training-courses');
  await expect(courses.getByRole('row', { name: new RegExp(courseTitle) })).toBeVisible();
  await expect(courses.getByTestId('training-status')).toHaveCount(1);
});

test('training: the secretariat offers a course in an enterprise’s name and approves it; the trainer records it given; the recipient reads it in Chinese', async ({
  browser,
  request,
}) => {
  const { all, enterprise, agency } = await parties(request);
  const title = `Operating membrane filtration plants ${Date.now()}`;
  const day = (offset: number) => new Date(Date.now() + offset * DAY).toISOString().slice(0, 10);
  const row = (page: Page) => page.getByRole('row', { name: new RegExp(title) });

  const secretariat = await pageAs(browser, all.COORDINATOR);
  await secretariat.goto('/contributions?tab=training');
  await secretariat.getByRole('button', { name: 'Offer a training course' }).click();
  const offer = secretariat.getByRole('dialog', { name: 'Offer a training course' });
  await choose(offer.getByLabel('Trainer', { exact: true }), enterprise.nameEn);
  await choose(offer.getByLabel('Trainees from'), agency.nameEn);
  await offer.getByLabel('Title').fill(title);
  await offer.getByLabel('First day').fill(day(-3));
  await offer.getByLabel('Last day').fill(day(-1));
  await offer.getByLabel('Planned hours').fill('24');
  await offer.getByLabel('Planned trainees').fill('15');
  await offer.getByRole('button', { name: 'Offer' }).click();
  await expect(offer).toBeHidden();
  await expect(row(secretariat)).toContainText(enterprise.nameEn);
  await expect(row(secretariat).getByTestId('training-status')).toHaveText('Pledged');
  await row(secretariat).getByRole('button', { name: 'Approve' }).click();
  await confirmInPopup(secretariat, 'Yes');
  await expect(row(secretariat).getByTestId('training-status')).toHaveText('Approved');

  // The trainer records the course as given: fewer trainees than planned, more hours, certificates for most.
  const trainer = await pageAs(browser, all.ENTERPRISE_MEMBER);
  await trainer.goto('/contributions?tab=training');
  await row(trainer).getByRole('button', { name: 'Record the course as given' }).click();
  const given = trainer.getByRole('dialog', { name: `Course given: “${title}”` });
  await expect(given.getByLabel('Trainees trained')).toHaveValue('15');
  await given.getByLabel('Trainees trained').fill('12');
  await given.getByLabel('Hours given').fill('30');
  await given.getByLabel('Certificates issued').fill('10');
  await given.getByRole('button', { name: 'Record the course as given' }).click();
  await expect(given).toBeHidden();
  await expect(row(trainer).getByTestId('training-status')).toHaveText('Completed');
  await expect(row(trainer)).toContainText('12 trained, 30 h, 10 certificates');

  // The recipient's member, reading in Chinese, finds it completed with what was given.
  const recipient = await pageAs(browser, all.AGENCY_MEMBER, 'ZH');
  await recipient.goto('/contributions?tab=training');
  await expect(row(recipient).getByTestId('training-status')).toHaveText('已完成');
  await expect(row(recipient)).toContainText('已培训 12 人、30 学时、颁发证书 10 份');
});

test('a coordinator creates a programme, edits it and adds a partner agency and an enterprise; the programme page shows them', async ({
  browser,
  request,
}) => {
  const { all, enterprise, agency } = await parties(request);
  const name = `Safe water for Mekong villages ${Date.now()}`;
  const page = await pageAs(browser, all.COORDINATOR);
  await page.goto('/programmes');
  await page.getByRole('button', { name: 'New programme' }).click();
  await page.getByLabel('Name in English').fill(name);
  await page.getByLabel('Name in Chinese').fill('湄公河村庄安全饮水');
  await page.getByLabel('Sponsor').fill('Alliance of International Science Organizations (ANSO)');
  await page.getByLabel('First day').fill('2026-03-01');
  await page.getByLabel('Budget').fill('1500000');
  await page.getByLabel('Currency').fill('cny');
  await page.getByRole('button', { name: 'Create' }).click();

  await expect(page.getByRole('heading', { level: 2, name })).toBeVisible();
  await expect(page.getByText('CN¥1,500,000')).toBeVisible();
  await expect(page.getByText('No member yet.')).toBeVisible();

  // Edited: a new sponsor line and a last day.
  await page.getByRole('button', { name: 'Edit' }).click();
  await expect(page.getByRole('heading', { level: 2, name: 'Edit programme' })).toBeVisible();
  await expect(page.getByLabel('Name in English')).toHaveValue(name);
  await page.getByLabel('Sponsor').fill('ANSO and the Cambodian Ministry of Rural Development');
  await page.getByLabel('Last day').fill('2028-12-31');
  await page.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByRole('heading', { level: 2, name })).toBeVisible();
  await expect(page.getByText('ANSO and the Cambodian Ministry of Rural Development')).toBeVisible();

  // Members: a partner agency and a member enterprise, found by name.
  const members = page.getByLabel('Organisations to add');
  for (const [who, kind] of [
    [agency.nameEn, 'Partner agency'],
    [enterprise.nameEn, 'Member enterprise'],
  ]) {
    await members.fill(who);
    await page.getByTitle(`${who} · ${kind}`, { exact: true }).click();
  }
  await page.getByRole('button', { name: 'Add', exact: true }).click();
  const table = page.getByTestId('programme-members');
  await expect(table.getByRole('row', { name: agency.nameEn })).toContainText('Partner agency');
  await expect(table.getByRole('row', { name: enterprise.nameEn })).toContainText('Member enterprise');

  // Read again, as anyone reads it.
  await page.reload();
  await expect(page.getByTestId('programme-members').getByRole('row')).toHaveCount(3);
});

test('a coordinator registers a delegate in an agency’s name; the agency finds its delegate', async ({ browser, request }) => {
  const all = await tokens(request, 'COORDINATOR', 'AGENCY_MEMBER');
  const agency = await organizationOf(request, all.AGENCY_MEMBER);
  const title = `Seminar on sludge reuse ${Date.now()}`;
  const { id } = await publishedActivity(request, all.COORDINATOR, { title, kind: 'SEMINAR', capacity: 5 });

  const secretariat = await pageAs(browser, all.COORDINATOR);
  await secretariat.goto(`/activities/${id}?tab=registrations`);
  await secretariat.getByRole('button', { name: 'Register delegates for an organisation' }).click();
  const dialog = secretariat.getByRole('dialog', { name: 'Register delegates for an organisation' });
  await choose(dialog.getByLabel('Organisation registering'), agency.nameEn);
  const first = dialog.getByRole('group', { name: 'Delegate 1' });
  await first.getByLabel('Name').fill('Kumari Jayasinghe');
  await first.getByLabel('E-mail').fill(`kumari.jayasinghe.${Date.now()}@example.org`);
  await first.getByLabel('Position').fill('Plant manager');
  await dialog.getByRole('button', { name: 'Register', exact: true }).click();
  await expect(dialog).toBeHidden();
  const registered = secretariat.getByTestId('registered');
  await expect(registered).toContainText(`Registered for ${agency.nameEn}`);
  await expect(registered).toContainText('Kumari Jayasinghe: a seat is held');
  const row = secretariat.getByRole('row', { name: /Kumari Jayasinghe/ });
  await expect(row).toContainText(agency.nameEn);
  await expect(row.getByTestId('registration-status')).toHaveText('Seat held, to be confirmed');

  const member = await pageAs(browser, all.AGENCY_MEMBER);
  await member.goto(`/activities/${id}`);
  await expect(member.getByRole('row', { name: /Kumari Jayasinghe/ }).getByTestId('registration-status')).toHaveText(
    'Seat held, to be confirmed',
  );
});
