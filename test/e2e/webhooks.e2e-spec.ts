import { randomUUID } from 'node:crypto';
import { DeliveryAttemptEntity, DeliveryStatus, NotificationDeliveryEntity } from '../../src/notifications/notification-delivery.entity';
import { NotificationChannel } from '../../src/notifications/notification-event-type';
import { loadConfig } from '../../src/config/app-config';
import { WebhookEndpointEntity } from '../../src/notifications/webhooks/webhook-endpoint.entity';
import { WebhookSecretBoxService } from '../../src/notifications/webhooks/webhook-secret-box.service';
import { WebhooksService } from '../../src/notifications/webhooks/webhooks.service';
import { errorCode, GraphQLResponse, TestApp } from '../support/test-app';
import { startWebhookReceiver, WebhookReceiver } from '../support/webhook-receiver';
import { useWorld, World } from '../support/world';

interface WebhookFields {
  id: string;
  organizationId: string;
  url: string;
  events: string[];
  active: boolean;
}
interface TestResult {
  ok: boolean;
  statusCode: number | null;
  durationMs: number;
  error: string | null;
}

const WEBHOOK = 'id organizationId url events active';
const CREATE = `mutation($input: CreateWebhookInput!) { createWebhook(input: $input) { secret webhook { ${WEBHOOK} } } }`;
const TEST = 'mutation($id: ID!) { testWebhook(id: $id) { ok statusCode durationMs error } }';

