import { AddressInfo } from 'node:net';
import { createClient } from 'graphql-ws';
import WebSocket from 'ws';
import { NotificationDigestJob } from '../../src/notifications/notification-digest.job';
import { startSmtpReceiver, SmtpReceiver } from '../support/smtp-receiver';
import { errorCode, startTestApp, TestApp } from '../support/test-app';
import { waitUntil } from '../support/wait';
import { buildWorld, World } from '../support/world';

interface Note {
  id: string;
  type: string;
  title: string;
  needId: string | null;
  read: boolean;
}

/** The recipient's side: the inbox, the live subscription, preferences, alerts and digests, and the admins' delivery log. */
describe('notifications', () => {
  let t: TestApp;
  let w: World;
  let smtp: SmtpReceiver;
  let wsUrl: string;

  beforeAll(async () => {
    smtp = await startSmtpReceiver();
    t = await startTestApp({
      WORKERS_ENABLED: 'true',
      SMTP_HOST: smtp.host,
      SMTP_PORT: String(smtp.port),
      OPPORTUNITY_ALERT_MIN_SCORE: '0.05',
      NOTIFICATION_RETRY_DELAY_SECONDS: '1',
    });
    w = await buildWorld(t);
    await t.indexEverything();
    const server = t.app.getHttpServer();
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    wsUrl = `ws://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`;
  });
  afterAll(async () => {
    await t?.close();
    await smtp?.stop();
  });

  const inbox = async (who: Parameters<World['token']>[0], unreadOnly = false) => {
    const res = await t.gql<{ notifications: { unreadCount: number; edges: Array<{ node: Note }> } }>(
      'query($u: Boolean!) { notifications(first: 50, unreadOnly: $u) { unreadCount edges { node { id type title needId read } } } }',
      { u: unreadOnly },
      w.token(who),
    );
    expect(res.errors).toBeUndefined();
    return res.data!.notifications;
  };
  const approve = async (enterpriseId: string) => {
    const need = await t.factory.need(w.orgs.agencyOrg.id, { title: `Need for ${enterpriseId.slice(0, 6)}` });
    const m = await t.factory.match(need.id, enterpriseId);
    const res = await t.gql(
      'mutation($id: ID!, $v: Int!) { approveMatch(input: { id: $id, version: $v }) { id } }',
      { id: m.id, v: m.version },
      w.token('coordinator'),
    );
    expect(res.errors).toBeUndefined();
    return m.id;
  };

  it('pushes a new notification to the recipient’s open subscription, and to nobody else', async () => {
    const subscribe = (token: string) => {
      const client = createClient({
        url: wsUrl,
        webSocketImpl: WebSocket,
        connectionParams: { authorization: `Bearer ${token}` },
        retryAttempts: 0,
      });
      const received: Array<{ type: string; matchId: string }> = [];
      const ready = new Promise<void>((resolve) => client.on('connected', () => resolve()));
      const dispose = client.subscribe<{ notificationAdded: { type: string; matchId: string } }>(
        { query: 'subscription { notificationAdded { type matchId } }' },
        {
          next: (message) => message.data && received.push(message.data.notificationAdded),
          error: () => undefined,
          complete: () => undefined,
        },
      );
      return { client, received, ready, dispose };
    };
    const enterprise = subscribe(w.token('enterprise')!);
    const stranger = subscribe(w.token('otherAgency')!);
    await Promise.all([enterprise.ready, stranger.ready]);
    // The subscription is registered once the server has processed it; give it a moment.
    await new Promise((r) => setTimeout(r, 300));

    const matchId = await approve(w.orgs.enterpriseOrg.id);
    await waitUntil(() => enterprise.received.length > 0, 'the pushed notification');
    expect(enterprise.received).toEqual([{ type: 'MATCH_INTRODUCED', matchId }]);
    await new Promise((r) => setTimeout(r, 500));
    expect(stranger.received).toEqual([]);
    for (const s of [enterprise, stranger]) {
      s.dispose();
      await s.client.dispose();
    }
  });

  it('refuses a subscription without a valid token', async () => {
    const client = createClient({ url: wsUrl, webSocketImpl: WebSocket, retryAttempts: 0 });
    const error = await new Promise<unknown>((resolve) => {
      client.subscribe(
        { query: 'subscription { notificationAdded { id } }' },
        { next: (m) => resolve(m.errors), error: resolve, complete: () => resolve('completed') },
      );
    });
    expect(JSON.stringify(error)).toContain('UNAUTHENTICATED');
    await client.dispose();
  });

  it('counts unread notifications and marks them read', async () => {
    await waitUntil(async () => (await inbox('agency')).unreadCount > 0, 'an unread notification');
    const before = await inbox('agency', true);
    const [first] = before.edges;
    const marked = await t.gql<{ markNotificationsRead: number }>(
      'mutation($ids: [ID!]) { markNotificationsRead(ids: $ids) }',
      { ids: [first.node.id] },
      w.token('agency'),
    );
    expect(marked.data!.markNotificationsRead).toBe(1);
    expect((await inbox('agency')).unreadCount).toBe(before.unreadCount - 1);
    // Another user's id is ignored, not marked.
    const foreign = await t.gql<{ markNotificationsRead: number }>(
      'mutation($ids: [ID!]) { markNotificationsRead(ids: $ids) }',
      { ids: [first.node.id] },
      w.token('enterprise'),
    );
    expect(foreign.data!.markNotificationsRead).toBe(0);
    await t.gql('mutation { markNotificationsRead }', {}, w.token('agency'));
    expect((await inbox('agency')).unreadCount).toBe(0);
  });

  it('follows each user’s preferences per event type and channel', async () => {
    const set = await t.gql<{
      setNotificationPreferences: Array<{ eventType: string; channel: string; enabled: boolean; chosen: boolean }>;
    }>(
      'mutation { setNotificationPreferences(input: [{ eventType: MATCH_INTRODUCED, channel: EMAIL, enabled: false }]) { eventType channel enabled chosen } }',
      {},
      w.token('otherEnterprise'),
    );
    expect(set.data!.setNotificationPreferences.find((p) => p.eventType === 'MATCH_INTRODUCED' && p.channel === 'EMAIL')).toEqual({
      eventType: 'MATCH_INTRODUCED',
      channel: 'EMAIL',
      enabled: false,
      chosen: true,
    });
    const matchId = await approve(w.orgs.otherEnterpriseOrg.id);
    await waitUntil(
      async () => (await inbox('otherEnterprise')).edges.some((e) => e.node.type === 'MATCH_INTRODUCED'),
      'the in-app notification',
    );
    // The agency still gets its e-mail; the enterprise member who turned e-mail off gets none.
    await waitUntil(
      () => smtp.messages.some((m) => m.to.includes(w.users.agency.email) && m.headers['x-waterbridge-delivery']?.includes(':email:')),
      'the agency e-mail',
    );
    const deliveries = await t.dataSource.query(
      `SELECT d.user_id FROM notification_delivery d JOIN notification_event e ON e.id = d.event_id WHERE e.payload->>'matchId' = $1 AND d.channel = 'EMAIL'`,
      [matchId],
    );
    expect(deliveries.map((d: { user_id: string }) => d.user_id)).toEqual([w.users.agency.id]);
  });

  it('refuses a digest for anything but opportunity alerts by e-mail, and saves nothing of the request', async () => {
    const res = await t.gql(
      'mutation { setNotificationPreferences(input: [{ eventType: OPPORTUNITY_ALERT, channel: EMAIL, enabled: true, frequency: WEEKLY }, { eventType: MATCH_ENGAGED, channel: EMAIL, enabled: true, frequency: DAILY }]) { eventType } }',
      {},
      w.token('enterprise'),
    );
    expect(errorCode(res)).toBe('BAD_USER_INPUT');
    const [{ n }] = await t.dataSource.query(`SELECT count(*)::int AS n FROM notification_preference WHERE user_id = $1`, [
      w.users.enterprise.id,
    ]);
    expect(n).toBe(0);
  });

  it('alerts fitting enterprises to a newly published need: in the app at once, by e-mail in a daily digest', async () => {
    const publish = async (title: string) => {
      const created = await t.gql<{ createNeed: { id: string } }>(
        'mutation($input: CreateNeedInput!) { createNeed(input: $input) { id } }',
        {
          input: {
            title,
            description: 'A drinking water treatment plant with a transmission pipeline.',
            countryCode: 'LK',
            sectorCode: '14021',
            technologyCategories: ['DRINKING_WATER_TREATMENT'],
          },
        },
        w.token('agency'),
      );
      await t.gql('mutation($id: ID!) { publishNeed(id: $id) { id } }', { id: created.data!.createNeed.id }, w.token('agency'));
      return created.data!.createNeed.id;
    };
    const first = await publish('Water treatment plant for Jaffna');
    const second = await publish('Water treatment plant for Batticaloa');
    const alerts = await waitUntil(async () => {
      const found = (await inbox('enterprise')).edges.filter((e) => e.node.type === 'OPPORTUNITY_ALERT');
      return found.length >= 2 ? found : undefined;
    }, 'two opportunity alerts');
    expect(alerts.map((a) => a.node.needId).sort()).toEqual([first, second].sort());
    // By e-mail they wait for the digest…
    const held = () =>
      t.dataSource.query<Array<{ id: string }>>(`SELECT id FROM notification_delivery WHERE user_id = $1 AND status = 'HELD_FOR_DIGEST'`, [
        w.users.enterprise.id,
      ]);
    await waitUntil(async () => (await held()).length === 2, 'two alerts held for the digest');
    const digest = t.app.get(NotificationDigestJob);
    expect(await digest.run()).toBe(0);
    // …until the oldest is a day old: then one e-mail carries both.
    await t.dataSource.query(
      `UPDATE notification_delivery SET created_at = now() - interval '25 hours' WHERE user_id = $1 AND status = 'HELD_FOR_DIGEST'`,
      [w.users.enterprise.id],
    );
    expect(await digest.run()).toBe(1);
    expect(await digest.run()).toBe(0);
    const mail = await waitUntil(
      () =>
        smtp.messages.find((m) => m.to.includes(w.users.enterprise.email) && m.headers['x-waterbridge-delivery']?.startsWith('digest:')),
      'the digest e-mail',
    );
    expect(mail.text).toContain('Jaffna');
    expect(mail.text).toContain('Batticaloa');
    expect(await held()).toEqual([]);
  });

  it('shows admins the dead letters, and gives one a fresh set of attempts', async () => {
    const [dead] = await t.dataSource.query(
      `INSERT INTO notification_delivery (idempotency_key, channel, event_id, user_id, address, status, attempts, last_error)
       SELECT 'dead-test:' || e.id, 'EMAIL', e.id, $1, $2, 'DEAD', 8, 'SMTP password was wrong' FROM notification_event e ORDER BY e.created_at LIMIT 1
       RETURNING id, idempotency_key AS key`,
      [w.users.admin.id, w.users.admin.email],
    );
    const list = await t.gql<{ notificationDeliveries: { edges: Array<{ node: { id: string; lastError: string } }> } }>(
      '{ notificationDeliveries(status: DEAD, first: 10) { edges { node { id lastError } } } }',
      {},
      w.token('admin'),
    );
    expect(list.data!.notificationDeliveries.edges.map((e) => e.node)).toEqual([{ id: dead.id, lastError: 'SMTP password was wrong' }]);
    const retried = await t.gql<{ retryNotificationDelivery: { status: string } }>(
      'mutation($id: ID!) { retryNotificationDelivery(id: $id) { status } }',
      { id: dead.id },
      w.token('admin'),
    );
    expect(retried.data!.retryNotificationDelivery.status).toBe('PENDING');
    const mail = await waitUntil(() => smtp.messages.find((m) => m.headers['x-waterbridge-delivery'] === dead.key), 'the retried e-mail');
    expect(mail.to).toEqual([w.users.admin.email]);
    const again = await t.gql('mutation($id: ID!) { retryNotificationDelivery(id: $id) { status } }', { id: dead.id }, w.token('admin'));
    expect(errorCode(again)).toBe('CONFLICT');
  });
});
