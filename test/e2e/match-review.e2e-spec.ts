import { MatchRemindersJob } from '../../src/matches/match-reminders.job';
import { NeedDeadlinesJob } from '../../src/needs/need-deadlines.job';
import { NeedStatus } from '../../src/needs/need-status';
import { MatchOrigin, MatchStatus, SideResponse } from '../../src/matches/match-status';
import { NotificationFanoutJob } from '../../src/notifications/notification-fanout.job';
import { OrganizationKind, VerificationStatus } from '../../src/organizations/organization.entity';
import { Role } from '../../src/access/actor';
import { databaseFingerprint } from '../support/fingerprint';
import { errorCode, startTestApp, TestApp } from '../support/test-app';
import { waitUntil } from '../support/wait';
import { buildWorld, World } from '../support/world';

const DAY = 24 * 3600_000;

/** The coordinators' side of the workflow: the review queue, interests, bulk approval, rejections, reminders and expiry. */
describe('match review', () => {
  let t: TestApp;
  let w: World;

  beforeAll(async () => {
    t = await startTestApp({ WORKERS_ENABLED: 'true', MATCH_REMINDER_DAYS: '7', MATCH_EXPIRY_DAYS: '30' });
    w = await buildWorld(t);
    await t.indexEverything();
  });
  afterAll(() => t?.close());

  const queue = async (args = '') => {
    const res = await t.gql<{
      reviewQueue: {
        totalCount: number;
        edges: Array<{
          node: {
            need: { id: string; title: string };
            bestScore: number;
            waitingCount: number;
            candidates: Array<{
              id: string;
              origin: string;
              score: number;
              interestMessage: string | null;
              explanation: { summary: string };
            }>;
          };
        }>;
      };
    }>(
      `{ reviewQueue(first: 20${args}) { totalCount edges { node { need { id title } bestScore waitingCount candidates { id origin score interestMessage explanation { summary } } } } } }`,
      {},
      w.token('coordinator'),
    );
    expect(res.errors).toBeUndefined();
    return res.data!.reviewQueue;
  };
  const inbox = async (who: Parameters<World['token']>[0]) => {
    const res = await t.gql<{ notifications: { edges: Array<{ node: { type: string; matchId: string | null; body: string } }> } }>(
      '{ notifications(first: 50) { edges { node { type matchId body } } } }',
      {},
      w.token(who),
    );
    return res.data!.notifications.edges.map((e) => e.node);
  };

  it('orders needs by waiting time or by best score, and filters them', async () => {
    const older = await t.factory.need(w.orgs.agencyOrg.id, { title: 'Older need, weaker candidate' });
    const newer = await t.factory.need(w.orgs.otherAgencyOrg.id, { title: 'Newer need, stronger candidate', countryCode: 'KE' });
    await t.factory.match(older.id, w.orgs.otherEnterpriseOrg.id, { score: 0.3, statusChangedAt: new Date(Date.now() - 3 * DAY) });
    await t.factory.match(newer.id, w.orgs.otherEnterpriseOrg.id, { score: 0.8, statusChangedAt: new Date(Date.now() - DAY) });

    const byWait = (await queue()).edges.map((e) => e.node.need.id);
    expect(byWait.indexOf(older.id)).toBeLessThan(byWait.indexOf(newer.id));
    const byScore = (await queue(', orderBy: SCORE')).edges.map((e) => e.node.need.id);
    expect(byScore[0]).toBe(newer.id);
    const kenya = await queue(', countryCode: "KE"');
    expect(kenya.edges.map((e) => e.node.need.id)).toEqual([newer.id]);
    const strong = await queue(', minScore: 0.6');
    expect(strong.edges.map((e) => e.node.need.id)).toEqual([newer.id]);
  });

  it('takes an enterprise’s expressed interest into the queue, with its own explanation and message', async () => {
    const need = await t.factory.need(w.orgs.otherAgencyOrg.id, {
      title: 'Desalination plant for Mombasa',
      countryCode: 'KE',
      technologyCategories: ['DESALINATION'],
    });
    const res = await t.gql<{ expressInterest: { id: string; origin: string; status: string } }>(
      'mutation($id: ID!) { expressInterest(input: { needId: $id, message: "We run three seawater RO plants." }) { id origin status } }',
      { id: need.id },
      w.token('enterprise'),
    );
    expect(res.errors).toBeUndefined();
    expect(res.data!.expressInterest).toMatchObject({ origin: 'INTEREST', status: 'SUGGESTED' });
    // The explanation is the coordinators' (the enterprise does not see it: test/e2e/match-disclosure.e2e-spec.ts).
    const item = (await queue(', origin: INTEREST')).edges.find((e) => e.node.need.id === need.id)!.node;
    expect(item.candidates[0]).toMatchObject({ origin: 'INTEREST', interestMessage: 'We run three seawater RO plants.' });
    expect(item.candidates[0].explanation.summary).toMatch(/^Ranked \d+ of \d+/);
    // The enterprise sees its own interest; coordinators hear of it.
    const mine = await t.gql<{ match: { id: string } }>(
      'query($id: ID!) { match(id: $id) { id } }',
      { id: res.data!.expressInterest.id },
      w.token('enterprise'),
    );
    expect(mine.data?.match.id).toBe(res.data!.expressInterest.id);
    await waitUntil(
      async () => (await inbox('coordinator')).some((n) => n.type === 'CANDIDATES_TO_REVIEW' && n.body.includes('Mombasa')),
      'the coordinators to hear of the interest',
    );
  });

  it('refuses interest from an enterprise the secretariat has not verified, and writes nothing', async () => {
    const pending = await t.factory.organization({
      kind: OrganizationKind.ENTERPRISE,
      nameEn: 'Unverified Pumps',
      verificationStatus: VerificationStatus.PENDING,
    });
    const member = await t.factory.user(Role.ENTERPRISE_MEMBER, { organizationId: pending.id });
    const before = await databaseFingerprint(t.dataSource);
    const res = await t.gql(
      'mutation($id: ID!) { expressInterest(input: { needId: $id, message: "Us too" }) { id } }',
      { id: w.openNeed.id },
      t.tokenFor(member.id),
    );
    expect(errorCode(res)).toBe('FORBIDDEN');
    expect(await databaseFingerprint(t.dataSource)).toEqual(before);
  });

  it('approves in bulk all or nothing: one stale version and none is approved', async () => {
    const need = await t.factory.need(w.orgs.agencyOrg.id, { title: 'Bulk approval need' });
    const a = await t.factory.match(need.id, w.orgs.enterpriseOrg.id);
    const b = await t.factory.match(need.id, w.orgs.otherEnterpriseOrg.id);
    const approve = (items: Array<{ id: string; version: number }>) =>
      t.gql<{ approveMatches: Array<{ id: string; status: string }> }>(
        'mutation($input: [MatchVersionInput!]!) { approveMatches(input: $input) { id status } }',
        { input: items },
        w.token('coordinator'),
      );

    const stale = await approve([
      { id: a.id, version: a.version },
      { id: b.id, version: b.version + 1 },
    ]);
    expect(errorCode(stale)).toBe('CONFLICT');
    const statuses = await t.dataSource.query(`SELECT status FROM match WHERE id = ANY($1)`, [[a.id, b.id]]);
    expect(statuses).toEqual([{ status: 'SUGGESTED' }, { status: 'SUGGESTED' }]);

    const ok = await approve([
      { id: a.id, version: a.version },
      { id: b.id, version: b.version },
    ]);
    expect(ok.errors).toBeUndefined();
    expect(ok.data!.approveMatches).toEqual([
      { id: a.id, status: 'INTRODUCED' },
      { id: b.id, status: 'INTRODUCED' },
    ]);
    // An introduced need is in review.
    const [{ status }] = await t.dataSource.query(`SELECT status FROM need WHERE id = $1`, [need.id]);
    expect(status).toBe('IN_REVIEW');
  });

  it('requires a reason to reject, and keeps it in the audit trail', async () => {
    const need = await t.factory.need(w.orgs.agencyOrg.id, { title: 'Rejection need' });
    const m = await t.factory.match(need.id, w.orgs.otherEnterpriseOrg.id);
    const blank = await t.gql(
      'mutation($id: ID!, $v: Int!) { rejectMatch(input: { id: $id, version: $v, reason: "   " }) { id } }',
      { id: m.id, v: m.version },
      w.token('coordinator'),
    );
    expect(errorCode(blank)).toBe('BAD_USER_INPUT');
    expect(blank.errors?.[0].extensions?.field).toBe('reason');
    const ok = await t.gql<{ rejectMatch: { status: string; reason: string } }>(
      'mutation($id: ID!, $v: Int!) { rejectMatch(input: { id: $id, version: $v, reason: "No desalination experience" }) { status reason } }',
      { id: m.id, v: m.version },
      w.token('coordinator'),
    );
    expect(ok.data!.rejectMatch).toEqual({ status: 'REJECTED', reason: 'No desalination experience' });
    const trail = await t.gql<{ auditTrail: Array<{ action: string; reason: string | null; actorUserId: string }> }>(
      'query($id: ID!) { auditTrail(entityId: $id) { action reason actorUserId } }',
      { id: m.id },
      w.token('admin'),
    );
    expect(trail.data!.auditTrail).toEqual([
      { action: 'reject', reason: 'No desalination experience', actorUserId: w.users.coordinator.id },
    ]);
    // A rejected match moves no further.
    const again = await t.gql(
      'mutation($id: ID!, $v: Int!) { approveMatch(input: { id: $id, version: $v }) { id } }',
      { id: m.id, v: m.version + 1 },
      w.token('coordinator'),
    );
    expect(errorCode(again)).toBe('CONFLICT');
  });

  it('tells whoever knew of a match that the secretariat closed it, with the reason', async () => {
    // An interest rejected: the enterprise hears why.
    const need = await t.factory.need(w.orgs.otherAgencyOrg.id, { title: 'Flood early-warning for Tana river', countryCode: 'KE' });
    const interest = await t.gql<{ expressInterest: { id: string; version: number } }>(
      'mutation($id: ID!) { expressInterest(input: { needId: $id, message: "We built flood sirens." }) { id version } }',
      { id: need.id },
      w.token('otherEnterprise'),
    );
    const { id, version } = interest.data!.expressInterest;
    await t.gql(
      'mutation($id: ID!, $v: Int!) { rejectMatch(input: { id: $id, version: $v, reason: "Hydrological modelling is needed, not sirens" }) { id } }',
      { id, v: version },
      w.token('coordinator'),
    );
    const note = await waitUntil(
      async () => (await inbox('otherEnterprise')).find((n) => n.type === 'MATCH_CLOSED' && n.matchId === id),
      'the enterprise to hear its interest was closed',
    );
    expect(note.body).toContain('Hydrological modelling is needed, not sirens');

    // An introduction withdrawn: both sides hear of it; a suggestion nobody saw closes silently.
    const introducedNeed = await t.factory.need(w.orgs.agencyOrg.id, { title: 'Withdrawn introduction need' });
    const m = await t.factory.match(introducedNeed.id, w.orgs.enterpriseOrg.id);
    const approved = await t.gql<{ approveMatch: { version: number } }>(
      'mutation($id: ID!, $v: Int!) { approveMatch(input: { id: $id, version: $v }) { version } }',
      { id: m.id, v: m.version },
      w.token('coordinator'),
    );
    await t.gql(
      'mutation($id: ID!, $v: Int!) { withdrawMatch(input: { id: $id, version: $v, reason: "The agency cancelled the tender" }) { id } }',
      { id: m.id, v: approved.data!.approveMatch.version },
      w.token('coordinator'),
    );
    for (const side of ['agency', 'enterprise'] as const) {
      await waitUntil(
        async () => (await inbox(side)).some((n) => n.type === 'MATCH_CLOSED' && n.matchId === m.id),
        `the ${side} to hear of the withdrawal`,
      );
    }
    const silent = await t.factory.match(introducedNeed.id, w.orgs.otherEnterpriseOrg.id);
    await t.gql(
      'mutation($id: ID!, $v: Int!) { rejectMatch(input: { id: $id, version: $v, reason: "Not a fit" }) { id } }',
      { id: silent.id, v: silent.version },
      w.token('coordinator'),
    );
    await t.app.get(NotificationFanoutJob).drain();
    expect((await inbox('otherEnterprise')).some((n) => n.matchId === silent.id)).toBe(false);
  });

  it('withdraws the open matches of a need its agency withdraws: gone from the queue at once, the sides told why', async () => {
    const need = await t.factory.need(w.orgs.agencyOrg.id, { title: 'Borehole programme the agency takes back' });
    const suggested = await t.factory.match(need.id, w.orgs.otherEnterpriseOrg.id);
    const introduced = await t.factory.match(need.id, w.orgs.enterpriseOrg.id);
    await t.gql(
      'mutation($id: ID!, $v: Int!) { approveMatch(input: { id: $id, version: $v }) { id } }',
      { id: introduced.id, v: introduced.version },
      w.token('coordinator'),
    );
    expect((await queue()).edges.some((e) => e.node.need.id === need.id)).toBe(true);

    const withdrawn = await t.gql('mutation($id: ID!) { withdrawNeed(id: $id) { status } }', { id: need.id }, w.token('agency'));
    expect(withdrawn.data).toEqual({ withdrawNeed: { status: 'WITHDRAWN' } });
    // The queue hides it in the same moment; the worker then withdraws its matches.
    expect((await queue()).edges.some((e) => e.node.need.id === need.id)).toBe(false);
    const statusOf = async (id: string) =>
      (await t.dataSource.query<Array<{ status: MatchStatus; reason: string }>>(`SELECT status, reason FROM match WHERE id = $1`, [id]))[0];
    await waitUntil(
      async () =>
        (await statusOf(introduced.id)).status === MatchStatus.WITHDRAWN && (await statusOf(suggested.id)).status === MatchStatus.WITHDRAWN,
      'the need’s matches to be withdrawn',
    );
    expect(await statusOf(introduced.id)).toEqual({ status: 'WITHDRAWN', reason: 'The need was withdrawn by its agency' });
    const audit = await t.dataSource.query(
      `SELECT action, from_status, to_status, actor_user_id, reason FROM audit_entry WHERE entity_id = $1 ORDER BY created_at, id`,
      [introduced.id],
    );
    expect(audit.at(-1)).toEqual({
      action: 'withdraw',
      from_status: 'INTRODUCED',
      to_status: 'WITHDRAWN',
      actor_user_id: null,
      reason: 'The need was withdrawn by its agency',
    });
    // The introduced enterprise hears why; the suggestion nobody outside the secretariat saw closes silently.
    const note = await waitUntil(
      async () => (await inbox('enterprise')).find((n) => n.type === 'MATCH_CLOSED' && n.matchId === introduced.id),
      'the enterprise to hear the match closed',
    );
    expect(note.body).toContain('The need was withdrawn by its agency');
    expect(note.body).toContain('the need no longer takes partners');
    await t.app.get(NotificationFanoutJob).drain();
    expect((await inbox('otherEnterprise')).some((n) => n.matchId === suggested.id)).toBe(false);
  });

  it('withdraws the candidates still awaiting review once a need is matched, and leaves the other introductions be', async () => {
    const need = await t.factory.need(w.orgs.agencyOrg.id, { title: 'Water treatment plant that finds its partner' });
    const [engaging, waiting, other] = [
      await t.factory.match(need.id, w.orgs.enterpriseOrg.id),
      await t.factory.match(need.id, w.orgs.otherEnterpriseOrg.id),
      await t.factory.match(
        need.id,
        (
          await t.factory.organization({
            kind: OrganizationKind.ENTERPRISE,
            nameEn: 'Third Pumps',
            verificationStatus: VerificationStatus.VERIFIED,
          })
        ).id,
      ),
    ];
    const approve = async (m: { id: string; version: number }) =>
      (
        await t.gql<{ approveMatch: { version: number } }>(
          'mutation($id: ID!, $v: Int!) { approveMatch(input: { id: $id, version: $v }) { version } }',
          { id: m.id, v: m.version },
          w.token('coordinator'),
        )
      ).data!.approveMatch.version;
    await approve(other);
    let version = await approve(engaging);
    for (const side of ['agency', 'enterprise'] as const) {
      const res = await t.gql<{ respondToMatch: { version: number } }>(
        'mutation($id: ID!, $v: Int!) { respondToMatch(input: { id: $id, version: $v, accept: true }) { version } }',
        { id: engaging.id, v: version },
        w.token(side),
      );
      version = res.data!.respondToMatch.version;
    }
    const statusOf = async (id: string) =>
      (await t.dataSource.query<Array<{ status: MatchStatus }>>(`SELECT status FROM match WHERE id = $1`, [id]))[0].status;
    expect(await statusOf(engaging.id)).toBe('ENGAGED');
    await waitUntil(async () => (await statusOf(waiting.id)) === MatchStatus.WITHDRAWN, 'the waiting candidate to be withdrawn');
    expect(await statusOf(other.id)).toBe('INTRODUCED');
    expect(await statusOf(engaging.id)).toBe('ENGAGED');
  });

  it('closes a need the day after its deadline: its matches are withdrawn with that reason; others wait their day', async () => {
    const day = (offset: number) => new Date(Date.now() + offset * DAY).toISOString().slice(0, 10);
    const lapsed = await t.factory.need(w.orgs.agencyOrg.id, { title: 'Canal lining, offers until yesterday', deadline: day(-1) });
    const lastDay = await t.factory.need(w.orgs.agencyOrg.id, { title: 'Canal lining, offers until today', deadline: day(0) });
    const draft = await t.factory.need(w.orgs.agencyOrg.id, {
      title: 'Canal lining, a draft',
      deadline: day(-1),
      status: NeedStatus.DRAFT,
      publishedAt: null,
    });
    const candidate = await t.factory.match(lapsed.id, w.orgs.otherEnterpriseOrg.id);

    const deadlines = t.app.get(NeedDeadlinesJob);
    expect(await deadlines.run()).toEqual([lapsed.id]);
    const statuses = () =>
      t.dataSource.query<Array<{ id: string; status: string }>>(`SELECT id, status FROM need WHERE id = ANY($1) ORDER BY title`, [
        [lapsed.id, lastDay.id, draft.id],
      ]);
    expect(await statuses()).toEqual([
      { id: draft.id, status: 'DRAFT' },
      { id: lastDay.id, status: 'OPEN' },
      { id: lapsed.id, status: 'CLOSED' },
    ]);
    const reason = `The need's deadline (${day(-1)}) passed`;
    await waitUntil(
      async () => (await t.dataSource.query(`SELECT status, reason FROM match WHERE id = $1`, [candidate.id]))[0].reason === reason,
      'the candidate to be withdrawn',
    );
    expect((await t.dataSource.query(`SELECT status FROM match WHERE id = $1`, [candidate.id]))[0].status).toBe('WITHDRAWN');
    expect(await deadlines.run()).toEqual([]);
    // Tomorrow, today's deadline has passed too.
    expect(await deadlines.run(new Date(Date.now() + DAY))).toEqual([lastDay.id]);
  });

  it('tells nothing of a match to whoever may not see it, whatever version they send', async () => {
    const need = await t.factory.need(w.orgs.agencyOrg.id, { title: 'Hidden match need' });
    const m = await t.factory.match(need.id, w.orgs.enterpriseOrg.id);
    const attempts: Array<[Parameters<World['token']>[0], string]> = [
      ['otherAgency', 'respondToMatch(input: { id: $id, version: $v, accept: true })'],
      ['otherEnterprise', 'withdrawMatch(input: { id: $id, version: $v, reason: "x" })'],
      // Its own sides do not see a suggestion before it is introduced either.
      ['agency', 'respondToMatch(input: { id: $id, version: $v, accept: true })'],
      ['enterprise', 'withdrawMatch(input: { id: $id, version: $v, reason: "x" })'],
    ];
    for (const [who, call] of attempts) {
      for (const v of [m.version, m.version + 7]) {
        const res = await t.gql(`mutation($id: ID!, $v: Int!) { ${call} { id } }`, { id: m.id, v }, w.token(who));
        expect({ who, v, code: errorCode(res), message: res.errors?.[0].message }).toEqual({
          who,
          v,
          code: 'NOT_FOUND',
          message: `Match ${m.id} does not exist or is not visible to you`,
        });
      }
    }
  });

  it('ends the match when one side declines, and tells the other side why', async () => {
    const need = await t.factory.need(w.orgs.agencyOrg.id, { title: 'Declined introduction need' });
    const m = await t.factory.match(need.id, w.orgs.enterpriseOrg.id);
    const approved = await t.gql<{ approveMatch: { version: number } }>(
      'mutation($id: ID!, $v: Int!) { approveMatch(input: { id: $id, version: $v }) { version } }',
      { id: m.id, v: m.version },
      w.token('coordinator'),
    );
    const declined = await t.gql<{ respondToMatch: { status: string; enterpriseResponse: string; reason: string } }>(
      'mutation($id: ID!, $v: Int!) { respondToMatch(input: { id: $id, version: $v, accept: false, reason: "Our order book is full until 2028" }) { status enterpriseResponse reason } }',
      { id: m.id, v: approved.data!.approveMatch.version },
      w.token('enterprise'),
    );
    expect(declined.data!.respondToMatch).toEqual({
      status: 'DECLINED',
      enterpriseResponse: 'DECLINED',
      reason: 'Our order book is full until 2028',
    });
    const note = await waitUntil(
      async () => (await inbox('agency')).find((n) => n.type === 'MATCH_DECLINED' && n.matchId === m.id),
      'the agency to hear of the decline',
    );
    expect(note.body).toContain('Our order book is full until 2028');
    // Contacts stay hidden: they were never both accepted.
    const seen = await t.gql<{ match: { enterpriseContact: unknown } }>(
      'query($id: ID!) { match(id: $id) { enterpriseContact { email } } }',
      { id: m.id },
      w.token('agency'),
    );
    expect(seen.data!.match.enterpriseContact).toBeNull();
  });

  it('counts the pipeline for the secretariat: how far matches got, how fast, and where', async () => {
    // Nepal is used by no other test here: its figures are this test's own.
    const [first, second] = [
      await t.factory.need(w.orgs.agencyOrg.id, { countryCode: 'NP' }),
      await t.factory.need(w.orgs.agencyOrg.id, { countryCode: 'NP' }),
    ];
    // Left waiting for review, on the need that does not find its partner (the engaged one's candidates are withdrawn by a job).
    await t.factory.match(
      second.id,
      (await t.factory.organization({ kind: OrganizationKind.ENTERPRISE, verificationStatus: VerificationStatus.VERIFIED })).id,
    );
    const engaged = await t.factory.match(first.id, w.orgs.enterpriseOrg.id);
    const interest = await t.factory.match(second.id, w.orgs.otherEnterpriseOrg.id, { origin: MatchOrigin.INTEREST });
    const withdrawn = await t.factory.match(second.id, w.orgs.enterpriseOrg.id);
    /** One move; the match's new version. */
    const move = async (who: Parameters<World['token']>[0], document: string, variables: Record<string, unknown>): Promise<number> => {
      const res = await t.gql<Record<string, { version: number }>>(document, variables, w.token(who));
      expect(res.errors).toBeUndefined();
      return Object.values(res.data!)[0].version;
    };
    const approve = 'mutation($id: ID!, $v: Int!) { approveMatch(input: { id: $id, version: $v }) { version } }';
    const accept = 'mutation($id: ID!, $v: Int!) { respondToMatch(input: { id: $id, version: $v, accept: true }) { version } }';
    let v = await move('coordinator', approve, { id: engaged.id, v: engaged.version });
    v = await move('agency', accept, { id: engaged.id, v });
    v = await move('enterprise', accept, { id: engaged.id, v });
    // Dated today: an outcome cannot predate the introduction, made moments ago.
    await move(
      'coordinator',
      'mutation($id: ID!, $v: Int!, $date: String!) { recordMatchOutcome(input: { id: $id, version: $v, kind: MOU_SIGNED, date: $date }) { version } }',
      { id: engaged.id, v, date: new Date().toISOString().slice(0, 10) },
    );
    await move(
      'coordinator',
      'mutation($id: ID!, $v: Int!) { rejectMatch(input: { id: $id, version: $v, reason: "Out of scope" }) { version } }',
      { id: interest.id, v: interest.version },
    );
    v = await move('coordinator', approve, { id: withdrawn.id, v: withdrawn.version });
    await move(
      'coordinator',
      'mutation($id: ID!, $v: Int!) { withdrawMatch(input: { id: $id, version: $v, reason: "Tender cancelled" }) { version } }',
      { id: withdrawn.id, v },
    );

    const FIELDS =
      'funnel { suggested introduced engaged outcomeRecorded } byStatus { status count } byOrigin { origin count } outcomes { kind count } medianHoursToIntroduction medianHoursToEngagement countries { countryCode matches introduced engaged }';
    const stats = async (args: string, who: Parameters<World['token']>[0] = 'coordinator') =>
      t.gql<{ matchStatistics: Record<string, unknown> }>(`{ matchStatistics(${args}) { ${FIELDS} } }`, {}, w.token(who));
    const nepal = (await stats('countryCode: "NP"')).data!.matchStatistics;
    expect(nepal).toMatchObject({
      funnel: { suggested: 4, introduced: 2, engaged: 1, outcomeRecorded: 1 },
      byOrigin: [
        { origin: 'SUGGESTION', count: 3 },
        { origin: 'INTEREST', count: 1 },
      ],
      outcomes: [{ kind: 'MOU_SIGNED', count: 1 }],
      countries: [{ countryCode: 'NP', matches: 4, introduced: 2, engaged: 1 }],
    });
    expect(nepal.byStatus).toEqual(
      expect.arrayContaining([
        { status: 'SUGGESTED', count: 1 },
        { status: 'OUTCOME_RECORDED', count: 1 },
        { status: 'REJECTED', count: 1 },
        { status: 'WITHDRAWN', count: 1 },
      ]),
    );
    expect(nepal.medianHoursToIntroduction).toEqual(expect.any(Number));
    expect(nepal.medianHoursToEngagement).toEqual(expect.any(Number));

    // The region holds Nepal's; another region and an earlier period do not.
    expect(((await stats('region: "Asia"')).data!.matchStatistics.funnel as { suggested: number }).suggested).toBeGreaterThanOrEqual(4);
    expect((await stats('countryCode: "NP", region: "Africa"')).data!.matchStatistics.funnel).toEqual({
      suggested: 0,
      introduced: 0,
      engaged: 0,
      outcomeRecorded: 0,
    });
    const before = (await stats(`countryCode: "NP", until: "${new Date(Date.now() - DAY).toISOString()}"`)).data!.matchStatistics;
    expect(before).toMatchObject({ funnel: { suggested: 0 }, medianHoursToIntroduction: null, countries: [] });
    // A period that ends before it starts is bad input; and the figures are the secretariat's alone.
    const backwards = await stats(`since: "${new Date().toISOString()}", until: "${new Date(Date.now() - DAY).toISOString()}"`);
    expect(backwards.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'since' });
    expect(errorCode(await stats('countryCode: "NP"', 'agency'))).toBe('FORBIDDEN');
  });

  it('reminds the silent side, then the coordinator, then lets the introduction expire — each once', async () => {
    const need = await t.factory.need(w.orgs.agencyOrg.id, { title: 'Silent introduction need' });
    const m = await t.factory.match(need.id, w.orgs.enterpriseOrg.id);
    const approved = await t.gql<{ approveMatch: { version: number } }>(
      'mutation($id: ID!, $v: Int!) { approveMatch(input: { id: $id, version: $v }) { version } }',
      { id: m.id, v: m.version },
      w.token('coordinator'),
    );
    const accepted = await t.gql<{ respondToMatch: { version: number } }>(
      'mutation($id: ID!, $v: Int!) { respondToMatch(input: { id: $id, version: $v, accept: true }) { version } }',
      { id: m.id, v: approved.data!.approveMatch.version },
      w.token('agency'),
    );
    expect(accepted.errors).toBeUndefined();
    const reminders = t.app.get(MatchRemindersJob);
    const backdate = (days: number) =>
      t.dataSource.query(`UPDATE match SET introduced_at = now() - make_interval(days => $2) WHERE id = $1`, [m.id, days]);
    const count = (type: string, who: Parameters<World['token']>[0]) =>
      inbox(who).then((n) => n.filter((x) => x.type === type && x.matchId === m.id).length);

    await backdate(8);
    await reminders.run();
    await waitUntil(async () => (await count('MATCH_REMINDER', 'enterprise')) === 1, 'the reminder to the enterprise');
    // The agency already answered: it is not reminded.
    expect(await count('MATCH_REMINDER', 'agency')).toBe(0);
    await reminders.run();

    await backdate(15);
    await reminders.run();
    await waitUntil(async () => (await count('MATCH_ESCALATED', 'coordinator')) === 1, 'the escalation to the coordinator');
    expect(await count('MATCH_REMINDER', 'enterprise')).toBe(1);

    // A reminder is not a move: the enterprise can still answer with the version it has.
    const [{ version }] = await t.dataSource.query(`SELECT version FROM match WHERE id = $1`, [m.id]);
    expect(version).toBe(accepted.data!.respondToMatch.version);

    await backdate(31);
    await reminders.run();
    const [{ status }] = await t.dataSource.query(`SELECT status FROM match WHERE id = $1`, [m.id]);
    expect(status).toBe(MatchStatus.EXPIRED);
    const trail = await t.gql<{ auditTrail: Array<{ action: string; actorUserId: string | null }> }>(
      'query($id: ID!) { auditTrail(entityId: $id) { action actorUserId } }',
      { id: m.id },
      w.token('coordinator'),
    );
    expect(trail.data!.auditTrail.at(-1)).toEqual({ action: 'expire', actorUserId: null });
    const late = await t.gql(
      'mutation($id: ID!, $v: Int!) { respondToMatch(input: { id: $id, version: $v, accept: true }) { id } }',
      { id: m.id, v: version },
      w.token('enterprise'),
    );
    expect(errorCode(late)).toBe('CONFLICT');
    expect(await count('MATCH_ESCALATED', 'coordinator')).toBe(1);
  });
  it("lists a need's candidates in rank order, and says that mutual acceptance closed the others: the need found its partner", async () => {
    const need = await t.factory.need(w.orgs.agencyOrg.id, { title: 'Open: pressure management for Kandy' });
    const third = await t.factory.organization({ nameEn: 'Yellow River Pipes' });
    // Created in another order than their scores.
    const weaker = await t.factory.match(need.id, w.orgs.otherEnterpriseOrg.id, { score: 0.7, rank: 3 });
    const introduced = await t.factory.match(need.id, w.orgs.enterpriseOrg.id, {
      score: 0.9,
      rank: 1,
      status: MatchStatus.INTRODUCED,
      introducedAt: new Date(),
      agencyResponse: SideResponse.ACCEPTED,
    });
    const shortlisted = await t.factory.match(need.id, third.id, { score: 0.8, rank: 2, status: MatchStatus.SHORTLISTED });
    type Page = {
      matches: {
        totalCount: number;
        edges: Array<{ node: { id: string; status: string; version: number; reason: string | null } }>;
        pageInfo: { endCursor: string; hasNextPage: boolean };
      };
    };
    const list = async (args: string, after?: string) => {
      const res = await t.gql<Page>(
        `query($needId: ID!, $after: String) { matches(needId: $needId, first: 2, after: $after${args}) { totalCount edges { node { id status version reason } } pageInfo { endCursor hasNextPage } } }`,
        { needId: need.id, after },
        w.token('coordinator'),
      );
      expect(res.errors).toBeUndefined();
      return res.data!.matches;
    };
    const first = await list('');
    expect(first.pageInfo.hasNextPage).toBe(true);
    const second = await list('', first.pageInfo.endCursor);
    expect([...first.edges, ...second.edges].map((e) => e.node.id)).toEqual([introduced.id, shortlisted.id, weaker.id]);
    expect((await list(', orderBy: NEWEST')).edges.map((e) => e.node.id)).toEqual([shortlisted.id, introduced.id]);

    // The enterprise accepts too: they are engaged, the need is MATCHED, and its candidates still under review are withdrawn.
    const engaged = await t.gql<{ respondToMatch: { status: string } }>(
      'mutation($id: ID!, $v: Int!) { respondToMatch(input: { id: $id, version: $v, accept: true }) { status } }',
      { id: introduced.id, v: introduced.version },
      w.token('enterprise'),
    );
    expect(engaged.data?.respondToMatch.status).toBe('ENGAGED');
    const closed = await waitUntil(async () => {
      const all = [...(await list('')).edges, ...(await list('', first.pageInfo.endCursor)).edges].map((e) => e.node);
      return all.filter((m) => m.status === 'WITHDRAWN').length === 2 ? all : undefined;
    }, 'the other candidates to be withdrawn');
    const late = closed.find((m) => m.id === shortlisted.id)!;
    expect(late.reason).toBe('The need found its partner');
    // A coordinator who acts on one of them is told why, and nothing changes. (The withdrawals' search rows are
    // drained first: the background drain emptying the outbox is not a write of the refused request.)
    await t.searchSynced();
    const before = await databaseFingerprint(t.dataSource);
    const approve = await t.gql(
      'mutation($id: ID!, $v: Int!) { approveMatch(input: { id: $id, version: $v }) { id } }',
      { id: late.id, v: late.version },
      w.token('coordinator'),
    );
    expect(errorCode(approve)).toBe('CONFLICT');
    expect(approve.errors?.[0].message).toBe('A match in status WITHDRAWN cannot move to APPROVED: The need found its partner');
    expect(await databaseFingerprint(t.dataSource)).toEqual(before);
  });
});
