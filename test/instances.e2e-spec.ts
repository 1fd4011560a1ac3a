import { randomBytes } from 'node:crypto';
import { createClient } from 'graphql-ws';
import WebSocket from 'ws';
import { DataSource } from 'typeorm';
import { appDataSourceOptions } from '../src/entities';
import { MatchEntity } from '../src/matches/match.entity';
import { NotificationEventType } from '../src/notifications/notification-event-type';
import { OrganizationKind } from '../src/organizations/organization.entity';
import { Role } from '../src/access/actor';
import { exited, launch, READY, Started, waitFor } from './support/app-process';
import { buildOnce } from './support/build';
import { Factory, TEST_PASSWORD } from './support/factory';
import { freePort } from './support/free-port';
import { createEmptyDatabase } from './support/test-database';
import { waitUntil } from './support/wait';
import { startWebhookReceiver, WebhookReceiver } from './support/webhook-receiver';

const WEBHOOK_SECRET = 'whsec_two-instances-secret';

interface Instance extends Started {
  port: number;
}

/**
 * Several real instances of the compiled application on one PostgreSQL and one Meilisearch, as behind a load
 * balancer: migrations run once when they start together, a subscription on one instance hears of a change made
 * through another, each job runs once whichever worker takes it, and APP_ROLE splits the API from the workers.
 */
