import { Language } from '../../src/access/actor';
import { startSmtpReceiver, SmtpReceiver } from '../support/smtp-receiver';
import { errorCode, startTestApp, TestApp } from '../support/test-app';
import { startWebhookReceiver, WebhookReceiver } from '../support/webhook-receiver';
import { waitUntil } from '../support/wait';
import { buildWorld, World } from '../support/world';

interface Match {
  id: string;
  status: string;
  version: number;
  score: number;
  agencyResponse: string;
  enterpriseResponse: string;
  enterprise: { id: string; nameEn: string };
  agencyContact: { email: string | null; people: Array<{ email: string }> } | null;
  enterpriseContact: { email: string | null; people: Array<{ email: string }> } | null;
  explanation: { summary: string; factors: Array<{ contribution: number }> };
}

const MATCH =
  'id status version score agencyResponse enterpriseResponse enterprise { id nameEn } agencyContact { email people { email } } enterpriseContact { email people { email } } explanation { summary factors { contribution } }';

/**
 * The whole story over GraphQL, with real PostgreSQL, Meilisearch, SMTP and webhook receivers and the real workers:
 * an agency publishes a need → candidates reach the review queue → a coordinator approves → both sides get in-app,
 * e-mail and webhook → both accept → contacts are revealed → the outcome is recorded → the audit trail tells it all.
 */
