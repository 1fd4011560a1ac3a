import { INestApplication } from '@nestjs/common';
import { randomBytes } from 'node:crypto';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { createApp } from '../../src/app.factory';
import { JobQueueService } from '../../src/jobs/job-queue.service';
import { NOTIFICATION_DELIVERY_QUEUE } from '../../src/notifications/notification-delivery-queue';
import { NotificationDeliveryJob } from '../../src/notifications/notification-delivery.job';
import { SearchRepository } from '../../src/search/search.repository';
import { Role } from '../../src/access/actor';
import { Factory, TEST_PASSWORD } from '../support/factory';
import { freePort } from '../support/free-port';
import { startTestApp, testConfig, TestApp } from '../support/test-app';
import { createTestDatabase } from '../support/test-database';

const NEEDS_QUERY = 'query OpenNeedsPage { needs(first: 2) { totalCount } }';

describe('observability', () => {
  describe('probes, metrics and request ids', () => {
    let t: TestApp;
    beforeAll(async () => {
      t = await startTestApp();
    });
    afterAll(() => t.close());

    const http = () => request(t.app.getHttpServer());

    it('/health answers 200 while the process runs, without a token', async () => {
      const res = await http().get('/health');
      expect(res.status).toBe(200);
      expect(res.body).toEqual({ status: 'ok' });
      expect(res.headers['cache-control']).toBe('no-store');
    });

    it('/ready answers 200 when PostgreSQL, Meilisearch and the job queue answer', async () => {
      const res = await http().get('/ready');
      expect(res.status).toBe(200);
      expect(res.body).toEqual({ status: 'ready', checks: { database: 'ok', search: 'ok', jobs: 'ok' } });
    });

    it('gives every request an id: a sane one sent by the caller is echoed, anything else replaced', async () => {
      const fresh = await http().post('/graphql').set('content-type', 'application/json').send({ query: NEEDS_QUERY });
      expect(fresh.status).toBe(200);
      expect(fresh.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);

      const echoed = await http()
        .post('/graphql')
        .set('content-type', 'application/json')
        .set('x-request-id', 'lb-7f3a.trace_01')
        .send({ query: NEEDS_QUERY });
      expect(echoed.headers['x-request-id']).toBe('lb-7f3a.trace_01');

      for (const unsafe of ['a b', 'x'.repeat(101), '<script>', 'id\u00e9']) {
        const res = await http()
          .post('/graphql')
          .set('content-type', 'application/json')
          .set('x-request-id', unsafe)
          .send({ query: NEEDS_QUERY });
        expect(res.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
      }
      // Plain HTTP routes carry one too.
      expect((await http().get('/health').set('x-request-id', 'probe-1')).headers['x-request-id']).toBe('probe-1');
    });

    it('/metrics exposes request durations by operation, queue depth and failures, sync lag and deliveries', async () => {
      expect((await t.gql(NEEDS_QUERY)).errors).toBeUndefined();
      // Something waits in the delivery queue, and one of its jobs failed.
      const jobs = t.app.get(JobQueueService);
      const jobId = await jobs.send(NOTIFICATION_DELIVERY_QUEUE, { deliveryId: '00000000-0000-0000-0000-000000000000' });
      await jobs.fail(NOTIFICATION_DELIVERY_QUEUE, jobId!, 'failed on purpose');
      // A change has waited 90 s for the search indexes (no worker runs in this app).
      await t.dataSource.query(
        `INSERT INTO search_outbox (kind, entity_id, created_at) VALUES ('need', gen_random_uuid(), now() - interval '90 seconds')`,
      );
      // A webhook delivery whose endpoint is gone: one failed attempt.
      const [{ id: deliveryId }] = await t.dataSource.query(
        `INSERT INTO notification_delivery (idempotency_key, channel, webhook_id, address, status) VALUES ($1, 'WEBHOOK', gen_random_uuid(), 'https://gone.example.org/hook', 'PENDING') RETURNING id`,
        [`test:${randomBytes(4).toString('hex')}`],
      );
      expect(await t.app.get(NotificationDeliveryJob).deliver(deliveryId)).toBe(true);

      const res = await request(t.app.getHttpServer()).get('/metrics');
      expect(res.status).toBe(200);
      expect(res.headers['content-type']).toMatch(/^text\/plain; version=0\.0\.4/);
      const text = res.text;
      expect(text).toMatch(
        /^waterbridge_graphql_request_duration_seconds_bucket\{[^}]*operation="OpenNeedsPage",type="query",outcome="ok"[^}]*\} [1-9]/m,
      );
      expect(text).toMatch(
        /^waterbridge_graphql_request_duration_seconds_count\{operation="OpenNeedsPage",type="query",outcome="ok"\} [1-9]/m,
      );
      expect(text).toMatch(/^waterbridge_job_queue_depth\{queue="notification-delivery"\} 1$/m);
      expect(text).toMatch(/^waterbridge_job_queue_depth\{queue="match-reminders"\} 0$/m);
      expect(text).not.toContain('__pgboss__');
      expect(text).toMatch(/^waterbridge_job_failures_total\{queue="notification-delivery"\} 1$/m);
      const lag = Number(/^waterbridge_search_index_sync_lag_seconds (\S+)$/m.exec(text)?.[1]);
      expect(lag).toBeGreaterThanOrEqual(90);
      expect(lag).toBeLessThan(200);
      expect(text).toMatch(/^waterbridge_notification_outbox_lag_seconds 0$/m);
      expect(text).toMatch(/^waterbridge_notification_deliveries_total\{channel="webhook",outcome="failed"\} 1$/m);
      expect(text).toMatch(/^# TYPE waterbridge_match_duration_seconds histogram$/m);
      expect(text).toMatch(/^# TYPE waterbridge_search_duration_seconds histogram$/m);
      // The process metrics, under the same prefix.
      expect(text).toMatch(/^waterbridge_process_resident_memory_bytes \d+/m);
    });

    it('times searches by index and outcome', async () => {
      const search = () => t.gql('{ searchNeeds(query: "water", first: 1) { totalCount } }');
      // No index yet: the search fails (SEARCH_UNAVAILABLE), and is counted as an error.
      expect((await search()).errors?.[0]?.extensions?.code).toBe('SEARCH_UNAVAILABLE');
      await t.indexEverything();
      expect((await search()).errors).toBeUndefined();
      const text = (await request(t.app.getHttpServer()).get('/metrics')).text;
      expect(text).toMatch(/^waterbridge_search_duration_seconds_count\{index="needs",operation="search",outcome="error"\} 1$/m);
      expect(text).toMatch(/^waterbridge_search_duration_seconds_count\{index="needs",operation="search",outcome="ok"\} 1$/m);
    });

    it('keeps operation labels bounded: malformed names are not labels', async () => {
      await request(t.app.getHttpServer())
        .post('/graphql')
        .set('content-type', 'application/json')
        .send({ query: '{ needs(first: 1) { totalCount } }', operationName: 'not a name' });
      const text = (await request(t.app.getHttpServer()).get('/metrics')).text;
      expect(text).not.toContain('not a name');
    });
  });

  describe('metrics behind METRICS_TOKEN', () => {
    let t: TestApp;
    const token = 'scrape-token-for-prometheus-0123';
    beforeAll(async () => {
      t = await startTestApp({ METRICS_TOKEN: token });
    });
    afterAll(() => t.close());

    it('answers 401 without the bearer token or with another one, and the metrics with it; the probes stay open', async () => {
      const scrape = (authorization?: string) => {
        const call = request(t.app.getHttpServer()).get('/metrics');
        return authorization === undefined ? call : call.set('authorization', authorization);
      };
      for (const refused of [await scrape(), await scrape('Bearer not-the-token-at-all-000'), await scrape(token)]) {
        expect(refused.status).toBe(401);
        expect(refused.headers['www-authenticate']).toBe('Bearer realm="metrics"');
        expect(refused.text).not.toContain('waterbridge_');
      }
      const allowed = await scrape(`Bearer ${token}`);
      expect(allowed.status).toBe(200);
      expect(allowed.text).toMatch(/^waterbridge_job_queue_depth\{/m);
      expect((await request(t.app.getHttpServer()).get('/health')).status).toBe(200);
    });
  });

  describe('readiness while Meilisearch is unreachable', () => {
    let t: TestApp;
    beforeAll(async () => {
      // A free port nothing listens on: the app still starts (search answers SEARCH_UNAVAILABLE), but is not ready.
      t = await startTestApp({ MEILI_URL: `http://127.0.0.1:${await freePort()}`, MEILI_MASTER_KEY: 'an-unreachable-master-key' });
    });
    afterAll(() => t.close());

    it('/ready answers 503 naming the search check, within the check timeout; /health stays 200', async () => {
      const started = Date.now();
      const res = await request(t.app.getHttpServer()).get('/ready');
      expect(Date.now() - started).toBeLessThan(3_000);
      expect(res.status).toBe(503);
      expect(res.body.status).toBe('unavailable');
      expect(res.body.checks.database).toBe('ok');
      expect(res.body.checks.jobs).toBe('ok');
      expect(res.body.checks.search).toBe('unreachable: ECONNREFUSED');
      expect((await request(t.app.getHttpServer()).get('/health')).status).toBe(200);
    });
  });

  describe('log lines', () => {
    const lines: string[] = [];
    let app: INestApplication;
    let drop: () => Promise<void>;

    beforeAll(async () => {
      const database = await createTestDatabase();
      drop = database.drop;
      const config = testConfig(database.url, { LOG_LEVEL: 'log' });
      app = await createApp(config, { logDestination: { write: (line: string) => void lines.push(line) } });
      await app.init();
    });
    afterAll(async () => {
      await app
        .get(SearchRepository)
        .deleteAll()
        .catch(() => undefined);
      await app.close();
      await drop();
    });

    const records = () => lines.map((line) => JSON.parse(line) as Record<string, unknown>);

    it('writes one JSON object per line, and one line per GraphQL operation with its request id and duration', async () => {
      // A clean start warns about nothing.
      expect(records().filter((r) => r.level !== 'info')).toEqual([]);
      const res = await request(app.getHttpServer())
        .post('/graphql')
        .set('content-type', 'application/json')
        .set('x-request-id', 'req-42')
        .send({ query: NEEDS_QUERY });
      expect(res.status).toBe(200);
      for (const line of lines) expect(line.endsWith('\n') && !line.slice(0, -1).includes('\n')).toBe(true);
      const line = records().find((r) => r.msg === 'graphql' && r.requestId === 'req-42');
      expect(line).toMatchObject({ level: 'info', context: 'GraphQL', operationName: 'OpenNeedsPage', operationType: 'query' });
      expect(typeof line?.durationMs).toBe('number');
      expect(typeof line?.time).toBe('string');
      expect(line?.errors).toBeUndefined();
      // Nest's start-up chatter stays at debug.
      expect(records().some((r) => r.context === 'InstanceLoader' || r.context === 'RouterExplorer')).toBe(false);
    });

    it('names the signed-in user and the error codes, and never writes a password', async () => {
      const user = await new Factory(app.get(DataSource)).user(Role.AGENCY_MEMBER);
      const signIn = (password: string) =>
        request(app.getHttpServer())
          .post('/graphql')
          .set('content-type', 'application/json')
          .send({
            query: 'mutation SignIn($email: String!, $password: String!) { login(email: $email, password: $password) { token } }',
            variables: { email: user.email, password },
          });
      const wrong = await signIn('Wrong-Password-Zebra-93');
      const wrongId = wrong.headers['x-request-id'];
      const right = await signIn(TEST_PASSWORD);
      expect(right.body.errors).toBeUndefined();
      const token = right.body.data.login.token as string;
      const me = await request(app.getHttpServer())
        .post('/graphql')
        .set('content-type', 'application/json')
        .set('authorization', `Bearer ${token}`)
        .send({ query: 'query Me { me { id } }' });

      const failed = records().find((r) => r.msg === 'graphql' && r.requestId === wrongId);
      expect(failed).toMatchObject({ operationName: 'SignIn', operationType: 'mutation', errors: ['UNAUTHENTICATED'] });
      const mine = records().find((r) => r.msg === 'graphql' && r.requestId === me.headers['x-request-id']);
      expect(mine).toMatchObject({ operationName: 'Me', userId: user.id });

      const all = lines.join('');
      expect(all).not.toContain('Wrong-Password-Zebra-93');
      expect(all).not.toContain(TEST_PASSWORD);
      expect(all).not.toContain(token);
    });

    it('logs an unexpected error under its request id and correlation id, without stack or SQL', async () => {
      const dataSource = app.get(DataSource);
      await dataSource.query('ALTER TABLE need RENAME TO need_away');
      try {
        const res = await request(app.getHttpServer())
          .post('/graphql')
          .set('content-type', 'application/json')
          .set('x-request-id', 'req-broken')
          .send({ query: NEEDS_QUERY });
        const correlationId = res.body.errors[0].extensions.correlationId as string;
        expect(res.body.errors[0].extensions.code).toBe('INTERNAL_SERVER_ERROR');
        const logged = lines.filter((line) => line.includes(correlationId));
        expect(logged.length).toBeGreaterThan(0);
        for (const line of logged) {
          expect(JSON.parse(line)).toMatchObject({ level: 'error', requestId: 'req-broken' });
          expect(line).not.toMatch(/\bat \S+ \(|SELECT|FROM "need/);
        }
        expect(records().find((r) => r.msg === 'graphql' && r.requestId === 'req-broken')).toMatchObject({
          errors: ['INTERNAL_SERVER_ERROR'],
        });
        // Nor does the database layer write the failed statement at this level.
        const database = records().filter((r) => r.context === 'Database' && r.requestId === 'req-broken');
        expect(database.map((r) => r.msg)).toEqual(['Query failed (42P01): relation "need" does not exist']);
      } finally {
        await dataSource.query('ALTER TABLE need_away RENAME TO need');
      }
    });
  });
});
