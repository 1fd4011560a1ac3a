import request from 'supertest';
import { Role } from '../../src/access/actor';
import { OrganizationEntity, OrganizationKind } from '../../src/organizations/organization.entity';
import { errorCode, GraphQLResponse, TestApp } from '../support/test-app';
import { Principal, PRINCIPALS, useWorld, World } from '../support/world';

const DAY = 86400_000;
/** Today on the UTC calendar, fixed once: every date of the seed and of the periods is counted from it. */
const TODAY = new Date().toISOString().slice(0, 10);
/** The calendar day `n` days from TODAY (YYYY-MM-DD). */
const day = (n: number) => new Date(Date.parse(TODAY) + n * DAY).toISOString().slice(0, 10);
/** The instant `time` (HH:MM, UTC) of the day `n` days from TODAY. */
const at = (n: number, time: string) => new Date(`${day(n)}T${time}:00Z`);

const REPORT = `query($groupBy: AllianceReportGrouping!, $from: String!, $to: String!, $programmeId: ID, $centreId: ID, $countryCode: String) {
  allianceReport(groupBy: $groupBy, from: $from, to: $to, programmeId: $programmeId, centreId: $centreId, countryCode: $countryCode) {
    groupBy from to
    rows { key nameEn nameZh figures { ...figures } }
    totals { ...figures }
  }
}
fragment figures on AllianceFigures {
  donations { handedOver inOperation withoutValue values { currency handedOver inOperation } }
  training { coursesCompleted trainees courseHours traineeHours certificatesIssued }
  activities { held byKind { kind count } meetingsHeld }
  matches { engaged outcomesRecorded outcomesByKind { kind count } }
  sdgTargets { code }
}`;

interface Figures {
  donations: {
    handedOver: number;
    inOperation: number;
    withoutValue: number;
    values: Array<{ currency: string; handedOver: number; inOperation: number }>;
  };
  training: { coursesCompleted: number; trainees: number; courseHours: number; traineeHours: number; certificatesIssued: number };
  activities: { held: number; byKind: Array<{ kind: string; count: number }>; meetingsHeld: number };
  matches: { engaged: number; outcomesRecorded: number; outcomesByKind: Array<{ kind: string; count: number }> };
  sdgTargets: string[];
}
interface Report {
  groupBy: string;
  from: string;
  to: string;
  rows: Array<{ key: string | null; nameEn: string | null; nameZh: string | null; figures: Figures }>;
  totals: Figures;
}
type Partial2<T> = { [K in keyof T]?: Partial<T[K]> };

/** Figures with nothing counted, and the ones given: every expected value below is written out in full where it is not 0. */
const figures = (given: Partial2<Figures> & { sdgTargets?: string[] } = {}): Figures => ({
  donations: { handedOver: 0, inOperation: 0, withoutValue: 0, values: [], ...given.donations },
  training: { coursesCompleted: 0, trainees: 0, courseHours: 0, traineeHours: 0, certificatesIssued: 0, ...given.training },
  activities: { held: 0, byKind: [], meetingsHeld: 0, ...given.activities },
  matches: { engaged: 0, outcomesRecorded: 0, outcomesByKind: [], ...given.matches },
  sdgTargets: given.sdgTargets ?? [],
});

/** A CSV file read back as RFC 4180 writes it (quoted cells with doubled quotes, CRLF lines). */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted && c === '"' && text[i + 1] === '"') {
      cell += '"';
      i++;
    } else if (c === '"') {
      quoted = !quoted;
    } else if (!quoted && c === ',') {
      row.push(cell);
      cell = '';
    } else if (!quoted && c === '\r' && text[i + 1] === '\n') {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
      i++;
    } else {
      cell += c;
    }
  }
  return rows;
}

/**
 * The alliance report against figures computed by hand from a small seed made through the API: two programmes, two
 * joint centres in Sri Lanka and Iran, agencies in Sri Lanka and Kenya, donations in several states and currencies,
 * training completed and not, activities held and not with B2B meetings placed and not, matches engaged (one with
 * two outcomes) and one only introduced — and, for each family, one thing just outside the period.
 */
