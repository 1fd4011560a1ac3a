import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { runMigrations } from '../../src/database/migrate';

const serverUrl = () => {
  const url = process.env.WB_TEST_DATABASE_URL;
  if (!url) throw new Error('WB_TEST_DATABASE_URL is not set: run the tests through jest (globalSetup starts the servers)');
  return url;
};

const prefix = () => `wb_${process.env.WB_TEST_RUN_ID ?? 'local'}_`;

export function databaseUrl(name: string): string {
  const url = new URL(serverUrl());
  url.pathname = `/${name}`;
  return url.toString();
}

async function withAdmin<T>(work: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: serverUrl() });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/**
 * The migrated template every test database is copied from. Built by the first test file that needs it (migrations
 * run once per test run, inside jest where the TypeScript migrations load), under an advisory lock.
 */
async function ensureTemplate(): Promise<string> {
  const template = `${prefix()}template`;
  await withAdmin(async (client) => {
    await client.query('SELECT pg_advisory_lock(4242)');
    try {
      const { rowCount } = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [template]);
      if (rowCount === 0) {
        await client.query(`CREATE DATABASE "${template}"`);
        await runMigrations(databaseUrl(template));
      }
    } finally {
      await client.query('SELECT pg_advisory_unlock(4242)');
    }
  });
  return template;
}

/** A fresh, migrated database of its own (copied from the template in ~0.1 s); returns its URL. */
export async function createTestDatabase(): Promise<{ url: string; drop: () => Promise<void> }> {
  const template = await ensureTemplate();
  const name = `${prefix()}${randomBytes(5).toString('hex')}`;
  await withAdmin((client) => client.query(`CREATE DATABASE "${name}" TEMPLATE "${template}"`));
  return {
    url: databaseUrl(name),
    drop: () => withAdmin((client) => client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`)).then(() => undefined),
  };
}

/** An empty database (no migrations), for the migration tests. */
export async function createEmptyDatabase(): Promise<{ url: string; drop: () => Promise<void> }> {
  const name = `${prefix()}${randomBytes(5).toString('hex')}`;
  await withAdmin((client) => client.query(`CREATE DATABASE "${name}"`));
  return {
    url: databaseUrl(name),
    drop: () => withAdmin((client) => client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`)).then(() => undefined),
  };
}
