import { randomBytes, randomUUID } from 'node:crypto';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { hashPassword } from '../../src/users/password-hasher';
import { appDataSourceOptions } from '../../src/entities';
import { Role } from '../../src/access/actor';
import { exited, launch, READY, waitFor } from '../support/app-process';
import { buildOnce } from '../support/build';
import { Factory } from '../support/factory';
import { freePort } from '../support/free-port';
import { createTestDatabase } from '../support/test-database';
import { startTestApp } from '../support/test-app';
import { buildWorld } from '../support/world';
import { NotificationDeliveryJob } from '../../src/notifications/notification-delivery.job';
import { NotificationEventType } from '../../src/notifications/notification-event-type';
import { NotificationFanoutJob } from '../../src/notifications/notification-fanout.job';
import { NotificationOutboxService } from '../../src/notifications/notification-outbox.service';

const JWT_SECRET = `log-scan-${randomBytes(24).toString('base64url')}`;
const ADMIN_PASSWORD = `admin pass ${randomBytes(6).toString('hex')}`;
const MEMBER_PASSWORD = `member pass ${randomBytes(6).toString('hex')}`;
const NEW_PASSWORD = `renewed pass ${randomBytes(6).toString('hex')}`;
const WRONG_PASSWORD = `wrong pass ${randomBytes(6).toString('hex')}`;
const WEBHOOK_SECRETS_KEY = `log-scan-key-${randomBytes(24).toString('base64url')}`;
const METRICS_TOKEN = `log-scan-metrics-${randomBytes(12).toString('base64url')}`;

interface Answer<T = Record<string, unknown>> {
  status: number;
  body: { data?: T | null; errors?: Array<{ message: string; extensions?: Record<string, unknown> }> };
}

/** The tokens a sign-in or a refresh answers with. */
interface Session {
  token: string;
  refreshToken: string;
}

/**
 * Runs the compiled application as in production (external servers, no seed) at `logLevel`, plays a scenario with
 * sign-ins (right and wrong), a password change, refresh tokens, refusals, a NOT_FOUND, an internal error and a body over
 * the limit, and returns everything it printed with every secret the scenario used or was given.
 */
