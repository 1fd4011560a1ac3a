import { INestApplication } from '@nestjs/common';
import { DataSource } from 'typeorm';
import request from 'supertest';
import { createApp } from '../../src/app.factory';
import { TokenService } from '../../src/access/token.service';
import { AppConfig, loadConfig } from '../../src/config/app-config';
import { Factory, TEST_PASSWORD_HASH_COST } from './factory';
import { createTestDatabase } from './test-database';
import { SearchOutboxService } from '../../src/search-outbox/search-outbox.service';
import { SearchRepository } from '../../src/search/search.repository';
import { SearchSyncJob } from '../../src/search/search-sync.job';
import { randomBytes } from 'node:crypto';
import { LogDestination } from '../../src/observability/app-logger';
import { DOMAIN_SETTING_RULES } from '../../src/setting-rules';

export const TEST_JWT_SECRET = 'test-secret-that-is-long-enough-0123456789';
/** Tests run as production should: webhook signing secrets encrypted at rest. */
export const TEST_WEBHOOK_SECRETS_KEY = 'test-webhook-secrets-key-0123456789abcdef';

export interface GraphQLResponse<T = Record<string, unknown>> {
  data?: T | null;
  errors?: Array<{ message: string; path?: string[]; extensions?: { code?: string; field?: string; [key: string]: unknown } }>;
}

export interface TestApp {
  app: INestApplication;
  dataSource: DataSource;
  factory: Factory;
  /** POST a GraphQL operation over HTTP, as a real client would. */
  gql<T = Record<string, unknown>>(query: string, variables?: Record<string, unknown>, token?: string): Promise<GraphQLResponse<T>>;
  tokenFor(userId: string): string;
  /** Waits until the search sync worker has applied every outbox row (the indexes show all committed writes). */
  searchSynced(timeoutMs?: number): Promise<void>;
  /** Puts every row of the database into the search outbox (for rows the factory wrote directly), then waits. */
  indexEverything(): Promise<void>;
  close(): Promise<void>;
}

/** The configuration of an application under test on `databaseUrl`, the run's Meilisearch, and `env` on top. */
export function testConfig(databaseUrl: string, env: Record<string, string> = {}): AppConfig {
  return loadConfig(
    {
      DATABASE_URL: databaseUrl,
      MEILI_URL: process.env.WB_TEST_MEILI_URL,
      MEILI_MASTER_KEY: process.env.WB_TEST_MEILI_MASTER_KEY,
      JWT_SECRET: TEST_JWT_SECRET,
      WEBHOOK_SECRETS_KEY: TEST_WEBHOOK_SECRETS_KEY,
      // External servers require a metrics token unless /metrics is open on purpose; tests scrape it openly.
      METRICS_PUBLIC: 'true',
      PASSWORD_HASH_COST: String(TEST_PASSWORD_HASH_COST),
      LOG_LEVEL: 'error',
      // Background workers only where a test needs the index to follow writes (pass WORKERS_ENABLED: 'true').
      WORKERS_ENABLED: 'false',
      // Indexes of their own on the shared Meilisearch server.
      MEILI_INDEX_PREFIX: `t_${randomBytes(5).toString('hex')}_`,
      // Every request is still charged to its client's budget, but no test but the budget's own runs out of it.
      GRAPHQL_BUDGET_ANONYMOUS_PER_MINUTE: '1000000000',
      GRAPHQL_BUDGET_SIGNED_IN_PER_MINUTE: '1000000000',
      ...env,
    },
    DOMAIN_SETTING_RULES,
  );
}

/**
 * The real application on a database of its own, against the run's real PostgreSQL and Meilisearch.
 * `logDestination`: where its log lines go, for tests that read them.
 */
export async function startTestApp(env: Record<string, string> = {}, options: { logDestination?: LogDestination } = {}): Promise<TestApp> {
  const database = await createTestDatabase();
  const config = testConfig(database.url, env);
  const app = await createApp(config, options);
  await app.init();
  const dataSource = app.get(DataSource);
  const tokens = app.get(TokenService);
  const server = app.getHttpServer();
  const testApp: TestApp = {
    app,
    dataSource,
    factory: new Factory(dataSource),
    async gql(query, variables, token) {
      const req = request(server).post('/graphql').set('content-type', 'application/json');
      if (token) req.set('authorization', `Bearer ${token}`);
      const res = await req.send({ query, variables });
      return res.body;
    },
    // Users made by the factory have never changed their password: token version 0.
    tokenFor: (userId) => tokens.issue({ id: userId, tokenVersion: 0 }).token,
    async searchSynced(timeoutMs = 20_000) {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const [{ pending }] = await dataSource.query('SELECT count(*)::int AS pending FROM search_outbox');
        if (pending === 0) return;
        if (Date.now() > deadline) throw new Error(`${pending} search outbox rows still pending after ${timeoutMs} ms`);
        await new Promise((r) => setTimeout(r, 50));
      }
    },
    async indexEverything() {
      await dataSource.transaction((manager) => app.get(SearchOutboxService).recordAll(manager));
      if (config.WORKERS_ENABLED) {
        app.get(SearchOutboxService).nudge();
        await testApp.searchSynced();
      } else {
        await app.get(SearchSyncJob).drain();
      }
    },
    async close() {
      await app
        .get(SearchRepository)
        .deleteAll()
        .catch(() => undefined);
      await app.close();
      // pg-boss checks on its stopping workers once a second after stop() returns; jest must not tear the module
      // registry down under that loop.
      if (config.WORKERS_ENABLED) await new Promise((r) => setTimeout(r, 1100));
      await database.drop();
    },
  };
  return testApp;
}

/** The code of the first error, or undefined when the operation succeeded. */
export const errorCode = (response: GraphQLResponse) => response.errors?.[0]?.extensions?.code;