describe('several instances', () => {
  let database: { url: string; drop: () => Promise<void> };
  let dataSource: DataSource;
  let hooks: WebhookReceiver;
  let env: Record<string, string>;
  const running: Instance[] = [];

  const start = async (role: 'all' | 'api' | 'worker', wait = true): Promise<Instance> => {
    const port = await freePort();
    const instance = { ...launch({ ...env, APP_ROLE: role, PORT: String(port) }), port };
    running.push(instance);
    if (wait) await waitFor(instance, role === 'worker' ? 'WaterBridge worker running' : READY);
    return instance;
  };
  const stop = async (instance: Instance) => {
    instance.child.kill('SIGTERM');
    await exited(instance.child);
  };
  const gql = async <T>(instance: Instance, query: string, variables: Record<string, unknown> = {}, token?: string) => {
    const res = await fetch(`http://127.0.0.1:${instance.port}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify({ query, variables }),
    });
    const body = (await res.json()) as { data?: T; errors?: unknown[] };
    if (body.errors) throw new Error(JSON.stringify(body.errors));
    return body.data as T;
  };
  const login = async (instance: Instance, email: string) =>
    (
      await gql<{ login: { token: string } }>(instance, 'mutation($e: String!, $p: String!) { login(email: $e, password: $p) { token } }', {
        e: email,
        p: TEST_PASSWORD,
      })
    ).login.token;

  let people: { coordinator: string; agency: string; enterprise: string };
  let enterpriseId: string;
  let agencyId: string;
  const f = () => new Factory(dataSource);
  /** New suggested matches of one need with the world's enterprise, ready to approve. */
  const suggestions = async (count: number): Promise<MatchEntity[]> => {
    const made: MatchEntity[] = [];
    for (let i = 0; i < count; i++) {
      const need = await f().need(agencyId, { title: `Water supply scheme ${i} ${randomBytes(3).toString('hex')}` });
      made.push(await f().match(need.id, enterpriseId));
    }
    return made;
  };
  const approveAll = (instance: Instance, token: string, matches: MatchEntity[]) =>
    gql(
      instance,
      'mutation($input: [MatchVersionInput!]!) { approveMatches(input: $input) { id } }',
      { input: matches.map((m) => ({ id: m.id, version: m.version })) },
      token,
    );
  const callsFor = (matches: MatchEntity[]) =>
    hooks.received.filter((r) => matches.some((m) => (r.json as { data?: { matchId?: string } }).data?.matchId === m.id));

  beforeAll(async () => {
    buildOnce();
    // An empty database: the instances migrate it themselves.
    database = await createEmptyDatabase();
    hooks = await startWebhookReceiver({ secret: WEBHOOK_SECRET });
    env = {
      DATABASE_URL: database.url,
      MEILI_URL: process.env.WB_TEST_MEILI_URL ?? '',
      MEILI_MASTER_KEY: process.env.WB_TEST_MEILI_MASTER_KEY ?? '',
      MEILI_INDEX_PREFIX: `t_${randomBytes(5).toString('hex')}_`,
      JWT_SECRET: 'instances-test-secret-0123456789-abcdefghij',
      WEBHOOK_SECRETS_KEY: 'instances-webhook-secrets-key-0123456789ab',
      METRICS_PUBLIC: 'true',
      MIGRATIONS_RUN: 'true',
      SEED_DEMO_DATA: 'false',
      WEBHOOK_ALLOW_HTTP: 'true',
      WEBHOOK_ALLOW_PRIVATE_NETWORKS: 'true',
      LOG_LEVEL: 'log',
    };
  });
  afterAll(async () => {
    for (const instance of running)
      if (instance.child.exitCode === null && instance.child.signalCode === null) instance.child.kill('SIGKILL');
    await Promise.all(running.map((i) => exited(i.child)));
    await dataSource?.destroy();
    await hooks?.stop();
    await database?.drop();
  });

  let a: Instance;
  let b: Instance;

  it('migrates once when two instances start together on an empty database', async () => {
    [a, b] = await Promise.all([start('all', false), start('all', false)]);
    await Promise.all([waitFor(a, READY), waitFor(b, READY)]);
    const applied = [...(a.output() + b.output()).matchAll(/Applied migration (\w+)/g)].map((m) => m[1]);
    dataSource = await new DataSource(appDataSourceOptions(database.url)).initialize();
    const rows: Array<{ name: string }> = await dataSource.query('SELECT name FROM migration ORDER BY id');
    expect(rows.length).toBe(dataSource.migrations.length);
    // Each migration was applied by exactly one of them.
    expect(applied.sort()).toEqual(rows.map((r) => r.name).sort());

    const secretariat = await f().organization({ kind: OrganizationKind.SECRETARIAT, nameEn: 'Secretariat' });
    const agency = await f().organization({ kind: OrganizationKind.AGENCY, nameEn: 'Lanka Water Board', countryCode: 'LK' });
    const enterprise = await f().organization({ kind: OrganizationKind.ENTERPRISE, nameEn: 'Blue River Water Engineering' });
    agencyId = agency.id;
    enterpriseId = enterprise.id;
    people = {
      coordinator: (await f().user(Role.COORDINATOR, { organizationId: secretariat.id })).email,
      agency: (await f().user(Role.AGENCY_MEMBER, { organizationId: agency.id })).email,
      enterprise: (await f().user(Role.ENTERPRISE_MEMBER, { organizationId: enterprise.id })).email,
    };
    await f().webhook(enterprise.id, { url: hooks.url, secret: WEBHOOK_SECRET, events: [NotificationEventType.MATCH_INTRODUCED] });
  });

  it('pushes to a subscription on one instance what a mutation on another caused', async () => {
    // The subscriber's instance runs no workers: the notification is written by another process and reaches it
    // through PostgreSQL LISTEN/NOTIFY only.
    const listener = await start('api');
    const enterpriseToken = await login(listener, people.enterprise);
    const coordinatorToken = await login(b, people.coordinator);
    const client = createClient({
      url: `ws://127.0.0.1:${listener.port}/graphql`,
      webSocketImpl: WebSocket,
      connectionParams: { authorization: `Bearer ${enterpriseToken}` },
      retryAttempts: 0,
    });
    const received: Array<{ type: string; matchId: string }> = [];
    client.subscribe<{ notificationAdded: { type: string; matchId: string } }>(
      { query: 'subscription { notificationAdded { type matchId } }' },
      { next: (m) => m.data && received.push(m.data.notificationAdded), error: () => undefined, complete: () => undefined },
    );
    await new Promise((r) => setTimeout(r, 500));
    const [match] = await suggestions(1);
    await approveAll(b, coordinatorToken, [match]);
    await waitUntil(() => received.length > 0, 'the notification pushed by the listening instance');
    expect(received).toEqual([{ type: 'MATCH_INTRODUCED', matchId: match.id }]);
    await client.dispose();
    await stop(listener);
  });

  it('runs each job once, whichever of the two workers takes it', async () => {
    const coordinatorToken = await login(a, people.coordinator);
    const matches = await suggestions(30);
    await approveAll(a, coordinatorToken, matches);
    await waitUntil(() => callsFor(matches).length >= 30, '30 webhook calls');
    await new Promise((r) => setTimeout(r, 2000));
    const calls = callsFor(matches);
    expect(calls).toHaveLength(30);
    expect(new Set(calls.map((c) => c.headers['waterbridge-delivery'])).size).toBe(30);
    expect(calls.every((c) => c.signatureValid)).toBe(true);
  });

  it('splits the API from the workers with APP_ROLE', async () => {
    await Promise.all([stop(a), stop(b)]);
    const api = await start('api');
    let worker = await start('worker');
    // The worker serves no GraphQL.
    const refused = await fetch(`http://127.0.0.1:${worker.port}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"query":"{ __typename }"}',
    });
    expect(refused.status).toBe(404);

    const token = await login(api, people.coordinator);
    const first = await suggestions(1);
    await approveAll(api, token, first);
    await waitUntil(() => callsFor(first).length === 1, 'the call made by the worker');

    // With the worker gone, the API still takes the approval; the delivery waits for a worker.
    await stop(worker);
    const second = await suggestions(1);
    await approveAll(api, token, second);
    await new Promise((r) => setTimeout(r, 3000));
    expect(callsFor(second)).toHaveLength(0);
    worker = await start('worker');
    await waitUntil(() => callsFor(second).length === 1, 'the call once a worker is back');
    await Promise.all([stop(api), stop(worker)]);
  });
});