async function playScenario(logLevel: 'log' | 'debug'): Promise<{ output: string; secrets: string[]; correlationId: string }> {
  const database = await createTestDatabase();
  const seed = await new DataSource(appDataSourceOptions(database.url)).initialize();
  const factory = new Factory(seed);
  const admin = await factory.user(Role.ADMIN, { passwordHash: await hashPassword(ADMIN_PASSWORD) });
  const member = await factory.user(Role.AGENCY_MEMBER, { passwordHash: await hashPassword(MEMBER_PASSWORD) });
  await seed.destroy();

  const port = await freePort();
  const app = launch({
    DATABASE_URL: database.url,
    MEILI_URL: process.env.WB_TEST_MEILI_URL ?? '',
    MEILI_MASTER_KEY: process.env.WB_TEST_MEILI_MASTER_KEY ?? '',
    MEILI_INDEX_PREFIX: `t_${randomBytes(5).toString('hex')}_`,
    JWT_SECRET,
    WEBHOOK_SECRETS_KEY,
    METRICS_TOKEN,
    MIGRATIONS_RUN: 'false',
    SEED_DEMO_DATA: 'false',
    WORKERS_ENABLED: 'false',
    LOG_LEVEL: logLevel,
    PORT: String(port),
  });
  const secrets = [JWT_SECRET, WEBHOOK_SECRETS_KEY, METRICS_TOKEN, ADMIN_PASSWORD, MEMBER_PASSWORD, NEW_PASSWORD, WRONG_PASSWORD];
  const keep = (...values: Array<string | undefined>) => values.forEach((v) => v && secrets.push(v, v.split('.').at(-1) ?? v));
  try {
    await waitFor(app, READY);
    const call = async <T = Record<string, unknown>>(
      query: string,
      variables: Record<string, unknown> = {},
      token?: string,
    ): Promise<Answer<T>> => {
      const res = await fetch(`http://127.0.0.1:${port}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
        body: JSON.stringify({ query, variables }),
      });
      return { status: res.status, body: (await res.json()) as Answer<T>['body'] };
    };
    const login = (email: string, password: string) =>
      call<{ login: Session }>('mutation($e: String!, $p: String!) { login(email: $e, password: $p) { token refreshToken } }', {
        e: email,
        p: password,
      });

    // Sign-ins: right (the password inline in the document, too), wrong, and until the account is locked.
    const adminSession = (
      await call<{ login: Session }>(`mutation { login(email: "${admin.email}", password: "${ADMIN_PASSWORD}") { token refreshToken } }`)
    ).body.data!.login;
    keep(adminSession.token, adminSession.refreshToken);
    expect((await login(admin.email, WRONG_PASSWORD)).body.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    const memberSession = (await login(member.email, MEMBER_PASSWORD)).body.data!.login;
    keep(memberSession.token, memberSession.refreshToken);
    for (let i = 0; i < 5; i++) await login('locked.out@example.org', WRONG_PASSWORD);
    expect((await login('locked.out@example.org', WRONG_PASSWORD)).body.errors?.[0].extensions?.code).toBe('TOO_MANY_REQUESTS');

    // A password change (one refused by the rules first), then the new password.
    const change = 'mutation($c: String!, $n: String!) { changePassword(currentPassword: $c, newPassword: $n) }';
    expect((await call(change, { c: MEMBER_PASSWORD, n: 'password123456' }, memberSession.token)).body.errors?.[0].extensions?.code).toBe(
      'BAD_USER_INPUT',
    );
    expect((await call(change, { c: WRONG_PASSWORD, n: NEW_PASSWORD }, memberSession.token)).body.errors?.[0].extensions?.code).toBe(
      'BAD_USER_INPUT',
    );
    expect((await call(change, { c: MEMBER_PASSWORD, n: NEW_PASSWORD }, memberSession.token)).body.data).toEqual({ changePassword: true });
    const renewed = (await login(member.email, NEW_PASSWORD)).body.data!.login;
    keep(renewed.token, renewed.refreshToken);

    // Refresh tokens: a rotation, then the replay of the used one.
    const rotated = (
      await call<{ refreshToken: Session }>('mutation($r: String!) { refreshToken(refreshToken: $r) { token refreshToken } }', {
        r: adminSession.refreshToken,
      })
    ).body.data!.refreshToken;
    keep(rotated.token, rotated.refreshToken);
    expect(
      (await call('mutation($r: String!) { refreshToken(refreshToken: $r) { token } }', { r: adminSession.refreshToken })).body.errors?.[0]
        .extensions?.code,
    ).toBe('UNAUTHENTICATED');
    // The replay ended the admin's session, bearer token included: sign in again.
    const adminAgain = (await login(admin.email, ADMIN_PASSWORD)).body.data!.login;
    keep(adminAgain.token, adminAgain.refreshToken);
    // A sign-out, then one with the spent token.
    expect((await call('mutation($r: String!) { logout(refreshToken: $r) }', { r: renewed.refreshToken })).body.data).toEqual({
      logout: true,
    });
    expect(
      (await call('mutation($r: String!) { logout(refreshToken: $r) }', { r: renewed.refreshToken })).body.errors?.[0].extensions?.code,
    ).toBe('UNAUTHENTICATED');

    // Refusals: validation errors (one carrying a password), a forged token, NOT_FOUND, the query limits.
    const createUser = 'mutation($input: CreateUserInput!) { createUser(input: $input) { id } }';
    const input = {
      email: 'new.member@example.org',
      displayName: 'New',
      password: WRONG_PASSWORD,
      organizationId: member.organizationId,
      role: 'AGENCY_MEMBER',
    };
    expect(
      (await call(createUser, { input: { ...input, email: 'not an e-mail' } }, adminAgain.token)).body.errors?.[0].extensions?.code,
    ).toBe('BAD_USER_INPUT');
    expect((await call(`mutation { login(email: "${member.email}", password: "${NEW_PASSWORD}") { nope } }`)).status).toBe(400);
    expect((await call('{ me { id } }', {}, `${renewed.token.slice(0, -4)}AAAA`)).body.errors?.[0].extensions?.code).toBe(
      'UNAUTHENTICATED',
    );
    expect(
      (await call('query($id: ID!) { user(id: $id) { id } }', { id: randomUUID() }, adminAgain.token)).body.errors?.[0].extensions?.code,
    ).toBe('NOT_FOUND');
    // 20 pages of 100 cost 20 × 311: past the cost limit, within the root-field limit.
    const aliases = Array.from({ length: 20 }, (_, i) => `n${i}: needs(first: 100) { edges { node { id } } }`).join(' ');
    expect((await call(`{ ${aliases} }`)).body.errors?.[0].extensions?.code).toBe('QUERY_TOO_COMPLEX');

    // An internal error: a table gone from under the application.
    const client = new Client({ connectionString: database.url });
    await client.connect();
    await client.query('DROP TABLE capability');
    await client.end();
    const broken = await call('{ capabilities(first: 1) { totalCount } }', {}, adminAgain.token);
    expect(broken.body.errors?.[0].extensions?.code).toBe('INTERNAL_SERVER_ERROR');
    const correlationId = broken.body.errors?.[0].extensions?.correlationId as string;

    // Bodies GraphQL never sees: too large, and not JSON.
    const large = await fetch(`http://127.0.0.1:${port}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        query: `mutation { login(email: "${admin.email}", password: "${ADMIN_PASSWORD}") { token } }`,
        variables: { pad: 'x'.repeat(1_200_000) },
      }),
    });
    expect(large.status).toBe(413);
    const notJson = await fetch(`http://127.0.0.1:${port}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: `{"query": "${ADMIN_PASSWORD}`,
    });
    expect(notJson.status).toBe(400);

    app.child.kill('SIGTERM');
    expect(await exited(app.child)).toBe(0);
    return { output: app.output(), secrets, correlationId };
  } finally {
    if (app.child.exitCode === null && app.child.signalCode === null) {
      app.child.kill('SIGKILL');
      await exited(app.child);
    }
    await database.drop();
  }
}