describe('match workflow', () => {
  let t: TestApp;
  let w: World;
  let smtp: SmtpReceiver;
  let hooks: WebhookReceiver;
  let needId: string;
  let match: Match;
  /** The coordinator whose approval won the race: the one who hears of the answers. */
  let approver: string;

  beforeAll(async () => {
    smtp = await startSmtpReceiver();
    hooks = await startWebhookReceiver();
    t = await startTestApp({
      WORKERS_ENABLED: 'true',
      SMTP_HOST: smtp.host,
      SMTP_PORT: String(smtp.port),
      WEBHOOK_ALLOW_HTTP: 'true',
      WEBHOOK_ALLOW_PRIVATE_NETWORKS: 'true',
      NOTIFICATION_RETRY_DELAY_SECONDS: '1',
      LOG_LEVEL: 'warn',
    });
    w = await buildWorld(t);
    await t.dataSource.query(`UPDATE app_user SET preferred_language = $2 WHERE id = $1`, [w.users.enterprise.id, Language.ZH]);
    await t.dataSource.query(`UPDATE organization SET contact_email = 'partners@blueriver.example' WHERE id = $1`, [
      w.orgs.enterpriseOrg.id,
    ]);
    await t.indexEverything();
  });
  afterAll(async () => {
    await t?.close();
    await smtp?.stop();
    await hooks?.stop();
  });

  const gql = async <T>(who: Parameters<World['token']>[0], query: string, variables: Record<string, unknown> = {}) => {
    const res = await t.gql<T>(query, variables, w.token(who));
    if (res.errors) throw new Error(`${who}: ${JSON.stringify(res.errors)}`);
    return res.data as T;
  };
  const inbox = (who: Parameters<World['token']>[0]) =>
    gql<{
      notifications: {
        unreadCount: number;
        edges: Array<{ node: { id: string; type: string; title: string; body: string; matchId: string | null } }>;
      };
    }>(who, '{ notifications(first: 50) { unreadCount edges { node { id type title body matchId } } } }').then((d) => d.notifications);

  it('suggests candidates when an agency publishes a need, and puts them in the review queue', async () => {
    const webhook = await gql<{ createWebhook: { secret: string } }>(
      'enterprise',
      'mutation($url: String!) { createWebhook(input: { url: $url, events: [MATCH_INTRODUCED, MATCH_ENGAGED] }) { secret } }',
      { url: hooks.url },
    );
    hooks.setSecret(webhook.createWebhook.secret);

    const created = await gql<{ createNeed: { id: string } }>(
      'agency',
      'mutation($input: CreateNeedInput!) { createNeed(input: $input) { id } }',
      {
        input: {
          title: 'Rural water treatment plant for Anuradhapura',
          description: 'A drinking water treatment plant of 10,000 m³/day with a transmission pipeline.',
          countryCode: 'LK',
          sectorCode: '14021',
          technologyCategories: ['DRINKING_WATER_TREATMENT'],
        },
      },
    );
    needId = created.createNeed.id;
    await gql('agency', 'mutation($id: ID!) { publishNeed(id: $id) { id } }', { id: needId });

    const queue = await waitUntil(async () => {
      const d = await gql<{
        reviewQueue: { totalCount: number; edges: Array<{ node: { need: { id: string }; waitingCount: number; candidates: Match[] } }> };
      }>('coordinator', `{ reviewQueue(first: 10) { totalCount edges { node { need { id } waitingCount candidates { ${MATCH} } } } } }`);
      return d.reviewQueue.edges.find((e) => e.node.need.id === needId)?.node;
    }, 'the review queue to list the new need');
    expect(queue.waitingCount).toBeGreaterThan(0);
    match = queue.candidates.find((c) => c.enterprise.id === w.orgs.enterpriseOrg.id)!;
    expect(match).toMatchObject({ status: 'SUGGESTED', version: 1 });
    // The explanation is the one the coordinator saw: its contributions add up to the score.
    expect(match.explanation.factors.reduce((s, f) => s + f.contribution, 0)).toBeCloseTo(match.score, 4);
    // Coordinators hear of new candidates in the app.
    const coordinatorInbox = await waitUntil(
      async () => (await inbox('coordinator')).edges.find((e) => e.node.type === 'CANDIDATES_TO_REVIEW'),
      'the coordinator notification',
    );
    expect(coordinatorInbox.node.body).toContain('Anuradhapura');
  });

  it('hides a match from both sides until it is approved', async () => {
    const res = await t.gql('query($id: ID!) { match(id: $id) { id } }', { id: match.id }, w.token('agency'));
    expect(errorCode(res)).toBe('NOT_FOUND');
    const list = await gql<{ matches: { totalCount: number } }>('enterprise', '{ matches(first: 5) { totalCount } }');
    expect(list.matches.totalCount).toBe(0);
  });

  it('lets one of two coordinators racing on the same match win; the other gets CONFLICT', async () => {
    const secondCoordinator = await t.factory.user(w.users.coordinator.role, { organizationId: w.orgs.secretariat.id });
    const approve = (token: string) =>
      t.gql<{ approveMatch: Match }>(
        `mutation($id: ID!, $v: Int!) { approveMatch(input: { id: $id, version: $v }) { ${MATCH} } }`,
        { id: match.id, v: match.version },
        token,
      );
    const tokens = [w.token('coordinator')!, t.tokenFor(secondCoordinator.id)];
    const results = await Promise.all(tokens.map(approve));
    approver = tokens[results.findIndex((r) => !r.errors)];
    const winners = results.filter((r) => !r.errors);
    const losers = results.filter((r) => r.errors);
    expect(winners).toHaveLength(1);
    expect(losers.map(errorCode)).toEqual(['CONFLICT']);
    match = winners[0].data!.approveMatch;
    expect(match.status).toBe('INTRODUCED');
    const audit = await gql<{ auditTrail: Array<{ action: string }> }>(
      'coordinator',
      'query($id: ID!) { auditTrail(entityId: $id) { action } }',
      { id: match.id },
    );
    // One approval, not two.
    expect(audit.auditTrail.filter((a) => a.action === 'approve')).toHaveLength(1);
  });

  it('tells both sides in the app, by e-mail in their language, and by signed webhook', async () => {
    const agencyNote = await waitUntil(
      async () => (await inbox('agency')).edges.find((e) => e.node.type === 'MATCH_INTRODUCED'),
      'the agency notification',
    );
    expect(agencyNote.node.matchId).toBe(match.id);
    expect(agencyNote.node.body).toContain('Blue River Water Engineering');
    const enterpriseNote = await waitUntil(
      async () => (await inbox('enterprise')).edges.find((e) => e.node.type === 'MATCH_INTRODUCED'),
      'the enterprise notification',
    );
    expect(enterpriseNote.node.title).toMatch(/[\u4e00-\u9fff]/);

    const mails = await waitUntil(() => {
      const got = smtp.messages.filter(
        (m) =>
          m.headers['x-waterbridge-delivery']?.includes(':email:') &&
          (m.to.includes(w.users.agency.email) || m.to.includes(w.users.enterprise.email)),
      );
      return got.length >= 2 ? got : undefined;
    }, 'two introduction e-mails');
    const toAgency = mails.find((m) => m.to.includes(w.users.agency.email))!;
    const toEnterprise = mails.find((m) => m.to.includes(w.users.enterprise.email))!;
    expect(toAgency.subject).not.toMatch(/[\u4e00-\u9fff]/);
    expect(toAgency.text).toContain('Blue River Water Engineering');
    expect(toAgency.html).toContain('Blue River Water Engineering');
    expect(toEnterprise.subject).toMatch(/[\u4e00-\u9fff]/);

    const call = await waitUntil(
      () => hooks.received.find((r) => (r.json as { event?: string }).event === 'MATCH_INTRODUCED'),
      'the webhook call',
    );
    expect(call.signatureValid).toBe(true);
    expect(call.json).toMatchObject({ event: 'MATCH_INTRODUCED', data: { matchId: match.id, needId } });
    expect(call.headers['waterbridge-delivery']).toBe((call.json as { id: string }).id);
  });

  it('reveals contacts only once both sides accepted, and records the outcome', async () => {
    const before = await gql<{ match: Match }>('agency', `query($id: ID!) { match(id: $id) { ${MATCH} } }`, { id: match.id });
    expect(before.match.enterpriseContact).toBeNull();

    const respond = (who: 'agency' | 'enterprise', version: number) =>
      gql<{ respondToMatch: Match }>(
        who,
        `mutation($id: ID!, $v: Int!) { respondToMatch(input: { id: $id, version: $v, accept: true }) { ${MATCH} } }`,
        { id: match.id, v: version },
      );
    const afterAgency = (await respond('agency', match.version)).respondToMatch;
    expect(afterAgency).toMatchObject({
      status: 'INTRODUCED',
      agencyResponse: 'ACCEPTED',
      enterpriseResponse: 'PENDING',
      enterpriseContact: null,
    });
    // The enterprise and the approving coordinator hear that the agency accepted.
    await waitUntil(
      async () => (await inbox('enterprise')).edges.some((e) => e.node.type === 'MATCH_ACCEPTED' && e.node.matchId === match.id),
      'the enterprise to hear of the acceptance',
    );
    await waitUntil(async () => {
      const res = await t.gql<{ notifications: { edges: Array<{ node: { type: string; matchId: string } }> } }>(
        '{ notifications(first: 50) { edges { node { type matchId } } } }',
        {},
        approver,
      );
      return res.data!.notifications.edges.some((e) => e.node.type === 'MATCH_ACCEPTED' && e.node.matchId === match.id);
    }, 'the approving coordinator to hear of the acceptance');
    // Answering twice is refused.
    const again = await t.gql(
      `mutation($id: ID!, $v: Int!) { respondToMatch(input: { id: $id, version: $v, accept: false }) { id } }`,
      { id: match.id, v: afterAgency.version },
      w.token('agency'),
    );
    expect(errorCode(again)).toBe('CONFLICT');
    // The other enterprise is not a side of this match.
    const stranger = await t.gql(
      `mutation($id: ID!, $v: Int!) { respondToMatch(input: { id: $id, version: $v, accept: true }) { id } }`,
      { id: match.id, v: afterAgency.version },
      w.token('otherEnterprise'),
    );
    expect(errorCode(stranger)).toBe('NOT_FOUND');

    const engaged = (await respond('enterprise', afterAgency.version)).respondToMatch;
    expect(engaged.status).toBe('ENGAGED');
    expect(engaged.agencyContact?.people.map((p) => p.email)).toContain(w.users.agency.email);
    const seenByAgency = await gql<{ match: Match }>('agency', `query($id: ID!) { match(id: $id) { ${MATCH} } }`, { id: match.id });
    expect(seenByAgency.match.enterpriseContact).toMatchObject({ email: 'partners@blueriver.example' });
    expect(seenByAgency.match.enterpriseContact?.people.map((p) => p.email)).toContain(w.users.enterprise.email);

    // Both sides get the contacts by e-mail too.
    const engagedMail = await waitUntil(
      () => smtp.messages.find((m) => m.to.includes(w.users.agency.email) && m.text.includes('partners@blueriver.example')),
      'the engagement e-mail',
    );
    expect(engagedMail.text).toContain(w.users.enterprise.email);

    // Dated today: an outcome cannot predate the introduction, made moments ago.
    const outcome = await gql<{ recordMatchOutcome: { status: string } }>(
      'coordinator',
      'mutation($id: ID!, $v: Int!, $date: String!) { recordMatchOutcome(input: { id: $id, version: $v, kind: MOU_SIGNED, date: $date, note: "MoU signed in Colombo" }) { status } }',
      {
        id: match.id,
        v: engaged.version,
        date: new Date().toISOString().slice(0, 10),
      },
    );
    expect(outcome.recordMatchOutcome.status).toBe('OUTCOME_RECORDED');

    const audit = await gql<{
      auditTrail: Array<{ action: string; fromStatus: string | null; toStatus: string; actorUserId: string | null }>;
    }>('coordinator', 'query($id: ID!) { auditTrail(entityId: $id) { action fromStatus toStatus actorUserId } }', { id: match.id });
    expect(audit.auditTrail.map((a) => `${a.action}:${a.fromStatus}>${a.toStatus}`)).toEqual([
      'suggest:null>SUGGESTED',
      'approve:SUGGESTED>APPROVED',
      'introduce:APPROVED>INTRODUCED',
      'accept:INTRODUCED>INTRODUCED',
      'accept:INTRODUCED>ENGAGED',
      'record outcome:ENGAGED>OUTCOME_RECORDED',
    ]);
    expect(audit.auditTrail[3].actorUserId).toBe(w.users.agency.id);
    expect(audit.auditTrail[4].actorUserId).toBe(w.users.enterprise.id);
  });

  it("shows the sides the trail from the introduction on, without the secretariat's review steps (docs/AUDIT.md)", async () => {
    for (const who of ['agency', 'enterprise'] as const) {
      const res = await gql<{ auditTrail: Array<{ action: string }> }>(who, 'query($id: ID!) { auditTrail(entityId: $id) { action } }', {
        id: match.id,
      });
      expect(res.auditTrail.map((a) => a.action)).toEqual(['introduce', 'accept', 'accept', 'record outcome']);
    }
    const stranger = await t.gql('query($id: ID!) { auditTrail(entityId: $id) { action } }', { id: match.id }, w.token('otherAgency'));
    expect(errorCode(stranger)).toBe('NOT_FOUND');
  });
});
