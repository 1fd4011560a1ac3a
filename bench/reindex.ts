import 'reflect-metadata';
import { DataSource } from 'typeorm';
import { ReferenceDataService } from '../src/reference-data/reference-data.service';
import { MeilisearchWriter } from '../src/search/meilisearch.providers';
import { ReindexService } from '../src/search/reindex.service';
import { SearchDocumentService } from '../src/search/search-document.service';
import { inBenchWorld, machine } from './support/bench-world';
import { expandedSize, loadExpandedData } from './support/expanded-data';
import { applicationIndexingRate, rawIndexingRate } from './support/indexing';

/**
 * npm run bench:reindex — the full reindex against raw Meilisearch on the same documents, paired: REINDEX_ROUNDS
 * rounds (default 3), each timing the application's reindex and the raw additions back to back, in alternating order,
 * so that the machine's load falls on both alike. Prints each round's ratio, their mean and range (a handful of
 * rounds is too few for an interval). The data of bench:matching (BENCH_PROJECTS, BENCH_ENTERPRISES). Asserts nothing.
 */
const ROUNDS = Number(process.env.REINDEX_ROUNDS ?? 3);

const log = (message: string) => console.log(message);

void inBenchWorld(async (app, config) => {
  log(machine());
  const dataSource = app.get(DataSource);
  const loaded = await loadExpandedData(dataSource, app.get(ReferenceDataService), expandedSize());
  log(`Loaded ${loaded.enterprises} enterprises and ${loaded.projects} reference projects`);
  const application = async () => (await applicationIndexingRate(app.get(ReindexService))).rate;
  const raw = () => rawIndexingRate(app.get(MeilisearchWriter), app.get(SearchDocumentService), dataSource, config.MEILI_INDEX_PREFIX);
  const ratios: number[] = [];
  for (let round = 1; round <= ROUNDS; round++) {
    const [first, second] = round % 2 === 1 ? [application, raw] : [raw, application];
    const a = await first();
    const b = await second();
    const [appRate, rawRate] = round % 2 === 1 ? [a, b] : [b, a];
    ratios.push(appRate / rawRate);
    log(
      `Round ${round}: application ${appRate.toFixed(0)} documents/s, raw ${rawRate.toFixed(0)} documents/s → ${(100 * (appRate / rawRate)).toFixed(0)} %`,
    );
  }
  const mean = ratios.reduce((x, y) => x + y, 0) / ratios.length;
  const [low, high] = [Math.min(...ratios), Math.max(...ratios)];
  log(
    `Application ÷ raw over ${ROUNDS} rounds: mean ${(100 * mean).toFixed(0)} %, range ${(100 * low).toFixed(0)}–${(100 * high).toFixed(0)} % (target ≥ 80 %)`,
  );
});
