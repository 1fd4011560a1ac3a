import { INestApplication } from '@nestjs/common';
import { DataSource } from 'typeorm';
import request from 'supertest';
import { createApp } from '../../src/app.factory';
import { TokenService } from '../../src/auth/token.service';
import { loadConfig } from '../../src/config/app-config';
import { Factory } from './factory';
import { createTestDatabase } from './test-database';

export const TEST_JWT_SECRET = 'test-secret-that-is-long-enough-0123456789';

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
  close(): Promise<void>;
}

/** The real application on a database of its own, against the run's real PostgreSQL and Meilisearch. */
export async function startTestApp(env: Record<string, string> = {}): Promise<TestApp> {
  const database = await createTestDatabase();
  const config = loadConfig({
    DATABASE_URL: database.url,
    MEILI_URL: process.env.WB_TEST_MEILI_URL,
    MEILI_MASTER_KEY: process.env.WB_TEST_MEILI_MASTER_KEY,
    JWT_SECRET: TEST_JWT_SECRET,
    LOG_LEVEL: 'error',
    ...env,
  });
  const app = await createApp(config);
  await app.init();
  const dataSource = app.get(DataSource);
  const tokens = app.get(TokenService);
  const server = app.getHttpServer();
  return {
    app,
    dataSource,
    factory: new Factory(dataSource),
    async gql(query, variables, token) {
      const req = request(server).post('/graphql').set('content-type', 'application/json');
      if (token) req.set('authorization', `Bearer ${token}`);
      const res = await req.send({ query, variables });
      return res.body;
    },
    tokenFor: (userId) => tokens.issue(userId).token,
    async close() {
      await app.close();
      await database.drop();
    },
  };
}

/** The code of the first error, or undefined when the operation succeeded. */
export const errorCode = (response: GraphQLResponse) => response.errors?.[0]?.extensions?.code;
