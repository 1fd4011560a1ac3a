import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { createAppLogger } from './observability/app-logger';
import { DemoSeedService } from './demo/demo-seed.service';
import { servesApi } from './config/app-config';
import { configOrExit, startRuntime } from './runtime';
import { NeedPublishedJob } from './matches/need-published.job';
import { SearchSyncJob } from './search/search-sync.job';

const logger = new Logger('WaterBridge');
const DEMO_NEEDS_WITH_CANDIDATES = 20;

/** `npm start`: the GraphQL API and its background workers, or one of them (APP_ROLE). */
async function main(): Promise<void> {
  const config = configOrExit();
  // Lines written before the application exists (embedded servers, migrations) have the same format as the rest.
  Logger.overrideLogger(createAppLogger(config));
  const runtime = await startRuntime(config, logger);
  try {
    await runtime.app.init();
    const seeder = runtime.app.get(DemoSeedService);
    const seedDemo = config.SEED_DEMO_DATA ?? runtime.embeddedDatabase;
    if (seedDemo && (await seeder.seedIfFirstStart())) {
      // The first start indexes the demo data before it opens, so search and matching answer from the first request.
      await runtime.app
        .get(SearchSyncJob)
        .catchUp(60_000)
        .catch((error: unknown) => logger.warn(`The demo data will be searchable once Meilisearch answers (${String(error)})`));
      // The review queue starts with candidates for the newest open needs (the workers rank them in the background).
      await runtime.app.get(NeedPublishedJob).queueNewestOpen(DEMO_NEEDS_WITH_CANDIDATES);
    }
    await runtime.app.listen(config.PORT);

    if (!servesApi(config)) {
      console.log(`\nWaterBridge worker running (health and metrics on port ${config.PORT}). Stop with Ctrl-C.\n`);
      return;
    }
    console.log(`\nWaterBridge serves GraphQL at http://localhost:${config.PORT}/graphql`);
    if (seedDemo) console.log(seeder.banner(config.DEMO_PASSWORD).join('\n'));
    console.log('Stop with Ctrl-C.\n');
  } catch (error) {
    logger.error(error instanceof Error ? (error.stack ?? error.message) : String(error));
    await runtime.stop('start-up failed', 1);
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
