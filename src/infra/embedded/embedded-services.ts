import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { randomBytes } from 'node:crypto';
import { startEmbeddedMeilisearch } from './embedded-meilisearch';
import { EmbeddedServer, startEmbeddedPostgres } from './embedded-postgres';

export interface ResolvedServers {
  databaseUrl: string;
  meiliUrl: string;
  meiliMasterKey: string;
  stop(): Promise<void>;
}

export interface ServerSettings {
  dataDir: string;
  databaseUrl?: string;
  meiliUrl?: string;
  meiliMasterKey?: string;
  postgresPort: number;
  meiliPort: number;
  log: (message: string) => void;
}

/**
 * Uses the external servers that are configured and starts embedded ones for the rest (in parallel: ~1–2 s on
 * first start). `stop()` stops only what was started here.
 */
export async function resolveServers(settings: ServerSettings): Promise<ResolvedServers> {
  const dataDir = resolve(settings.dataDir);
  mkdirSync(dataDir, { recursive: true });
  const started: EmbeddedServer[] = [];
  const stopAll = async () => {
    await Promise.allSettled(started.map((s) => s.stop()));
  };

  const postgres = settings.databaseUrl
    ? Promise.resolve({ url: settings.databaseUrl })
    : startEmbeddedPostgres({ dir: join(dataDir, 'postgres'), port: settings.postgresPort, database: 'waterbridge', log: settings.log }).then((s) => (started.push(s), s));
  const meili = settings.meiliUrl
    ? Promise.resolve({ url: settings.meiliUrl, masterKey: settings.meiliMasterKey ?? '' })
    : startEmbeddedMeilisearch({ dir: join(dataDir, 'meilisearch'), port: settings.meiliPort, log: settings.log }).then((s) => (started.push(s), s));

  const [pg, ms] = await Promise.allSettled([postgres, meili]);
  if (pg.status === 'rejected' || ms.status === 'rejected') {
    await stopAll();
    throw pg.status === 'rejected' ? pg.reason : (ms as PromiseRejectedResult).reason;
  }
  return { databaseUrl: pg.value.url, meiliUrl: ms.value.url, meiliMasterKey: ms.value.masterKey, stop: stopAll };
}

/** The embedded mode's signing secret: generated once, kept beside the data it protects. */
export function embeddedJwtSecret(dataDir: string): string {
  const file = join(resolve(dataDir), 'jwt-secret');
  if (!existsSync(file)) {
    mkdirSync(resolve(dataDir), { recursive: true });
    writeFileSync(file, randomBytes(48).toString('base64url'), { mode: 0o600 });
  }
  return readFileSync(file, 'utf8').trim();
}
