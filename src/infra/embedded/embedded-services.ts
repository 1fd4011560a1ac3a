import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { randomBytes } from 'node:crypto';
import { embeddedMasterKey, startEmbeddedMeilisearch } from './embedded-meilisearch';
import { EmbeddedServer, embeddedPostgresUrl, startEmbeddedPostgres } from './embedded-postgres';
import { isProcessAlive, processCommandLine } from './process-files';

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
  if (!settings.databaseUrl || !settings.meiliUrl) {
    const owner = liveOwner(dataDir);
    if (owner !== undefined) return attach(settings, dataDir, owner);
    writeFileSync(join(dataDir, OWNER_FILE), String(process.pid));
  }
  const started: EmbeddedServer[] = [];
  const stopAll = async () => {
    await Promise.allSettled(started.map((s) => s.stop()));
    rmSync(join(dataDir, OWNER_FILE), { force: true });
  };

  const postgres = settings.databaseUrl
    ? Promise.resolve({ url: settings.databaseUrl })
    : startEmbeddedPostgres({
        dir: join(dataDir, 'postgres'),
        port: settings.postgresPort,
        database: 'waterbridge',
        log: settings.log,
      }).then((s) => (started.push(s), s));
  const meili = settings.meiliUrl
    ? Promise.resolve({ url: settings.meiliUrl, masterKey: settings.meiliMasterKey ?? '' })
    : startEmbeddedMeilisearch({ dir: join(dataDir, 'meilisearch'), port: settings.meiliPort, log: settings.log }).then(
        (s) => (started.push(s), s),
      );

  const [pg, ms] = await Promise.allSettled([postgres, meili]);
  if (pg.status === 'rejected' || ms.status === 'rejected') {
    await stopAll();
    throw pg.status === 'rejected' ? pg.reason : (ms as PromiseRejectedResult).reason;
  }
  return { databaseUrl: pg.value.url, meiliUrl: ms.value.url, meiliMasterKey: ms.value.masterKey, stop: stopAll };
}

/** Which process runs the embedded servers of a data folder (the API, or a CLI command). */
const OWNER_FILE = 'owner.pid';

function liveOwner(dataDir: string): number | undefined {
  const file = join(dataDir, OWNER_FILE);
  if (!existsSync(file)) return undefined;
  const pid = Number(readFileSync(file, 'utf8'));
  return pid !== process.pid && isProcessAlive(pid) && processCommandLine(pid).includes('node') ? pid : undefined;
}

/**
 * Another WaterBridge process (say `npm start`) already runs the embedded servers of this folder: use them, and leave
 * starting and stopping them to it. (Without an owner, servers found running are leftovers of a hard kill and are
 * stopped before starting afresh.)
 */
function attach(settings: ServerSettings, dataDir: string, owner: number): ResolvedServers {
  settings.log(`Using the embedded servers of process ${owner}`);
  return {
    databaseUrl: settings.databaseUrl ?? embeddedPostgresUrl(settings.postgresPort, 'waterbridge'),
    meiliUrl: settings.meiliUrl ?? `http://127.0.0.1:${settings.meiliPort}`,
    meiliMasterKey: settings.meiliUrl ? (settings.meiliMasterKey ?? '') : embeddedMasterKey(join(dataDir, 'meilisearch')),
    stop: async () => undefined,
  };
}

/** A secret of the embedded mode (`jwt-secret`, `webhook-secrets-key`): generated once, kept beside the data it protects. */
export function embeddedSecret(dataDir: string, name: string): string {
  const file = join(resolve(dataDir), name);
  if (!existsSync(file)) {
    mkdirSync(resolve(dataDir), { recursive: true });
    writeFileSync(file, randomBytes(48).toString('base64url'), { mode: 0o600 });
  }
  return readFileSync(file, 'utf8').trim();
}
