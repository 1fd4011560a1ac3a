import 'reflect-metadata';
import { INestApplication, Logger } from '@nestjs/common';
import { createApp } from './app.factory';
import { ConfigError, loadConfig } from './config/app-config';
import { runMigrations } from './database/migrate';
import { DemoAccount, DemoSeedService } from './database/seed/demo-seed.service';
import { embeddedJwtSecret, resolveServers, ResolvedServers } from './infra/embedded/embedded-services';

const logger = new Logger('WaterBridge');

async function main(): Promise<void> {
  let config;
  try {
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(error.message);
      process.exit(1);
    }
    throw error;
  }
  const embeddedDatabase = config.DATABASE_URL === undefined;
  if (embeddedDatabase || config.MEILI_URL === undefined) logger.log(`Starting the embedded servers (data in ${config.DATA_DIR})`);

  const servers: ResolvedServers = await resolveServers({
    dataDir: config.DATA_DIR,
    databaseUrl: config.DATABASE_URL,
    meiliUrl: config.MEILI_URL,
    meiliMasterKey: config.MEILI_MASTER_KEY,
    postgresPort: config.EMBEDDED_POSTGRES_PORT,
    meiliPort: config.EMBEDDED_MEILI_PORT,
    log: (message) => logger.debug(message),
  });

  let app: INestApplication | undefined;
  let stopping = false;
  const stop = async (reason: string, code: number) => {
    if (stopping) return;
    stopping = true;
    logger.log(`Stopping (${reason})`);
    setTimeout(() => {
      logger.error('Shutdown took longer than 20 s; exiting');
      process.exit(1);
    }, 20_000).unref();
    await app?.close().catch((error: unknown) => logger.error(String(error)));
    await servers.stop();
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
    config.JWT_SECRET ??= embeddedJwtSecret(config.DATA_DIR);

    if (config.MIGRATIONS_RUN ?? embeddedDatabase) await runMigrations(servers.databaseUrl, (m) => logger.log(m));
    app = await createApp(config);
    const seeder = app.get(DemoSeedService);
    const seedDemo = config.SEED_DEMO_DATA ?? embeddedDatabase;
    if (seedDemo) await seeder.seedIfFirstStart();
    await app.listen(config.PORT);

    const url = `http://localhost:${config.PORT}/graphql`;
    console.log(`\nWaterBridge serves GraphQL at ${url}`);
    if (seedDemo) printAccounts(seeder.demoAccounts(), config.DEMO_PASSWORD);
    console.log('Stop with Ctrl-C.\n');
  } catch (error) {
    logger.error(error instanceof Error ? (error.stack ?? error.message) : String(error));
    await stop('start-up failed', 1);
  }
}

function printAccounts(accounts: DemoAccount[], password: string): void {
  console.log(`Demo accounts (password "${password}"):`);
  for (const a of accounts) console.log(`  ${a.role.padEnd(18)} ${a.email.padEnd(40)} ${a.organization}`);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
