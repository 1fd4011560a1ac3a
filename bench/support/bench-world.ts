import { INestApplication, Logger } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { cpus, totalmem } from 'node:os';
import { logLevels } from '../../src/app.factory';
import { prepareIsolatedWorld } from '../../src/cli/match-batch.command';
import { AppConfig } from '../../src/config/app-config';
import { configOrExit, startRuntime } from '../../src/runtime';
import { SearchRepository } from '../../src/search/search.repository';

/** The machine a benchmark ran on, as its first line says. */
export const machine = (): string =>
  `Machine: ${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, ${(totalmem() / 2 ** 30).toFixed(0)} GB, Node ${process.version}`;

/**
 * Runs a benchmark in a world of its own: PostgreSQL and Meilisearch in throwaway folders, the application without
 * workers, `settings` over the environment. A failure is printed and turns into exit code 1; the search indexes, the
 * servers and their folders are removed whatever happens, and the process exits.
 */
export async function inBenchWorld(
  body: (app: INestApplication, config: AppConfig) => Promise<void>,
  settings: Record<string, string> = {},
): Promise<void> {
  Logger.overrideLogger(logLevels('warn'));
  const world = await prepareIsolatedWorld();
  const config = configOrExit({
    ...process.env,
    ...world.environment,
    WORKERS_ENABLED: 'false',
    JWT_SECRET: `bench-${randomUUID()}-secret`,
    ...settings,
  });
  const runtime = await startRuntime(config, new Logger('bench'));
  let exitCode = 0;
  try {
    await runtime.app.init();
    await body(runtime.app, config);
  } catch (error) {
    console.error(error instanceof Error ? (error.stack ?? error.message) : error);
    exitCode = 1;
  } finally {
    await runtime.app
      .get(SearchRepository)
      .deleteAll()
      .catch(() => undefined);
    await runtime.stop(exitCode === 0 ? 'benchmark done' : 'benchmark failed', exitCode, world.cleanup);
  }
}