/** The secrets that appear in `output` (none, hopefully), named by position rather than printed. */
const leaked = (output: string, secrets: string[]) =>
  secrets.map((secret, i) => (output.includes(secret) ? `secret #${i}` : null)).filter(Boolean);

describe('the log of webhook deliveries', () => {
  it('names a webhook whose delivery died by its id and host, never by its URL (which may carry a token)', async () => {
    const lines: string[] = [];
    const t = await startTestApp(
      { LOG_LEVEL: 'debug', WEBHOOK_ALLOW_HTTP: 'true', WEBHOOK_ALLOW_PRIVATE_NETWORKS: 'true', NOTIFICATION_MAX_ATTEMPTS: '1' },
      { logDestination: { write: (line: string) => void lines.push(line) } },
    );
    try {
      const w = await buildWorld(t);
      // Nothing listens on this port: the one attempt fails, and the delivery is dead.
      const url = `http://127.0.0.1:${await freePort()}/hooks/PathToken${randomBytes(8).toString('hex')}?token=QueryToken${randomBytes(8).toString('hex')}`;
      const webhook = await t.factory.webhook(w.orgs.enterpriseOrg.id, { url });
      await t.dataSource.transaction((manager) =>
        t.app.get(NotificationOutboxService).emit(manager, NotificationEventType.MATCH_INTRODUCED, {
          audience: { organizationIds: [w.orgs.enterpriseOrg.id], userIds: [], coordinators: false },
          matchId: w.match.id,
          needId: w.openNeed.id,
          needTitle: w.openNeed.title,
          countryCode: 'LK',
          agency: { organizationId: w.orgs.agencyOrg.id, nameEn: w.orgs.agencyOrg.nameEn, nameZh: null },
          enterprise: { organizationId: w.orgs.enterpriseOrg.id, nameEn: w.orgs.enterpriseOrg.nameEn, nameZh: null },
          score: 0.5,
        }),
      );
      await t.app.get(NotificationFanoutJob).drain();
      const [delivery] = await t.dataSource.query(`SELECT id FROM notification_delivery WHERE webhook_id = $1`, [webhook.id]);
      expect(await t.app.get(NotificationDeliveryJob).deliver(delivery.id)).toBe(false);
      expect(await t.dataSource.query(`SELECT status FROM notification_delivery WHERE id = $1`, [delivery.id])).toEqual([
        { status: 'DEAD' },
      ]);

      const output = lines.join('');
      expect(output).toContain(
        `Delivery ${delivery.id} (WEBHOOK to webhook ${webhook.id} at ${new URL(url).host}) is dead after 1 attempts`,
      );
      expect(output).not.toContain('PathToken');
      expect(output).not.toContain('QueryToken');
    } finally {
      await t.close();
    }
  });
});

describe('the log of the running application', () => {
  beforeAll(() => buildOnce(), 120_000);

  it('at the default level holds no password, JWT secret, token, SQL or stack trace, yet names the internal error', async () => {
    const { output, secrets, correlationId } = await playScenario('log');
    expect(output).toContain(correlationId);
    expect(leaked(output, secrets)).toEqual([]);
    for (const sql of ['SELECT ', 'INSERT ', 'UPDATE ', 'DELETE FROM']) expect(output).not.toContain(sql);
    expect(output).not.toContain('    at ');
  }, 120_000);

  it('at debug level still holds no password, JWT secret or token', async () => {
    const { output, secrets, correlationId } = await playScenario('debug');
    expect(output).toContain(correlationId);
    expect(leaked(output, secrets)).toEqual([]);
  }, 120_000);
});
