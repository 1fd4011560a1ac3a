import { join } from 'node:path';
import { INestApplication, Logger } from '@nestjs/common';
import { createApp } from './app.factory';
import { AppConfig, ConfigError, loadConfig } from './config/app-config';
import { runMigrations } from './database/migrate';
import { embeddedSecret, resolveServers } from './infra/embedded/embedded-services';
import { EmbeddedSmtp, startEmbeddedSmtp } from './infra/embedded/embedded-smtp';
import { freePort } from './infra/embedded/free-port';
import { DOMAIN_SETTING_RULES } from './setting-rules';

/** The validated configuration, or the one-line message naming what is wrong and exit code 1. */
export function configOrExit(env: Record<string, string | undefined> = process.env): AppConfig {
  try {
    return loadConfig(env, DOMAIN_SETTING_RULES);
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(error.message);
      process.exit(1);
    }
    throw error;
  }
}

export interface Runtime {
  app: INestApplication;
  /** True when the database is the embedded one (drives the migrate-and-seed defaults). */
  embeddedDatabase: boolean;
  /** Closes the application, then stops the embedded servers this process started, runs `cleanup`, then exits. */
  stop(reason: string, code: number, cleanup?: () => Promise<void>): Promise<void>;
}

/**
 * Servers (external, or embedded under DATA_DIR) → pending migrations → the Nest application, with SIGINT/SIGTERM
 * stopping all of it in order. Shared by the API (main.ts) and the command line (cli/main.ts).
 */
export async function startRuntime(config: AppConfig, logger: Logger): Promise<Runtime> {
  const embeddedDatabase = config.DATABASE_URL === undefined;
  if (embeddedDatabase || config.MEILI_URL === undefined) logger.log(`Starting the embedded servers (data in ${config.DATA_DIR})`);
  const servers = await resolveServers({
    dataDir: config.DATA_DIR,
    databaseUrl: config.DATABASE_URL,
    meiliUrl: config.MEILI_URL,
    meiliMasterKey: config.MEILI_MASTER_KEY,
    postgresPort: config.EMBEDDED_POSTGRES_PORT,
    meiliPort: config.EMBEDDED_MEILI_PORT,
    log: (message) => logger.debug(message),
  });

  let app: INestApplication | undefined;
  let mailCatcher: EmbeddedSmtp | undefined;
  let stopping = false;
  const stop = async (reason: string, code: number, cleanup?: () => Promise<void>) => {
    if (stopping) return;
    stopping = true;
    logger.log(`Stopping (${reason})`);
    setTimeout(() => {
      logger.error('Shutdown took longer than 20 s; exiting');
      process.exit(1);
    }, 20_000).unref();
    await app?.close().catch((error: unknown) => logger.error(String(error)));
    await servers.stop();
    await mailCatcher?.stop();
    await cleanup?.().catch((error: unknown) => logger.error(`Clean-up failed: ${String(error)}`));
    process.exit(code);
  };
  // embedded-postgres installs its own signal hooks that stop PostgreSQL and exit at once; this process stops in
  // order instead (API and workers first, then the servers), so it takes the signals over.
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.removeAllListeners(signal);
    process.on(signal, () => void stop(signal, 0));
  }

  try {
    config.DATABASE_URL = servers.databaseUrl;
    config.MEILI_URL = servers.meiliUrl;
    config.MEILI_MASTER_KEY = servers.meiliMasterKey;
    config.JWT_SECRET ??= embeddedSecret(config.DATA_DIR, 'jwt-secret');
    // With external servers the operator sets it (docs/SECURITY.md); the embedded mode keeps its own.
    if (embeddedDatabase) config.WEBHOOK_SECRETS_KEY ??= embeddedSecret(config.DATA_DIR, 'webhook-secrets-key');
    if (embeddedDatabase && config.SMTP_HOST === undefined) {
      mailCatcher = await startEmbeddedSmtp({ dir: join(config.DATA_DIR, 'mail'), port: await freePort(), log: (m) => logger.debug(m) });
      config.SMTP_HOST = mailCatcher.host;
      config.SMTP_PORT = mailCatcher.port;
      config.SMTP_SECURE = false;
      logger.log(`E-mails are caught in ${mailCatcher.dir} (no SMTP_HOST set)`);
    }
    if (config.MIGRATIONS_RUN ?? embeddedDatabase) await runMigrations(servers.databaseUrl, (m) => logger.log(m));
    app = await createApp(config);
    return { app, embeddedDatabase, stop };
  } catch (error) {
    logger.error(error instanceof Error ? (error.stack ?? error.message) : String(error));
    await stop('start-up failed', 1);
    throw error;
  }
}
