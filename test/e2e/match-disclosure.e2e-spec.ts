import { MatchOrigin } from '../../src/matches/match-status';
import { databaseFingerprint } from '../support/fingerprint';
import { errorCode, startTestApp, TestApp } from '../support/test-app';
import { waitUntil } from '../support/wait';
import { startWebhookReceiver, WebhookReceiver } from '../support/webhook-receiver';
import { buildWorld, World } from '../support/world';

interface Match {
  id: string;
  status: string;
  version: number;
  score: number | null;
  rank: number | null;
  interestMessage: string | null;
  statusChangedAt: string;
  createdAt: string;
  explanation: { summary: string | null; factors: Array<{ key: string }> } | null;
  need: { id: string; title: string };
  agencyContact: { organization: string } | null;
  enterpriseContact: { organization: string } | null;
}

const MATCH =
  'id status version score rank interestMessage statusChangedAt createdAt explanation { summary factors { key } } need { id title } agencyContact { organization } enterpriseContact { organization }';
const COMPETITOR = 'Delta Membranes';

/**
 * What the sides see of a match, and when the enterprise may still take its interest back (docs/ACCESS.md, "What a
 * side sees of a match"; docs/NOTIFICATIONS.md). Before the introduction an enterprise's expressed interest is a
 * candidacy under review: it sees its message and the need, not the secretariat's status, score, rank or explanation.
 * From the introduction on, each side answers for itself and only the secretariat closes the match.
 */
