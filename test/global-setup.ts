import { chmodSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startEmbeddedMeilisearch } from '../src/infra/embedded/embedded-meilisearch';
import { startEmbeddedPostgres } from '../src/infra/embedded/embedded-postgres';
import { freePort } from './support/free-port';

/**
 * Starts one real PostgreSQL and one real Meilisearch for the whole run (in a fresh temporary folder), unless
 * DATABASE_URL and MEILI_URL (+ MEILI_MASTER_KEY) point at servers to use instead. Test files then create their
 * own databases from a migrated template (test/support/test-database.ts).
 */
export default async function globalSetup(): Promise<void> {
  const stops: Array<() => Promise<void>> = [];
  const dir = mkdtempSync(join(tmpdir(), 'waterbridge-test-'));
  // As root the embedded PostgreSQL runs as user "postgres", which must be able to enter the folder.
  chmodSync(dir, 0o711);
  const [postgres, meili] = await Promise.all([
    process.env.DATABASE_URL
      ? Promise.resolve({ url: process.env.DATABASE_URL })
      : freePort().then((port) => startEmbeddedPostgres({ dir: join(dir, 'postgres'), port, database: 'waterbridge' })),
    process.env.MEILI_URL
      ? Promise.resolve({ url: process.env.MEILI_URL, masterKey: process.env.MEILI_MASTER_KEY ?? '' })
      : freePort().then((port) => startEmbeddedMeilisearch({ dir: join(dir, 'meilisearch'), port })),
  ]);
  for (const server of [postgres, meili] as Array<{ stop?: () => Promise<void> }>) if (server.stop) stops.push(server.stop);

  process.env.WB_TEST_DATABASE_URL = postgres.url;
  process.env.WB_TEST_MEILI_URL = meili.url;
  process.env.WB_TEST_MEILI_MASTER_KEY = meili.masterKey;
  // Every database of this run is named wb_<run>_…, so teardown can drop exactly those on an external server.
  process.env.WB_TEST_RUN_ID = `${Date.now().toString(36)}${process.pid}`;
  (globalThis as { __waterbridgeTest?: unknown }).__waterbridgeTest = { dir, stops };
}