describe('alliance reports: per programme, centre and country, against hand-computed figures', () => {
  let t: TestApp;
  let w: World;
  useWorld((app, world) => ((t = app), (w = world)));

  let centreLk: OrganizationEntity;
  let centreIr: OrganizationEntity;
  let programmeLk: string;
  let programmeIr: string;

  /** Runs an operation that must succeed, as a principal of the world or with a token (`who`: either). */
  const ok = async <T>(query: string, variables: Record<string, unknown>, who: string): Promise<T> => {
    const token = (PRINCIPALS as string[]).includes(who) ? w.token(who as Principal) : who;
    const res = await t.gql<T>(query, variables, token);
    expect({ query: query.slice(0, 60), errors: res.errors }).toEqual({ query: query.slice(0, 60), errors: undefined });
    return res.data!;
  };
  const report = async (variables: Record<string, unknown>, who: Principal = 'coordinator'): Promise<Report> => {
    const data = await ok<{ allianceReport: Report }>(REPORT, variables, who);
    // SDG targets as their codes, for short expectations.
    const codes = (f: Figures) => ({ ...f, sdgTargets: (f.sdgTargets as unknown as Array<{ code: string }>).map((s) => s.code) });
    const r = data.allianceReport;
    return { ...r, rows: r.rows.map((row) => ({ ...row, figures: codes(row.figures) })), totals: codes(r.totals) };
  };
  const rowOf = (r: Report, key: string | null) => r.rows.find((row) => row.key === key)?.figures;

  /** A donation pledged by the world's enterprise (recorded by the secretariat), moved along `path`. */
  async function donation(input: Record<string, unknown>, path: string[], handedOverOn?: string): Promise<void> {
    let d = (
      await ok<{ pledgeDonation: { id: string; version: number } }>(
        'mutation($input: PledgeDonationInput!) { pledgeDonation(input: $input) { id version } }',
        { input: { donorId: w.orgs.enterpriseOrg.id, title: 'Equipment', ...input } },
        'coordinator',
      )
    ).pledgeDonation;
    for (const to of path)
      d = (
        await ok<{ moveDonation: { id: string; version: number } }>(
          'mutation($input: MoveDonationInput!) { moveDonation(input: $input) { id version } }',
          { input: { id: d.id, version: d.version, to, ...(to === 'HANDED_OVER' ? { handedOverOn } : {}) } },
          'coordinator',
        )
      ).moveDonation;
  }

  /** A course pledged (by the secretariat, naming the trainer), moved along `path`; completed with `given`. */
  async function course(input: Record<string, unknown>, path: string[], given: Record<string, number> = {}): Promise<void> {
    let c = (
      await ok<{ pledgeTraining: { id: string; version: number } }>(
        'mutation($input: PledgeTrainingInput!) { pledgeTraining(input: $input) { id version } }',
        { input: { trainerId: w.orgs.enterpriseOrg.id, title: 'Course', hours: 40, trainees: 20, ...input } },
        'coordinator',
      )
    ).pledgeTraining;
    for (const to of path)
      c = (
        await ok<{ moveTraining: { id: string; version: number } }>(
          'mutation($input: MoveTrainingInput!) { moveTraining(input: $input) { id version } }',
          { input: { id: c.id, version: c.version, to, ...(to === 'COMPLETED' ? given : {}) } },
          'coordinator',
        )
      ).moveTraining;
  }

  /**
   * An activity created and published ahead (its B2B meetings, if any, arranged while registration is open), its
   * registration closed, then moved to have started at `startsAt` (the lifecycle cannot be walked in the past: the
   * database is set back, as activities.e2e-spec.ts does), and brought to `end`: HELD, REPORTED, CANCELLED, or left CLOSED.
   */
  async function activity(
    input: Record<string, unknown>,
    startsAt: Date,
    end: 'HELD' | 'REPORTED' | 'CANCELLED' | 'CLOSED',
    meetings?: Parameters<typeof b2b>[2],
  ) {
    const ahead = new Date(Math.floor((Date.now() + 30 * DAY) / DAY) * DAY + 9 * 3600_000);
    const { createActivity } = await ok<{ createActivity: { id: string } }>(
      'mutation($input: CreateActivityInput!) { createActivity(input: $input) { id } }',
      {
        input: {
          title: 'Activity',
          capacity: 30,
          startsAt: ahead,
          endsAt: new Date(ahead.getTime() + 8 * 3600_000),
          registrationDeadline: new Date(ahead.getTime() - 10 * DAY),
          ...input,
        },
      },
      'coordinator',
    );
    const id = createActivity.id;
    const move = (mutation: string, extra = '') => ok(`mutation($id: ID!) { ${mutation}(id: $id${extra}) { id } }`, { id }, 'coordinator');
    await move('publishActivity');
    if (meetings) await b2b(id, ahead, meetings);
    await move('closeActivityRegistration');
    await t.dataSource.query(
      `UPDATE activity SET starts_at = $2, ends_at = $2::timestamptz + interval '8 hours', registration_deadline = $2::timestamptz - interval '1 day' WHERE id = $1`,
      [id, startsAt],
    );
    if (end === 'CANCELLED') await move('cancelActivity', ', reason: "Venue flooded"');
    if (end === 'HELD' || end === 'REPORTED') await move('markActivityHeld');
    if (end === 'REPORTED') await move('reportActivity', ', report: "Forty delegates; two pilot sites chosen"');
    return id;
  }

  type Delegate = 'enterprise' | 'otherEnterprise' | 'agency1' | 'agency2';
  /**
   * B2B meetings at an open activity: confirmed delegates (one of each enterprise, two of the agency), a plan of
   * half-hour slots from `startsAt` at `plan.tables` tables, the enterprises' requests answered by the agency as
   * given, then scheduled; `plan.placed` is how many the scheduler must place.
   */
  async function b2b(
    activityId: string,
    startsAt: Date,
    plan: { slots: number; tables: number; requests: Array<[Delegate, Delegate, boolean]>; placed: number },
  ): Promise<void> {
    const register = async (who: Principal, names: string[]) =>
      (
        await ok<{ registerDelegates: Array<{ id: string }> }>(
          'mutation($input: RegisterDelegatesInput!) { registerDelegates(input: $input) { id } }',
          {
            input: { activityId, delegates: names.map((name) => ({ name, email: `${name.replace(' ', '.').toLowerCase()}@example.org` })) },
          },
          who,
        )
      ).registerDelegates.map((r) => r.id);
    const [agency1, agency2] = await register('agency', ['Nimal Perera', 'Kumari Silva']);
    const [enterprise] = await register('enterprise', ['Zhou Min']);
    const [otherEnterprise] = await register('otherEnterprise', ['Li Na']);
    const delegates: Record<Delegate, string> = { agency1, agency2, enterprise, otherEnterprise };
    for (const id of Object.values(delegates))
      await ok('mutation($id: ID!) { confirmRegistration(id: $id) { id } }', { id }, 'coordinator');
    const slots = Array.from({ length: plan.slots }, (_, i) => ({
      startsAt: new Date(startsAt.getTime() + i * 1800_000),
      endsAt: new Date(startsAt.getTime() + (i + 1) * 1800_000),
    }));
    await ok(
      'mutation($input: SetMeetingPlanInput!) { setMeetingPlan(input: $input) { tables } }',
      { input: { activityId, tables: plan.tables, slots } },
      'coordinator',
    );
    for (const [from, to, accept] of plan.requests) {
      const { requestMeeting } = await ok<{ requestMeeting: { id: string } }>(
        'mutation($input: RequestMeetingInput!) { requestMeeting(input: $input) { id } }',
        { input: { fromRegistrationId: delegates[from], toRegistrationId: delegates[to] } },
        from,
      );
      await ok(
        'mutation($id: ID!, $accept: Boolean!, $reason: String) { answerMeetingRequest(id: $id, accept: $accept, reason: $reason) { id } }',
        { id: requestMeeting.id, accept, reason: accept ? null : 'Not our field' },
        'agency',
      );
    }
    const { scheduleMeetings } = await ok<{ scheduleMeetings: { placed: number } }>(
      'mutation($id: ID!) { scheduleMeetings(activityId: $id) { placed } }',
      { id: activityId },
      'coordinator',
    );
    expect(scheduleMeetings.placed).toBe(plan.placed);
  }

  /** A published need of the organisation of `member` (a token), with its SDG 6 targets. */
  async function need(member: string, countryCode: string, sdgTargets: string[]): Promise<string> {
    const { createNeed } = await ok<{ createNeed: { id: string } }>(
      'mutation($input: CreateNeedInput!) { createNeed(input: $input) { id } }',
      {
        input: {
          title: `Village water supply (${sdgTargets.join(', ')})`,
          description: 'Boreholes and a small treatment plant.',
          countryCode,
          sectorCode: '14031',
          sdgTargets,
        },
      },
      member,
    );
    await ok('mutation($id: ID!) { publishNeed(id: $id) { id } }', { id: createNeed.id }, member);
    return createNeed.id;
  }

  /** An enterprise's interest in a need, approved (both sides introduced), then accepted by the `accepting` tokens. */
  async function match(enterprise: string, needId: string, accepting: string[]): Promise<{ id: string; version: number }> {
    let m = (
      await ok<{ expressInterest: { id: string; version: number } }>(
        'mutation($id: ID!) { expressInterest(input: { needId: $id, message: "We built such plants." }) { id version } }',
        { id: needId },
        enterprise,
      )
    ).expressInterest;
    m = (
      await ok<{ approveMatch: { id: string; version: number } }>(
        'mutation($id: ID!, $v: Int!) { approveMatch(input: { id: $id, version: $v }) { id version } }',
        { id: m.id, v: m.version },
        'coordinator',
      )
    ).approveMatch;
    for (const side of accepting)
      m = (
        await ok<{ respondToMatch: { id: string; version: number } }>(
          'mutation($id: ID!, $v: Int!) { respondToMatch(input: { id: $id, version: $v, accept: true }) { id version } }',
          { id: m.id, v: m.version },
          side,
        )
      ).respondToMatch;
    return m;
  }

  beforeAll(async () => {
    const f = t.factory;
    // The Sri Lankan centre's English name needs quoting in CSV (a comma, quotes); both have Chinese names.
    centreLk = await f.organization({
      kind: OrganizationKind.RESEARCH_CENTRE,
      nameEn: 'China–Sri Lanka Joint Center for Water Technology ("CSL-JC", Colombo)',
      nameZh: '中斯水技术研究与示范联合中心',
      countryCode: 'LK',
    });
    centreIr = await f.organization({
      kind: OrganizationKind.RESEARCH_CENTRE,
      nameEn: 'China–Iran Joint Research Center for Water and Environment',
      nameZh: '中伊水与环境联合研究中心',
      countryCode: 'IR',
    });
    const centreLkMember = t.tokenFor((await f.user(Role.AGENCY_MEMBER, { organizationId: centreLk.id })).id);

    const programme = async (input: Record<string, unknown>) =>
      (
        await ok<{ createProgramme: { id: string } }>(
          'mutation($input: CreateProgrammeInput!) { createProgramme(input: $input) { id } }',
          { input: { sponsor: 'ANSO', startsOn: day(-400), ...input } },
          'coordinator',
        )
      ).createProgramme.id;
    programmeLk = await programme({ nameEn: 'Water technology for Sri Lanka', nameZh: '斯里兰卡水技术计划', sdgTargets: ['6.1', '6.3'] });
    programmeIr = await programme({ nameEn: 'Water and environment with Iran', sdgTargets: ['6.4'] });

    // Needs: the Sri Lankan centre's (6.1, 6.2) and the Kenyan agency's (6.b); the world's open need in Sri Lanka is 6.1.
    const centreLkNeed = await need(centreLkMember, 'LK', ['6.1', '6.2']);
    const kenyanNeed = await need(w.token('otherAgency')!, 'KE', ['6.b']);

    // Donations: D1–D7. Counted when handed over from day −60 to day +1; D3 (day −61) and D5 (only shipped) are not.
    const handedOver = ['APPROVED', 'SHIPPED', 'HANDED_OVER'];
    const inOperation = [...handedOver, 'IN_OPERATION'];
    const usdItems = (unitValue: number) => ({ items: [{ name: 'Water-quality laboratory', quantity: 2, unitValue }], currency: 'USD' });
    await donation({ recipientId: centreLk.id, needId: centreLkNeed, programmeId: programmeLk, ...usdItems(18000) }, inOperation, day(-10)); // D1: 36,000 USD
    await donation(
      {
        recipientId: centreLk.id,
        programmeId: programmeLk,
        items: [{ name: 'Membrane test rig', quantity: 1 }],
        value: 50000,
        currency: 'CNY',
      },
      handedOver,
      day(-60),
    ); // D2: 50,000 CNY, on the period's first day
    await donation({ recipientId: centreIr.id, programmeId: programmeIr, ...usdItems(6000) }, handedOver, day(-61)); // D3: the day before
    await donation({ recipientId: centreIr.id, programmeId: programmeIr, ...usdItems(4000) }, inOperation, day(0)); // D4: 8,000 USD, today
    await donation({ recipientId: w.orgs.agencyOrg.id, programmeId: programmeLk, ...usdItems(2500) }, ['APPROVED', 'SHIPPED']); // D5: on its way
    await donation({ recipientId: w.orgs.otherAgencyOrg.id, items: [{ name: 'Submersible pump', quantity: 4 }] }, handedOver, day(-5)); // D6: no value
    await donation(
      {
        recipientId: w.orgs.agencyOrg.id,
        needId: w.openNeed.id,
        programmeId: programmeLk,
        items: [{ name: 'Chlorinator', quantity: 3, unitValue: 1000 }],
        currency: 'EUR',
      },
      handedOver,
      day(-1),
    ); // D7: 3,000 EUR to an agency (no centre), against its need (6.1)

    // Training: C1, C2, C5 completed in the period; C3 only approved; C4 ended on day −61.
    const completed = ['APPROVED', 'COMPLETED'];
    await course({ recipientId: centreLk.id, programmeId: programmeLk, startsOn: day(-20), endsOn: day(-15) }, completed, {
      trainees: 18,
      hours: 56,
      certificatesIssued: 17,
    }); // C1: the enterprise trains the Sri Lankan centre's staff
    await course(
      { trainerId: centreLk.id, recipientId: w.orgs.agencyOrg.id, programmeId: programmeLk, startsOn: day(-4), endsOn: day(-3) },
      completed,
      { trainees: 10, hours: 12.5, certificatesIssued: 10 },
    ); // C2: the centre trains the Sri Lankan agency's staff
    await course({ recipientId: centreIr.id, programmeId: programmeIr, startsOn: day(-30), endsOn: day(-29) }, ['APPROVED']); // C3
    await course({ recipientId: centreIr.id, programmeId: programmeIr, startsOn: day(-65), endsOn: day(-61) }, completed, {
      trainees: 7,
      hours: 20,
      certificatesIssued: 7,
    }); // C4
    await course({ recipientId: w.orgs.otherAgencyOrg.id, startsOn: day(-2) }, completed, { trainees: 5, hours: 8 }); // C5: one day, Kenya

    // Activities: A1, A2, A4, A6 held in the period; A3 held the day before it (on its venue's calendar); A5 cancelled; A7 not marked held.
    const lk = { programmeId: programmeLk, hostCentreId: centreLk.id, countryCode: 'LK', timeZone: 'Asia/Colombo' };
    const ir = { programmeId: programmeIr, hostCentreId: centreIr.id, countryCode: 'IR', timeZone: 'Asia/Tehran' };
    // A1, with B2B meetings: three accepted for two slots at one table (two held, one left without a place), one declined.
    await activity({ ...lk, kind: 'SEMINAR', sdgTargets: ['6.3'] }, at(-30, '03:30'), 'REPORTED', {
      slots: 2,
      tables: 1,
      requests: [
        ['enterprise', 'agency1', true],
        ['otherEnterprise', 'agency1', true],
        ['enterprise', 'agency2', true],
        ['otherEnterprise', 'agency2', false],
      ],
      placed: 2,
    });
    // A2 opens at 00:30 in Colombo (UTC+5:30) on day −60, still day −61 in UTC: counted.
    await activity({ ...lk, kind: 'FIELD_INVESTIGATION', sdgTargets: ['6.1'] }, at(-61, '19:00'), 'HELD');
    // A3 opens at 23:00 in Tehran (UTC+3:30) on day −61, half an hour after A2 in UTC: not counted.
    await activity({ ...ir, kind: 'CONFERENCE', sdgTargets: ['6.5'] }, at(-61, '19:30'), 'HELD');
    await activity({ ...ir, kind: 'CONFERENCE', sdgTargets: ['6.4'] }, at(-7, '06:30'), 'HELD'); // A4
    await activity({ ...lk, kind: 'EXHIBITION', sdgTargets: ['6.6'] }, at(-5, '04:00'), 'CANCELLED'); // A5
    await activity({ kind: 'TRAINING_COURSE', countryCode: 'KE', timeZone: 'Africa/Nairobi' }, at(-1, '07:00'), 'HELD'); // A6: no programme, no centre
    // A7, with one meeting placed: never marked held, so neither it nor its meeting counts.
    await activity({ ...lk, kind: 'SEMINAR', sdgTargets: ['6.2'] }, at(-2, '04:00'), 'CLOSED', {
      slots: 1,
      tables: 1,
      requests: [['enterprise', 'agency1', true]],
      placed: 1,
    });

    // Matches: M1 (the Sri Lankan centre's need) and M3 (the Kenyan need) engaged today; M2 only introduced. An
    // expressed interest is scored against the search indexes: fill them first.
    await t.indexEverything();
    const m1 = await match(w.token('enterprise')!, centreLkNeed, [centreLkMember, w.token('enterprise')!]);
    await match(w.token('otherEnterprise')!, w.openNeed.id, []);
    await match(w.token('enterprise')!, kenyanNeed, [w.token('otherAgency')!, w.token('enterprise')!]);
    let version = m1.version;
    for (const outcome of [
      { kind: 'MOU_SIGNED', date: day(0) },
      { kind: 'CONTRACT', date: day(0), value: 1200000, currency: 'USD' },
    ])
      version = (
        await ok<{ recordMatchOutcome: { version: number } }>(
          'mutation($input: RecordMatchOutcomeInput!) { recordMatchOutcome(input: $input) { version } }',
          { input: { id: m1.id, version, ...outcome } },
          'coordinator',
        )
      ).recordMatchOutcome.version;
  });

  // The period of most tests: day −60 to day +1 (tomorrow, so a test running across midnight keeps today's things in).
  const PERIOD = { from: day(-60), to: day(1) };

  /** Everything of the period, each thing once (the same in every grouping). */
  const TOTALS = figures({
    // D1, D2, D4, D6, D7; in operation D1, D4; D6 has no value. USD: D1 36,000 + D4 8,000.
    donations: {
      handedOver: 5,
      inOperation: 2,
      withoutValue: 1,
      values: [
        { currency: 'CNY', handedOver: 50000, inOperation: 0 },
        { currency: 'EUR', handedOver: 3000, inOperation: 0 },
        { currency: 'USD', handedOver: 44000, inOperation: 44000 },
      ],
    },
    // C1, C2, C5: trainees 18 + 10 + 5; course hours 56 + 12.5 + 8; trainee-hours 18×56 + 10×12.5 + 5×8 = 1008 + 125 + 40.
    training: { coursesCompleted: 3, trainees: 33, courseHours: 76.5, traineeHours: 1173, certificatesIssued: 27 },
    // A1 seminar, A2 field investigation, A4 conference, A6 training course; A1's two meetings placed (not the third,
    // accepted without a place, nor the declined one, nor A7's: A7 was not held).
    activities: {
      held: 4,
      byKind: [
        { kind: 'FIELD_INVESTIGATION', count: 1 },
        { kind: 'CONFERENCE', count: 1 },
        { kind: 'SEMINAR', count: 1 },
        { kind: 'TRAINING_COURSE', count: 1 },
      ],
      meetingsHeld: 2,
    },
    // M1 and M3; M1's MoU and contract.
    matches: {
      engaged: 2,
      outcomesRecorded: 2,
      outcomesByKind: [
        { kind: 'MOU_SIGNED', count: 1 },
        { kind: 'CONTRACT', count: 1 },
      ],
    },
    // D1 and M1: the centre's need (6.1, 6.2); D2, C1, C2: programme LK (6.1, 6.3); A1 6.3; A2 6.1; D4: programme IR
    // (6.4); A4 6.4; D7: the world's need (6.1); M3: the Kenyan need (6.b). Not 6.5 (A3) nor 6.6 (A5).
    sdgTargets: ['6.1', '6.2', '6.3', '6.4', '6.b'],
  });

  /**
   * What belongs to the Sri Lankan centre: D1, D2; C1 (it received it), C2 (it gave it); A1, A2 (it hosted them) and
   * A1's two meetings; M1 (its need).
   */
  const CENTRE_LK = figures({
    donations: {
      handedOver: 2,
      inOperation: 1,
      values: [
        { currency: 'CNY', handedOver: 50000, inOperation: 0 },
        { currency: 'USD', handedOver: 36000, inOperation: 36000 },
      ],
    },
    training: { coursesCompleted: 2, trainees: 28, courseHours: 68.5, traineeHours: 1133, certificatesIssued: 27 },
    activities: {
      held: 2,
      byKind: [
        { kind: 'FIELD_INVESTIGATION', count: 1 },
        { kind: 'SEMINAR', count: 1 },
      ],
      meetingsHeld: 2,
    },
    matches: {
      engaged: 1,
      outcomesRecorded: 2,
      outcomesByKind: [
        { kind: 'MOU_SIGNED', count: 1 },
        { kind: 'CONTRACT', count: 1 },
      ],
    },
    sdgTargets: ['6.1', '6.2', '6.3'],
  });

  /** What belongs to the Iranian centre, to programme IR, and to Iran alike: D4 and A4. */
  const IRAN = figures({
    donations: { handedOver: 1, inOperation: 1, values: [{ currency: 'USD', handedOver: 8000, inOperation: 8000 }] },
    activities: { held: 1, byKind: [{ kind: 'CONFERENCE', count: 1 }] },
    sdgTargets: ['6.4'],
  });

  /** Kenya: D6 (no value), C5, A6, M3. */
  const KENYA = figures({
    donations: { handedOver: 1, withoutValue: 1 },
    training: { coursesCompleted: 1, trainees: 5, courseHours: 8, traineeHours: 40 },
    activities: { held: 1, byKind: [{ kind: 'TRAINING_COURSE', count: 1 }] },
    matches: { engaged: 1 },
    sdgTargets: ['6.b'],
  });

  it('per programme: each programme its own, matches (linked to none) and the rest in the row without a key', async () => {
    const r = await report({ groupBy: 'PROGRAMME', ...PERIOD });
    expect(r).toMatchObject({ groupBy: 'PROGRAMME', from: day(-60), to: day(1) });
    expect(r.rows.map((row) => [row.key, row.nameEn, row.nameZh])).toEqual([
      [programmeIr, 'Water and environment with Iran', null],
      [programmeLk, 'Water technology for Sri Lanka', '斯里兰卡水技术计划'],
      [null, null, null],
    ]);
    // Programme LK: the centre's D1, D2 and C1, C2, A1, A2, plus D7 (to the agency, within the programme); no match.
    expect(rowOf(r, programmeLk)).toEqual(
      figures({
        ...CENTRE_LK,
        donations: {
          handedOver: 3,
          inOperation: 1,
          values: [
            { currency: 'CNY', handedOver: 50000, inOperation: 0 },
            { currency: 'EUR', handedOver: 3000, inOperation: 0 },
            { currency: 'USD', handedOver: 36000, inOperation: 36000 },
          ],
        },
        matches: {},
      }),
    );
    expect(rowOf(r, programmeIr)).toEqual(IRAN);
    // No programme: D6, C5, A6, and both engaged matches with M1's outcomes; targets of M1's need (6.1, 6.2) and M3's (6.b).
    expect(rowOf(r, null)).toEqual(figures({ ...KENYA, matches: TOTALS.matches, sdgTargets: ['6.1', '6.2', '6.b'] }));
    expect(r.totals).toEqual(TOTALS);
  });

  it('per joint centre: what each centre received, gave, hosted or asked for; agencies’ things without a centre', async () => {
    const r = await report({ groupBy: 'CENTRE', ...PERIOD });
    expect(r.rows.map((row) => [row.key, row.nameEn, row.nameZh])).toEqual([
      [centreIr.id, centreIr.nameEn, '中伊水与环境联合研究中心'],
      [centreLk.id, centreLk.nameEn, '中斯水技术研究与示范联合中心'],
      [null, null, null],
    ]);
    expect(rowOf(r, centreLk.id)).toEqual(CENTRE_LK);
    expect(rowOf(r, centreIr.id)).toEqual(IRAN);
    // Kenya's, and D7 (3,000 EUR to the Sri Lankan agency, 6.1).
    expect(rowOf(r, null)).toEqual(
      figures({
        ...KENYA,
        donations: { handedOver: 2, withoutValue: 1, values: [{ currency: 'EUR', handedOver: 3000, inOperation: 0 }] },
        sdgTargets: ['6.1', '6.b'],
      }),
    );
    expect(r.totals).toEqual(TOTALS);
  });

  it('per country: where the need, the recipient, the venue is', async () => {
    const r = await report({ groupBy: 'COUNTRY', ...PERIOD });
    expect(r.rows.map((row) => [row.key, row.nameEn, row.nameZh])).toEqual([
      ['IR', 'Iran', '伊朗'],
      ['KE', 'Kenya', '肯尼亚'],
      ['LK', 'Sri Lanka', '斯里兰卡'],
    ]);
    expect(rowOf(r, 'IR')).toEqual(IRAN);
    expect(rowOf(r, 'KE')).toEqual(KENYA);
    // The centre's, and D7 to the Sri Lankan agency.
    expect(rowOf(r, 'LK')).toEqual(
      figures({
        ...CENTRE_LK,
        donations: {
          handedOver: 3,
          inOperation: 1,
          values: [
            { currency: 'CNY', handedOver: 50000, inOperation: 0 },
            { currency: 'EUR', handedOver: 3000, inOperation: 0 },
            { currency: 'USD', handedOver: 36000, inOperation: 36000 },
          ],
        },
      }),
    );
    expect(r.totals).toEqual(TOTALS);
  });

  it('counts what happened on the period’s first and last days, and nothing the day before or after', async () => {
    // Ending yesterday: D4 (handed over today), M1 and M3 (engaged today) and M1's outcomes (dated today) drop out.
    const untilYesterday = await report({ groupBy: 'COUNTRY', from: day(-60), to: day(-1) });
    expect(untilYesterday.totals).toEqual(
      figures({
        ...TOTALS,
        donations: {
          handedOver: 4,
          inOperation: 1,
          withoutValue: 1,
          values: [
            { currency: 'CNY', handedOver: 50000, inOperation: 0 },
            { currency: 'EUR', handedOver: 3000, inOperation: 0 },
            { currency: 'USD', handedOver: 36000, inOperation: 36000 },
          ],
        },
        matches: {},
        // 6.4 still from A4; 6.b went with M3, 6.2 stays with D1.
        sdgTargets: ['6.1', '6.2', '6.3', '6.4'],
      }),
    );
    // Starting a day later: D2 (handed over on day −60) and A2 (day −60 in Colombo) drop out.
    const fromNextDay = await report({ groupBy: 'PROGRAMME', from: day(-59), to: day(1) });
    expect(fromNextDay.totals).toEqual(
      figures({
        ...TOTALS,
        donations: {
          handedOver: 4,
          inOperation: 2,
          withoutValue: 1,
          values: [
            { currency: 'EUR', handedOver: 3000, inOperation: 0 },
            { currency: 'USD', handedOver: 44000, inOperation: 44000 },
          ],
        },
        activities: {
          held: 3,
          byKind: [
            { kind: 'CONFERENCE', count: 1 },
            { kind: 'SEMINAR', count: 1 },
            { kind: 'TRAINING_COURSE', count: 1 },
          ],
          meetingsHeld: 2,
        },
      }),
    );
    // A day earlier: D3, C4 and A3 (day −61 in Tehran) come in; A2 stays.
    const fromDayBefore = await report({ groupBy: 'CENTRE', from: day(-61), to: day(1) });
    expect(rowOf(fromDayBefore, centreIr.id)).toEqual(
      figures({
        donations: { handedOver: 2, inOperation: 1, values: [{ currency: 'USD', handedOver: 20000, inOperation: 8000 }] },
        training: { coursesCompleted: 1, trainees: 7, courseHours: 20, traineeHours: 140, certificatesIssued: 7 },
        activities: { held: 2, byKind: [{ kind: 'CONFERENCE', count: 2 }] },
        sdgTargets: ['6.4', '6.5'],
      }),
    );
    // Long before anything: no rows, every figure zero.
    expect(await report({ groupBy: 'PROGRAMME', from: '2001-01-01', to: '2001-12-31' })).toMatchObject({ rows: [], totals: figures() });
    // A one-day period: today only.
    const today = await report({ groupBy: 'COUNTRY', from: day(0), to: day(0) });
    expect(today.totals).toEqual(figures({ ...IRAN, activities: {}, matches: TOTALS.matches, sdgTargets: ['6.1', '6.2', '6.4', '6.b'] }));
  });

  it('narrows to one programme, centre or country', async () => {
    const lkProgramme = await report({ groupBy: 'COUNTRY', ...PERIOD, programmeId: programmeLk });
    expect(lkProgramme.rows.map((row) => row.key)).toEqual(['LK']);
    expect(lkProgramme.totals).toEqual(rowOf(await report({ groupBy: 'PROGRAMME', ...PERIOD }), programmeLk));

    // The centre's things within programme LK, and its match (no programme).
    const lkCentre = await report({ groupBy: 'PROGRAMME', ...PERIOD, centreId: centreLk.id });
    expect(lkCentre.rows.map((row) => row.key)).toEqual([programmeLk, null]);
    expect(rowOf(lkCentre, programmeLk)).toEqual(figures({ ...CENTRE_LK, matches: {} }));
    expect(rowOf(lkCentre, null)).toEqual(figures({ matches: CENTRE_LK.matches, sdgTargets: ['6.1', '6.2'] }));
    expect(lkCentre.totals).toEqual(CENTRE_LK);

    const kenya = await report({ groupBy: 'CENTRE', ...PERIOD, countryCode: 'KE' });
    expect(kenya.rows).toEqual([{ key: null, nameEn: null, nameZh: null, figures: KENYA }]);
    expect(kenya.totals).toEqual(KENYA);
  });

  it('refuses a period that runs backwards, impossible dates and unknown narrowing with BAD_USER_INPUT naming the field', async () => {
    const cases: Array<[Record<string, unknown>, string]> = [
      [{ from: day(1), to: day(0) }, 'to'],
      [{ from: '2026-02-30', to: day(0) }, 'from'],
      [{ from: day(-1), to: '31/12/2026' }, 'to'],
      [{ ...PERIOD, programmeId: centreLk.id }, 'programmeId'],
      [{ ...PERIOD, centreId: w.orgs.agencyOrg.id }, 'centreId'],
      [{ ...PERIOD, countryCode: 'lk' }, 'countryCode'],
    ];
    for (const [variables, field] of cases) {
      const res: GraphQLResponse = await t.gql(REPORT, { groupBy: 'CENTRE', ...variables }, w.token('coordinator'));
      expect({ variables, code: errorCode(res), field: res.errors?.[0].extensions?.field }).toEqual({
        variables,
        code: 'BAD_USER_INPUT',
        field,
      });
    }
  });

  it('is the secretariat’s: coordinators and admins read it, members are refused', async () => {
    expect((await report({ groupBy: 'COUNTRY', ...PERIOD }, 'admin')).totals).toEqual(TOTALS);
    for (const who of ['enterprise', 'agency'] as const)
      expect(errorCode(await t.gql(REPORT, { groupBy: 'COUNTRY', ...PERIOD }, w.token(who)))).toBe('FORBIDDEN');
    expect(errorCode(await t.gql(REPORT, { groupBy: 'COUNTRY', ...PERIOD }))).toBe('UNAUTHENTICATED');
  });

  describe('CSV export', () => {
    const csv = (query: Record<string, string>, who?: Principal) => {
      const req = request(t.app.getHttpServer()).get('/reports/alliance.csv').query(query);
      const token = who && w.token(who);
      if (token) req.set('authorization', `Bearer ${token}`);
      return req.buffer(true).parse((res, done) => {
        let body = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => (body += chunk));
        res.on('end', () => done(null, body));
      });
    };

    it('is a UTF-8 file with a byte order mark, one column per figure, the rows and the totals as GraphQL gives them', async () => {
      const res = await csv({ groupBy: 'CENTRE', ...PERIOD }, 'coordinator');
      expect(res.status).toBe(200);
      expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
      expect(res.headers['content-disposition']).toBe(`attachment; filename="alliance-report-centre-${day(-60)}-${day(1)}.csv"`);
      const text = res.body as string;
      expect(text.startsWith('\uFEFF')).toBe(true);
      // The centre's name holds a comma and quotes: quoted, quotes doubled.
      expect(text).toContain(`"China–Sri Lanka Joint Center for Water Technology (""CSL-JC"", Colombo)"`);
      const [header, ...lines] = parseCsv(text.slice(1));
      expect(header).toEqual([
        'group_key',
        'name_en',
        'name_zh',
        'donations_handed_over',
        'donations_in_operation',
        'donations_without_value',
        'donation_value_handed_over_CNY',
        'donation_value_in_operation_CNY',
        'donation_value_handed_over_EUR',
        'donation_value_in_operation_EUR',
        'donation_value_handed_over_USD',
        'donation_value_in_operation_USD',
        'training_courses_completed',
        'trainees',
        'training_course_hours',
        'trainee_hours',
        'certificates_issued',
        'activities_held',
        'activities_held_FIELD_INVESTIGATION',
        'activities_held_CONFERENCE',
        'activities_held_EXHIBITION',
        'activities_held_SEMINAR',
        'activities_held_TRAINING_COURSE',
        'activities_held_EQUIPMENT_HANDOVER',
        'meetings_held',
        'matches_engaged',
        'outcomes_recorded',
        'outcomes_MOU_SIGNED',
        'outcomes_TRAINING_DELIVERED',
        'outcomes_PILOT_OR_DEMONSTRATION',
        'outcomes_CONTRACT',
        'outcomes_HANDOVER',
        'outcomes_NONE',
        'sdg_targets_served',
        'sdg_targets',
      ]);
      expect(lines.map((cells) => cells.length)).toEqual([header.length, header.length, header.length, header.length]);
      const row = (name: string) => Object.fromEntries(header.map((h, i) => [h, lines.find((l) => l[1] === name)![i]]));
      // The Sri Lankan centre, as CENTRE_LK says, its Chinese name intact.
      expect(row(centreLk.nameEn)).toEqual({
        group_key: centreLk.id,
        name_en: centreLk.nameEn,
        name_zh: '中斯水技术研究与示范联合中心',
        donations_handed_over: '2',
        donations_in_operation: '1',
        donations_without_value: '0',
        donation_value_handed_over_CNY: '50000.00',
        donation_value_in_operation_CNY: '0.00',
        donation_value_handed_over_EUR: '0.00',
        donation_value_in_operation_EUR: '0.00',
        donation_value_handed_over_USD: '36000.00',
        donation_value_in_operation_USD: '36000.00',
        training_courses_completed: '2',
        trainees: '28',
        training_course_hours: '68.5',
        trainee_hours: '1133',
        certificates_issued: '27',
        activities_held: '2',
        activities_held_FIELD_INVESTIGATION: '1',
        activities_held_CONFERENCE: '0',
        activities_held_EXHIBITION: '0',
        activities_held_SEMINAR: '1',
        activities_held_TRAINING_COURSE: '0',
        activities_held_EQUIPMENT_HANDOVER: '0',
        meetings_held: '2',
        matches_engaged: '1',
        outcomes_recorded: '2',
        outcomes_MOU_SIGNED: '1',
        outcomes_TRAINING_DELIVERED: '0',
        outcomes_PILOT_OR_DEMONSTRATION: '0',
        outcomes_CONTRACT: '1',
        outcomes_HANDOVER: '0',
        outcomes_NONE: '0',
        sdg_targets_served: '3',
        sdg_targets: '6.1 6.2 6.3',
      });
      expect(lines.map((l) => l[1])).toEqual([centreIr.nameEn, centreLk.nameEn, '(no joint centre)', 'Total']);
      // The totals and the row of what belongs to no centre are told apart by their key.
      expect(row('(no joint centre)').group_key).toBe('');
      expect(row('Total')).toMatchObject({
        group_key: 'TOTAL',
        name_zh: '合计',
        donations_handed_over: '5',
        donation_value_handed_over_USD: '44000.00',
        trainee_hours: '1173',
        matches_engaged: '2',
        sdg_targets: '6.1 6.2 6.3 6.4 6.b',
      });
    });

    it('asks for the token (401) and the secretariat’s role (403), and refuses bad requests with 400 naming the field', async () => {
      const good = { groupBy: 'COUNTRY', ...PERIOD };
      const anonymous = await csv(good);
      expect([
        anonymous.status,
        anonymous.headers['www-authenticate'],
        JSON.parse(anonymous.body as string).errors[0].extensions.code,
      ]).toEqual([401, 'Bearer realm="reports"', 'UNAUTHENTICATED']);
      const forged = await request(t.app.getHttpServer())
        .get('/reports/alliance.csv')
        .query(good)
        .set('authorization', 'Bearer not-a-token');
      expect(forged.status).toBe(401);
      for (const who of ['enterprise', 'otherEnterprise', 'agency', 'otherAgency'] as const) {
        const res = await csv(good, who);
        expect([who, res.status, res.headers['content-disposition']]).toEqual([who, 403, undefined]);
      }
      expect((await csv(good, 'admin')).status).toBe(200);

      const bad: Array<[Record<string, string>, string]> = [
        [{ ...good, groupBy: 'REGION' }, 'groupBy'],
        [{ ...good, from: day(2) }, 'to'],
        [{ ...good, to: 'tomorrow' }, 'to'],
        [{ groupBy: 'COUNTRY', to: day(0) }, 'from'],
        [{ ...good, region: 'Asia' }, 'region'],
      ];
      for (const [query, field] of bad) {
        const res = await csv(query, 'coordinator');
        const error = res.status === 400 ? JSON.parse(res.body as string).errors[0].extensions : { status: res.status };
        expect({ query, code: error.code, field: error.field }).toEqual({ query, code: 'BAD_USER_INPUT', field });
      }
    });
  });
});