describe('match disclosure', () => {
  let t: TestApp;
  let w: World;
  let hooks: WebhookReceiver;

  beforeAll(async () => {
    hooks = await startWebhookReceiver();
    t = await startTestApp({
      WORKERS_ENABLED: 'true',
      WEBHOOK_ALLOW_HTTP: 'true',
      WEBHOOK_ALLOW_PRIVATE_NETWORKS: 'true',
      NOTIFICATION_RETRY_DELAY_SECONDS: '1',
      LOG_LEVEL: 'warn',
    });
    w = await buildWorld(t);
    await t.indexEverything();
    const webhook = await gql<{ createWebhook: { secret: string } }>(
      'enterprise',
      'mutation($url: String!) { createWebhook(input: { url: $url, events: [MATCH_CLOSED] }) { secret } }',
      { url: hooks.url },
    );
    hooks.setSecret(webhook.createWebhook.secret);
  });
  afterAll(async () => {
    await t?.close();
    await hooks?.stop();
  });

  const gql = async <T>(who: Parameters<World['token']>[0], query: string, variables: Record<string, unknown> = {}) => {
    const res = await t.gql<T>(query, variables, w.token(who));
    if (res.errors) throw new Error(`${who}: ${JSON.stringify(res.errors)}`);
    return res.data as T;
  };
  const read = async (who: Parameters<World['token']>[0], id: string) =>
    (await gql<{ match: Match }>(who, `query($id: ID!) { match(id: $id) { ${MATCH} } }`, { id })).match;
  const listed = async (who: Parameters<World['token']>[0], id: string) =>
    (
      await gql<{ matches: { edges: Array<{ node: Match }> } }>(who, `{ matches(first: 100) { edges { node { ${MATCH} } } } }`)
    ).matches.edges
      .map((e) => e.node)
      .find((m) => m.id === id);
  const move = async (who: Parameters<World['token']>[0], mutation: string, id: string, version: number, extra = '') =>
    Object.values(
      await gql<Record<string, Match>>(
        who,
        `mutation($id: ID!, $v: Int!) { ${mutation}(input: { id: $id, version: $v${extra} }) { ${MATCH} } }`,
        { id, v: version },
      ),
    )[0];
  const inbox = async (who: Parameters<World['token']>[0]) =>
    (
      await gql<{ notifications: { edges: Array<{ node: { type: string; matchId: string | null } }> } }>(
        who,
        '{ notifications(first: 50) { edges { node { type matchId } } } }',
      )
    ).notifications.edges.map((e) => e.node);

  /** An expressed interest whose explanation, as the secretariat keeps it, names another candidate. */
  async function interestNamingACompetitor() {
    const need = await t.factory.need(w.orgs.agencyOrg.id, { title: 'Seawater desalination for Jaffna' });
    return t.factory.match(need.id, w.orgs.enterpriseOrg.id, {
      origin: MatchOrigin.INTEREST,
      rank: 2,
      interestMessage: 'We built three seawater RO plants.',
      explanation: {
        summary: `Ranked 2 of 5 with 0.500: similar work (fits); listed after ${COMPETITOR}, of the same group (BLUE GROUP).`,
        factors: [{ key: 'text', label: 'Similar work', value: 1, weight: 0.5, contribution: 0.5, detail: 'fits' }],
        tradeFit: { value: 1, detail: 'no project in trades that build nothing' },
        evidence: [],
      },
    });
  }
  /** The match as a coordinator reads it: everything. */
  const staffView = (id: string) => read('coordinator', id);

  it('shows the enterprise its interest under review as pending: its message and the need, no status of the secretariat’s, score, rank or explanation', async () => {
    const need = await t.factory.need(w.orgs.otherAgencyOrg.id, {
      title: 'Brackish water desalination for Mombasa',
      countryCode: 'KE',
      technologyCategories: ['DESALINATION'],
    });
    const expressed = (
      await gql<{ expressInterest: Match }>(
        'enterprise',
        `mutation($id: ID!) { expressInterest(input: { needId: $id, message: "We run three seawater RO plants." }) { ${MATCH} } }`,
        { id: need.id },
      )
    ).expressInterest;
    const pending = {
      status: 'SUGGESTED',
      score: null,
      rank: null,
      explanation: null,
      interestMessage: 'We run three seawater RO plants.',
      need: { id: need.id, title: need.title },
    };
    expect(expressed).toMatchObject(pending);

    // A coordinator shortlists it: the coordinator sees that, the score and the explanation; the enterprise still sees a pending interest.
    const shortlisted = await move('coordinator', 'shortlistMatch', expressed.id, expressed.version);
    expect(shortlisted).toMatchObject({
      status: 'SHORTLISTED',
      score: expect.any(Number),
      explanation: { summary: expect.stringMatching(/^Ranked \d+ of \d+/) },
    });
    for (const seen of [await read('enterprise', expressed.id), await listed('enterprise', expressed.id)]) {
      expect(seen).toMatchObject(pending);
      // Nor does the time of its last status change tell that a coordinator moved it.
      expect(seen!.statusChangedAt).toBe(seen!.createdAt);
    }
  });

  it('never shows the enterprise or the agency a summary that names another candidate, nor the rank, before or after the introduction', async () => {
    const m = await interestNamingACompetitor();
    expect(JSON.stringify(await read('enterprise', m.id))).not.toContain(COMPETITOR);
    expect(JSON.stringify(await listed('enterprise', m.id))).not.toContain(COMPETITOR);

    const introduced = await move('coordinator', 'approveMatch', m.id, m.version);
    expect(introduced.explanation?.summary).toContain(COMPETITOR);
    const accepted = await move('agency', 'respondToMatch', m.id, introduced.version, ', accept: true');
    const engaged = await move('enterprise', 'respondToMatch', m.id, accepted.version, ', accept: true');
    for (const seen of [
      accepted,
      engaged,
      await read('agency', m.id),
      await read('enterprise', m.id),
      await listed('agency', m.id),
      await listed('enterprise', m.id),
    ]) {
      expect(JSON.stringify(seen)).not.toContain(COMPETITOR);
      // Introduced, the sides see the pair's score and factors; the rank and the summary compare it with the others.
      expect(seen).toMatchObject({ score: 0.5, rank: null, explanation: { summary: null, factors: [{ key: 'text' }] } });
    }
    expect((await staffView(m.id)).rank).toBe(2);
  });

  it('lets the enterprise withdraw its interest before the introduction, shortlisted or not', async () => {
    const m = await interestNamingACompetitor();
    const asSeen = await read('enterprise', m.id);
    const shortlisted = await move('coordinator', 'shortlistMatch', m.id, m.version);
    // The version moved with the shortlisting: the enterprise reads it again, as after any change.
    const stale = await t.gql(
      'mutation($id: ID!, $v: Int!) { withdrawMatch(input: { id: $id, version: $v, reason: "Busy" }) { id } }',
      { id: m.id, v: asSeen.version },
      w.token('enterprise'),
    );
    expect(errorCode(stale)).toBe('CONFLICT');
    expect(stale.errors![0].message).not.toContain('SHORTLISTED');
    const withdrawn = await move(
      'enterprise',
      'withdrawMatch',
      m.id,
      (await read('enterprise', m.id)).version,
      ', reason: "Our team is fully booked"',
    );
    expect(withdrawn).toMatchObject({ status: 'WITHDRAWN' });
    expect((await staffView(m.id)).version).toBe(shortlisted.version + 1);
  });

  it('refuses the enterprise’s withdrawal once introduced (it answers with respondToMatch) or engaged (the secretariat closes it): CONFLICT, nothing written, contacts as they were', async () => {
    const m = await interestNamingACompetitor();
    const written = async () => ({
      rows: await databaseFingerprint(t.dataSource, ['match', 'audit_entry']),
      events: (await t.dataSource.query('SELECT count(*)::int AS n FROM notification_event'))[0].n as number,
    });
    const withdraw = (version: number) =>
      t.gql(
        'mutation($id: ID!, $v: Int!) { withdrawMatch(input: { id: $id, version: $v, reason: "Changed our mind" }) { id } }',
        { id: m.id, v: version },
        w.token('enterprise'),
      );

    const introduced = await move('coordinator', 'approveMatch', m.id, m.version);
    let before = await written();
    const atIntroduction = await withdraw(introduced.version);
    expect(errorCode(atIntroduction)).toBe('CONFLICT');
    expect(atIntroduction.errors![0].message).toMatch(/respondToMatch/);
    expect(await written()).toEqual(before);
    // Introduced, each side sees its own contacts only.
    expect(await read('enterprise', m.id)).toMatchObject({
      status: 'INTRODUCED',
      agencyContact: null,
      enterpriseContact: { organization: 'Blue River Water Engineering' },
    });
    expect(await read('agency', m.id)).toMatchObject({ status: 'INTRODUCED', enterpriseContact: null });

    const accepted = await move('agency', 'respondToMatch', m.id, introduced.version, ', accept: true');
    const engaged = await move('enterprise', 'respondToMatch', m.id, accepted.version, ', accept: true');
    before = await written();
    const atEngagement = await withdraw(engaged.version);
    expect(errorCode(atEngagement)).toBe('CONFLICT');
    expect(atEngagement.errors![0].message).toMatch(/secretariat/);
    expect(await written()).toEqual(before);
    expect(await read('enterprise', m.id)).toMatchObject({ status: 'ENGAGED', agencyContact: { organization: 'Lanka Water Board' } });
    expect(await read('agency', m.id)).toMatchObject({
      status: 'ENGAGED',
      enterpriseContact: { organization: 'Blue River Water Engineering' },
    });
  });

  it('tells both sides when a coordinator closes an engaged match, and both can still read it', async () => {
    const need = await t.factory.need(w.orgs.agencyOrg.id, { title: 'Engaged, then cancelled' });
    const m = await t.factory.match(need.id, w.orgs.enterpriseOrg.id);
    const introduced = await move('coordinator', 'approveMatch', m.id, m.version);
    const accepted = await move('agency', 'respondToMatch', m.id, introduced.version, ', accept: true');
    const engaged = await move('enterprise', 'respondToMatch', m.id, accepted.version, ', accept: true');
    await move('coordinator', 'withdrawMatch', m.id, engaged.version, ', reason: "The tender was cancelled"');
    for (const side of ['agency', 'enterprise'] as const) {
      await waitUntil(
        async () => (await inbox(side)).some((n) => n.type === 'MATCH_CLOSED' && n.matchId === m.id),
        `the ${side} to hear the match was closed`,
      );
      // The message links to the match: it does not vanish from the side's view.
      expect(await read(side, m.id)).toMatchObject({ status: 'WITHDRAWN' });
    }
    // Introduced sides know the score: the enterprise's webhook gets it.
    const call = await waitUntil(
      () => hooks.received.find((r) => (r.json as { data?: { matchId?: string } }).data?.matchId === m.id),
      'the MATCH_CLOSED webhook call',
    );
    expect((call.json as { data: { score?: number } }).data.score).toBe(0.5);
  });

  it('tells the enterprise its interest was closed before the introduction, without the score', async () => {
    const m = await interestNamingACompetitor();
    await move('coordinator', 'rejectMatch', m.id, m.version, ', reason: "Hydrological modelling is needed"');
    const call = await waitUntil(
      () => hooks.received.find((r) => (r.json as { data?: { matchId?: string } }).data?.matchId === m.id),
      'the MATCH_CLOSED webhook call',
    );
    expect(call.json).toMatchObject({ event: 'MATCH_CLOSED', data: { matchId: m.id, reason: 'Hydrological modelling is needed' } });
    expect(JSON.stringify(call.json)).not.toContain('score');
  });
});