describe('webhooks', () => {
  let t: TestApp;
  let w: World;
  // Secrets are encrypted at rest (startTestApp sets WEBHOOK_SECRETS_KEY): every signature check goes through decryption.
  useWorld((app, world) => ((t = app), (w = world)), { WEBHOOK_ALLOW_HTTP: 'true', WEBHOOK_ALLOW_PRIVATE_NETWORKS: 'true' });

  const receivers: WebhookReceiver[] = [];
  const receiver = async (secret?: string) => {
    const r = await startWebhookReceiver({ secret });
    receivers.push(r);
    return r;
  };
  afterEach(async () => {
    await Promise.all(receivers.splice(0).map((r) => r.stop()));
  });

  const create = (input: Record<string, unknown>, token = w.token('enterprise')) =>
    t.gql<{ createWebhook: { secret: string; webhook: WebhookFields } }>(
      CREATE,
      { input: { events: ['MATCH_INTRODUCED'], ...input } },
      token,
    );
  const createOk = async (input: Record<string, unknown>, token = w.token('enterprise')) => {
    const res = await create(input, token);
    expect(res.errors).toBeUndefined();
    return res.data!.createWebhook;
  };
  const testCall = async (id: string, token = w.token('enterprise')) => {
    const res = await t.gql<{ testWebhook: TestResult }>(TEST, { id }, token);
    expect(res.errors).toBeUndefined();
    return res.data!.testWebhook;
  };
  const list = async (token: string | undefined, organizationId?: string) =>
    t.gql<{ webhooks: WebhookFields[] }>(
      `query($org: ID) { webhooks(organizationId: $org) { ${WEBHOOK} } }`,
      { org: organizationId },
      token,
    );
  const stored = (organizationId: string) => t.dataSource.getRepository(WebhookEndpointEntity).countBy({ organizationId });
  const field = (res: GraphQLResponse) => res.errors?.[0]?.extensions?.field;

  it('creates a webhook whose secret is shown once and never read again', async () => {
    const created = await createOk({
      url: 'https://hooks.blue-river.example.cn/waterbridge',
      events: ['MATCH_INTRODUCED', 'MATCH_ENGAGED'],
    });
    expect(created.secret).toMatch(/^whsec_[A-Za-z0-9_-]{43}$/);
    expect(created.webhook).toEqual({
      id: expect.any(String),
      organizationId: w.orgs.enterpriseOrg.id,
      url: 'https://hooks.blue-river.example.cn/waterbridge',
      events: ['MATCH_INTRODUCED', 'MATCH_ENGAGED'],
      active: true,
    });

    const listed = await list(w.token('enterprise'));
    expect(listed.data?.webhooks).toContainEqual(created.webhook);
    expect(JSON.stringify(listed)).not.toContain(created.secret);
    // The type has no secret field at all.
    expect(errorCode(await t.gql('{ webhooks { id secret } }', {}, w.token('enterprise')))).toBe('GRAPHQL_VALIDATION_FAILED');
    // At rest it is encrypted: the database holds neither the secret nor any long piece of it.
    const [{ secret: stored }] = await t.dataSource.query(`SELECT secret FROM webhook_endpoint WHERE id = $1`, [created.webhook.id]);
    expect(stored).toMatch(/^wbenc1:/);
    expect(stored).not.toContain(created.secret.slice(6, 20));
  });

  it('encrypts secrets stored before WEBHOOK_SECRETS_KEY was set, and still signs with them', async () => {
    const r = await receiver('whsec_stored-in-the-clear-before-the-key-was-set');
    const { webhook } = await createOk({ url: r.url });
    await t.dataSource.query(`UPDATE webhook_endpoint SET secret = $1 WHERE id = $2`, [
      'whsec_stored-in-the-clear-before-the-key-was-set',
      webhook.id,
    ]);
    // This one, and any other stored in the clear (the test world's own).
    expect(await t.app.get(WebhooksService).sealStoredSecrets()).toBeGreaterThanOrEqual(1);
    expect(await t.dataSource.query(`SELECT id FROM webhook_endpoint WHERE secret NOT LIKE 'wbenc1:%'`)).toEqual([]);
    expect(await t.app.get(WebhooksService).sealStoredSecrets()).toBe(0);
    expect(await testCall(webhook.id)).toMatchObject({ ok: true });
    expect((await r.waitFor(1))[0].signatureValid).toBe(true);
    await t.dataSource.getRepository(WebhookEndpointEntity).delete({ id: webhook.id });
  });

  it('reports a secret it cannot decrypt (the key was changed) as the failed call, sending nothing', async () => {
    const r = await receiver();
    const { webhook } = await createOk({ url: r.url });
    const other = new WebhookSecretBoxService(loadConfig({ WEBHOOK_SECRETS_KEY: 'some-other-key-that-is-32-chars-long!!' }));
    await t.dataSource.query(`UPDATE webhook_endpoint SET secret = $1 WHERE id = $2`, [
      other.seal('whsec_sealed-with-another-key'),
      webhook.id,
    ]);
    expect(await testCall(webhook.id)).toMatchObject({
      ok: false,
      statusCode: null,
      error: expect.stringMatching(/^the signing secret cannot be decrypted with WEBHOOK_SECRETS_KEY/),
    });
    expect(r.received).toHaveLength(0);
    await t.dataSource.getRepository(WebhookEndpointEntity).delete({ id: webhook.id });
  });

  it('testWebhook calls the receiver now, signed, with the documented headers and body', async () => {
    const { secret, webhook } = await createOk({ url: 'http://127.0.0.1:9/placeholder' });
    const r = await receiver(secret);
    await t.gql(
      'mutation($id: ID!, $url: String!) { updateWebhook(input: { id: $id, url: $url }) { id } }',
      { id: webhook.id, url: r.url },
      w.token('enterprise'),
    );

    const result = await testCall(webhook.id);
    expect(result).toEqual({ ok: true, statusCode: 200, durationMs: expect.any(Number), error: null });
    const [call] = await r.waitFor(1);
    expect(call.signatureValid).toBe(true);
    expect(call.headers).toMatchObject({
      'content-type': 'application/json',
      'user-agent': 'WaterBridge-Webhooks/1',
      'waterbridge-event': 'WEBHOOK_TEST',
      'waterbridge-delivery': expect.stringMatching(new RegExp(`^test:${webhook.id}:[0-9a-f]+$`)),
    });
    expect(Math.abs(Number(call.headers['waterbridge-timestamp']) - Date.now() / 1000)).toBeLessThan(10);
    expect(call.json).toEqual({
      id: call.headers['waterbridge-delivery'],
      event: 'WEBHOOK_TEST',
      createdAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
      data: expect.objectContaining({ webhookId: webhook.id, organizationId: w.orgs.enterpriseOrg.id }),
    });

    // A second ping is a new delivery key: receivers dedupe on it.
    await testCall(webhook.id);
    const [, second] = await r.waitFor(2);
    expect(second.headers['waterbridge-delivery']).not.toBe(call.headers['waterbridge-delivery']);

    // A ping is not a delivery: the log stays empty.
    const log = await t.gql<{ webhookDeliveries: { totalCount: number } }>(
      'query($id: ID!) { webhookDeliveries(webhookId: $id) { totalCount } }',
      { id: webhook.id },
      w.token('enterprise'),
    );
    expect(log.data?.webhookDeliveries.totalCount).toBe(0);
  });

  it('reports a failing receiver: its status, or a short error when nothing answers', async () => {
    const r = await receiver();
    r.respondWith([500]);
    const { webhook } = await createOk({ url: r.url });
    expect(await testCall(webhook.id)).toEqual({ ok: false, statusCode: 500, durationMs: expect.any(Number), error: 'HTTP 500' });
    expect(r.received).toHaveLength(1);

    await r.stop();
    expect(await testCall(webhook.id)).toMatchObject({ ok: false, statusCode: null, error: 'connection refused' });
  });

  it('rotateWebhookSecret signs with the new secret at once', async () => {
    const r = await receiver();
    const { secret: oldSecret, webhook } = await createOk({ url: r.url });
    r.setSecret(oldSecret);
    await testCall(webhook.id);
    expect((await r.waitFor(1))[0].signatureValid).toBe(true);

    const rotated = await t.gql<{ rotateWebhookSecret: { secret: string; webhook: WebhookFields } }>(
      `mutation($id: ID!) { rotateWebhookSecret(id: $id) { secret webhook { ${WEBHOOK} } } }`,
      { id: webhook.id },
      w.token('enterprise'),
    );
    const newSecret = rotated.data!.rotateWebhookSecret.secret;
    expect(newSecret).toMatch(/^whsec_/);
    expect(newSecret).not.toBe(oldSecret);
    expect(rotated.data!.rotateWebhookSecret.webhook).toEqual(webhook);

    await testCall(webhook.id);
    expect((await r.waitFor(2))[1].signatureValid).toBe(false);
    r.setSecret(newSecret);
    await testCall(webhook.id);
    expect((await r.waitFor(3))[2].signatureValid).toBe(true);
  });

  it('refuses bad URLs and event lists as BAD_USER_INPUT naming the field, writing nothing', async () => {
    const before = await stored(w.orgs.enterpriseOrg.id);
    for (const url of [
      'ftp://files.example.org/in',
      'https://user:pass@hooks.example.org/in',
      'hooks.example.org/in',
      `https://hooks.example.org/${'a'.repeat(2000)}`,
    ]) {
      const res = await create({ url });
      expect({ url, code: errorCode(res), field: field(res) }).toEqual({ url, code: 'BAD_USER_INPUT', field: 'url' });
    }
    for (const events of [[], ['MATCH_INTRODUCED', 'MATCH_INTRODUCED']]) {
      const res = await create({ url: 'https://hooks.example.org/in', events });
      expect({ events, code: errorCode(res), field: field(res) }).toEqual({ events, code: 'BAD_USER_INPUT', field: 'events' });
    }
    expect(await stored(w.orgs.enterpriseOrg.id)).toBe(before);

    const { webhook } = await createOk({ url: 'https://hooks.example.org/in' });
    const update = await t.gql(
      'mutation($id: ID!) { updateWebhook(input: { id: $id, url: "https://a:b@hooks.example.org/in" }) { id } }',
      { id: webhook.id },
      w.token('enterprise'),
    );
    expect([errorCode(update), field(update)]).toEqual(['BAD_USER_INPUT', 'url']);
    expect((await list(w.token('enterprise'))).data?.webhooks.find((h) => h.id === webhook.id)?.url).toBe('https://hooks.example.org/in');
  });

  it('changes the URL, events and activity of a webhook', async () => {
    const { webhook } = await createOk({ url: 'https://hooks.example.org/one' });
    const res = await t.gql<{ updateWebhook: WebhookFields }>(
      `mutation($id: ID!) { updateWebhook(input: { id: $id, url: "https://hooks.example.org/two", events: [OPPORTUNITY_ALERT, MATCH_REMINDER], active: false }) { ${WEBHOOK} } }`,
      { id: webhook.id },
      w.token('enterprise'),
    );
    const expected = { ...webhook, url: 'https://hooks.example.org/two', events: ['OPPORTUNITY_ALERT', 'MATCH_REMINDER'], active: false };
    expect(res.data?.updateWebhook).toEqual(expected);
    expect((await list(w.token('enterprise'))).data?.webhooks).toContainEqual(expected);
  });

  it("hides an organisation's webhooks from other organisations' members", async () => {
    const r = await receiver();
    const { webhook } = await createOk({ url: r.url });
    const other = w.token('otherEnterprise');
    const attempts = {
      update: await t.gql('mutation($id: ID!) { updateWebhook(input: { id: $id, active: false }) { id } }', { id: webhook.id }, other),
      delete: await t.gql('mutation($id: ID!) { deleteWebhook(id: $id) }', { id: webhook.id }, other),
      test: await t.gql(TEST, { id: webhook.id }, other),
      rotate: await t.gql('mutation($id: ID!) { rotateWebhookSecret(id: $id) { secret } }', { id: webhook.id }, other),
      deliveries: await t.gql('query($id: ID!) { webhookDeliveries(webhookId: $id) { totalCount } }', { id: webhook.id }, other),
      list: await list(other, w.orgs.enterpriseOrg.id),
      createForThem: await create({ url: r.url, organizationId: w.orgs.enterpriseOrg.id }, other),
    };
    expect(Object.fromEntries(Object.entries(attempts).map(([k, res]) => [k, errorCode(res)]))).toEqual({
      update: 'NOT_FOUND',
      delete: 'NOT_FOUND',
      test: 'NOT_FOUND',
      rotate: 'NOT_FOUND',
      deliveries: 'NOT_FOUND',
      list: 'NOT_FOUND',
      createForThem: 'NOT_FOUND',
    });
    expect(r.received).toHaveLength(0);
    expect((await list(w.token('enterprise'))).data?.webhooks).toContainEqual(webhook);
    expect((await list(other)).data?.webhooks.map((h) => h.id)).not.toContain(webhook.id);
  });

  it('lets coordinators read any organisation’s webhooks but not change them; admins manage any', async () => {
    const { webhook } = await createOk({ url: 'https://hooks.example.org/read-me' });
    const coordinator = w.token('coordinator');
    expect((await list(coordinator, w.orgs.enterpriseOrg.id)).data?.webhooks).toContainEqual(webhook);
    expect(errorCode(await list(coordinator))).toBe('BAD_USER_INPUT');
    expect(errorCode(await create({ url: 'https://hooks.example.org/x', organizationId: w.orgs.enterpriseOrg.id }, coordinator))).toBe(
      'FORBIDDEN',
    );
    expect(errorCode(await t.gql('mutation($id: ID!) { deleteWebhook(id: $id) }', { id: webhook.id }, coordinator))).toBe('FORBIDDEN');
    expect(errorCode(await t.gql(TEST, { id: webhook.id }, coordinator))).toBe('FORBIDDEN');
    expect(errorCode(await t.gql('{ webhooks { id } }'))).toBe('UNAUTHENTICATED');

    const admin = w.token('admin');
    const missingOrg = await create({ url: 'https://hooks.example.org/agency' }, admin);
    expect([errorCode(missingOrg), field(missingOrg)]).toEqual(['BAD_USER_INPUT', 'organizationId']);
    expect(errorCode(await create({ url: 'https://hooks.example.org/agency', organizationId: randomUUID() }, admin))).toBe('NOT_FOUND');
    const forAgency = await createOk({ url: 'https://hooks.example.org/agency', organizationId: w.orgs.agencyOrg.id }, admin);
    expect(forAgency.webhook.organizationId).toBe(w.orgs.agencyOrg.id);
    expect((await list(w.token('agency'))).data?.webhooks).toEqual([forAgency.webhook]);
  });

  it('allows at most 10 webhooks per organisation', async () => {
    const token = w.token('otherAgency');
    for (let i = 0; i < 10; i++) await createOk({ url: `https://hooks.example.org/${i}` }, token);
    const eleventh = await create({ url: 'https://hooks.example.org/10' }, token);
    expect(errorCode(eleventh)).toBe('BAD_USER_INPUT');
    expect(eleventh.errors?.[0].message).toMatch(/at most 10 webhooks/);
    expect(await stored(w.orgs.otherAgencyOrg.id)).toBe(10);
  });

  describe('delivery log', () => {
    /** Writes deliveries as the notification jobs would, `minutesAgo` apart, each with its attempts. */
    async function deliveriesOf(
      webhookId: string,
      url: string,
      rows: Array<{ minutesAgo: number; status: DeliveryStatus; attempts: Array<{ statusCode: number | null; error: string | null }> }>,
    ) {
      const deliveries = t.dataSource.getRepository(NotificationDeliveryEntity);
      const attempts = t.dataSource.getRepository(DeliveryAttemptEntity);
      const saved: NotificationDeliveryEntity[] = [];
      for (const row of rows) {
        const createdAt = new Date(Date.now() - row.minutesAgo * 60_000);
        const last = row.attempts.at(-1);
        const delivery = await deliveries.save(
          deliveries.create({
            idempotencyKey: `${randomUUID()}:${webhookId}`,
            channel: NotificationChannel.WEBHOOK,
            eventId: randomUUID(),
            webhookId,
            address: url,
            status: row.status,
            attempts: row.attempts.length,
            lastError: row.status === DeliveryStatus.DELIVERED ? null : (last?.error ?? null),
            deliveredAt: row.status === DeliveryStatus.DELIVERED ? createdAt : null,
            createdAt,
          }),
        );
        await attempts.save(
          row.attempts.map((a, i) =>
            attempts.create({
              deliveryId: delivery.id,
              attempt: i + 1,
              succeeded: a.statusCode !== null && a.statusCode < 300,
              statusCode: a.statusCode,
              error: a.error,
              durationMs: 40 + i,
            }),
          ),
        );
        saved.push(delivery);
      }
      return saved;
    }

    const LOG = `query($id: ID!, $first: Int, $after: String) { webhookDeliveries(webhookId: $id, first: $first, after: $after) {
      totalCount pageInfo { hasNextPage endCursor }
      edges { node { id idempotencyKey channel webhookId address status attempts lastError attemptLog { attempt succeeded statusCode error durationMs } } } } }`;
    interface LogPage {
      webhookDeliveries: {
        totalCount: number;
        pageInfo: { hasNextPage: boolean; endCursor: string };
        edges: Array<{
          node: {
            id: string;
            status: string;
            attempts: number;
            lastError: string | null;
            attemptLog: Array<{ attempt: number; succeeded: boolean; statusCode: number | null; error: string | null }>;
          };
        }>;
      };
    }

    it('lists the calls of a webhook, newest first, each with its attempts; they outlive the webhook', async () => {
      // The earlier tests left the enterprise near its limit of 10; the world's own webhook makes room.
      await t.dataSource.query('DELETE FROM webhook_endpoint WHERE id = $1', [w.webhook.id]);
      const { webhook } = await createOk({ url: 'https://hooks.example.org/log' });
      const { webhook: otherWebhook } = await createOk({ url: 'https://hooks.example.org/elsewhere' });
      const [retried, dead, delivered] = await deliveriesOf(webhook.id, webhook.url, [
        {
          minutesAgo: 30,
          status: DeliveryStatus.DELIVERED,
          attempts: [
            { statusCode: 503, error: 'HTTP 503' },
            { statusCode: 200, error: null },
          ],
        },
        {
          minutesAgo: 20,
          status: DeliveryStatus.DEAD,
          attempts: [
            { statusCode: null, error: 'connection refused' },
            { statusCode: 500, error: 'HTTP 500' },
          ],
        },
        { minutesAgo: 10, status: DeliveryStatus.DELIVERED, attempts: [{ statusCode: 204, error: null }] },
      ]);
      await deliveriesOf(otherWebhook.id, otherWebhook.url, [{ minutesAgo: 5, status: DeliveryStatus.PENDING, attempts: [] }]);

      const first = await t.gql<LogPage>(LOG, { id: webhook.id, first: 2 }, w.token('enterprise'));
      expect(first.errors).toBeUndefined();
      const page1 = first.data!.webhookDeliveries;
      expect(page1.totalCount).toBe(3);
      expect(page1.pageInfo.hasNextPage).toBe(true);
      expect(page1.edges.map((e) => e.node)).toEqual([
        expect.objectContaining({
          id: delivered.id,
          status: 'DELIVERED',
          attempts: 1,
          lastError: null,
          attemptLog: [{ attempt: 1, succeeded: true, statusCode: 204, error: null, durationMs: 40 }],
        }),
        expect.objectContaining({
          id: dead.id,
          status: 'DEAD',
          attempts: 2,
          lastError: 'HTTP 500',
          attemptLog: [
            { attempt: 1, succeeded: false, statusCode: null, error: 'connection refused', durationMs: 40 },
            { attempt: 2, succeeded: false, statusCode: 500, error: 'HTTP 500', durationMs: 41 },
          ],
        }),
      ]);

      const second = await t.gql<LogPage>(LOG, { id: webhook.id, first: 2, after: page1.pageInfo.endCursor }, w.token('enterprise'));
      expect(second.data!.webhookDeliveries.edges.map((e) => [e.node.id, e.node.attemptLog.map((a) => a.statusCode)])).toEqual([
        [retried.id, [503, 200]],
      ]);
      expect(second.data!.webhookDeliveries.pageInfo.hasNextPage).toBe(false);

      // Coordinators read the log too; after the webhook is deleted its log stays for them.
      expect((await t.gql<LogPage>(LOG, { id: webhook.id }, w.token('coordinator'))).data?.webhookDeliveries.totalCount).toBe(3);
      expect((await t.gql('mutation($id: ID!) { deleteWebhook(id: $id) }', { id: webhook.id }, w.token('enterprise'))).data).toEqual({
        deleteWebhook: true,
      });
      expect((await list(w.token('enterprise'))).data?.webhooks.map((h) => h.id)).not.toContain(webhook.id);
      expect(errorCode(await t.gql(LOG, { id: webhook.id }, w.token('enterprise')))).toBe('NOT_FOUND');
      expect((await t.gql<LogPage>(LOG, { id: webhook.id }, w.token('coordinator'))).data?.webhookDeliveries.totalCount).toBe(3);
    });
  });
});
