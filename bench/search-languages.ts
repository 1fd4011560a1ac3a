import 'reflect-metadata';
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { Meilisearch } from 'meilisearch';
import { DemoSeedService } from '../src/demo/demo-seed.service';
import { PUBLISHED_NEED_STATUSES } from '../src/needs/need-status';
import { translateQuery } from '../src/search/chinese-query';
import { MeilisearchWriter } from '../src/search/meilisearch.providers';
import { oneOf } from '../src/common/search-filters';
import { glossarySynonyms, INDEX_SETTINGS, SearchIndex } from '../src/search/search-indexes';
import { SearchNeedsArgs } from '../src/search/dto/search.inputs';
import { SearchService } from '../src/search/search.service';
import { SearchSyncJob } from '../src/search/search-sync.job';
import { glossaryGroups, hasHan } from '../src/search/water-glossary';
import {
  CROSS_LANGUAGE_QUERIES,
  crossLanguageCoverage,
  meanWithBootstrapCI,
  overlaps,
  PairResult,
  shareWithResults,
  TOP,
} from '../test/support/cross-language';
import { inBenchWorld } from './support/bench-world';

/**
 * npm run bench:search-languages — the cross-language query set (test/fixtures/cross-language-queries.json) against the
 * demo data, seeded as `npm start` seeds it, in a throwaway world. For each way of searching it prints the share of
 * Chinese and of English queries that find something, the share of the English top 10 the Chinese twins find (the
 * figure the e2e test holds at 80 %), and the mean per-query overlap with a 95 % bootstrap interval.
 * "before" is the behaviour of SEARCH_BASELINE_REV (default: the commit before this work): the plain query against an
 * index with that commit's glossary. Prints figures; asserts nothing.
 */
const BASELINE_REV = process.env.SEARCH_BASELINE_REV ?? 'fbfda38';
const log = (message: string) => console.log(message);
const pct = (x: number) => `${(x * 100).toFixed(1)} %`;

async function main(): Promise<void> {
  await inBenchWorld(async (app, config) => {
    await app.get(DemoSeedService).seedIfFirstStart();
    await app.get(SearchSyncJob).drain();
    const writer = app.get(MeilisearchWriter);
    const client = app.get(Meilisearch);
    const live = `${config.MEILI_INDEX_PREFIX}${SearchIndex.Needs}`;

    // The baseline: the same documents in an index configured with the old glossary.
    const oldGroups = (
      JSON.parse(
        execFileSync('git', ['show', `${BASELINE_REV}:src/search/water-glossary.json`], {
          cwd: join(__dirname, '..', '..'),
          encoding: 'utf8',
        }),
      ) as { groups: string[][] }
    ).groups;
    const baseline = `${live}_baseline`;
    await writer.createIndex(baseline, { primaryKey: 'id' }).waitTask();
    await writer
      .index(baseline)
      .updateSettings({ ...INDEX_SETTINGS[SearchIndex.Needs], synonyms: glossarySynonyms(oldGroups) })
      .waitTask();
    const documents = await writer.index(live).getDocuments({ limit: 100_000 });
    await writer.index(baseline).addDocuments(documents.results).waitTask({ timeout: 120_000 });
    const newGroups = glossaryGroups();
    log(`Demo data: ${documents.results.length} needs indexed. Queries: ${CROSS_LANGUAGE_QUERIES.length} English/Chinese pairs.`);
    log(
      `Glossary: before (${BASELINE_REV}) ${oldGroups.length} groups, ${oldGroups.flat().length} terms; after ${newGroups.length} groups, ${newGroups.flat().length} terms`,
    );

    const filter = oneOf('status', PUBLISHED_NEED_STATUSES);
    const raw = (uid: string, strategy: 'last' | 'frequency') => async (query: string) =>
      (await client.index(uid).search(query, { filter, limit: TOP, matchingStrategy: strategy, attributesToRetrieve: ['id'] })).hits.map(
        (h) => String(h.id),
      );
    const service = app.get(SearchService);
    const product = async (query: string) =>
      (await service.searchNeeds(null, Object.assign(new SearchNeedsArgs(), { query, first: TOP }))).edges.map((e) => e.node.id);

    const mixed = async (query: string) => (hasHan(query) ? raw(live, 'frequency')(translateQuery(query)) : raw(live, 'last')(query));
    const arms: Array<[string, (q: string) => Promise<string[]>, (q: string) => string]> = [
      ['before: plain query, old glossary', raw(baseline, 'last'), (q) => q],
      ['new glossary as synonyms only, no translation', raw(live, 'last'), (q) => q],
      ['new glossary + translation, matchingStrategy last', raw(live, 'last'), translateQuery],
      ['new glossary + translation, matchingStrategy frequency', raw(live, 'frequency'), translateQuery],
      ['new glossary + translation, frequency for translated queries only', mixed, (q) => q],
      ['after: searchNeeds as shipped', product, (q) => q],
    ];
    for (const [name, search, prepare] of arms) {
      const results: PairResult[] = [];
      for (const pair of CROSS_LANGUAGE_QUERIES)
        results.push({ ...pair, enIds: await search(prepare(pair.en)), zhIds: await search(prepare(pair.zh)) });
      const coverage = crossLanguageCoverage(results);
      const overlap = meanWithBootstrapCI(overlaps(results));
      log(`\n${name}`);
      log(`  ZH queries with ≥1 result: ${pct(shareWithResults(results, 'zh'))}; EN: ${pct(shareWithResults(results, 'en'))}`);
      log(`  ZH finds ${coverage.found} of the ${coverage.wanted} EN top-10 results = ${pct(coverage.ratio)} (Σ|ZH∩EN| / Σ|EN|)`);
      log(
        `  mean ZH∩EN top-10 overlap per query: ${pct(overlap.mean)} (95 % bootstrap CI ${pct(overlap.low)}–${pct(overlap.high)}, n=${overlaps(results).length})`,
      );
      if (process.env.VERBOSE)
        for (const r of results.filter((r) => r.zhIds.filter((id) => r.enIds.includes(id)).length < r.enIds.length))
          log(`    ${r.en} (${r.enIds.length}) / ${r.zh} → ${prepare(r.zh)} (${r.zhIds.filter((id) => r.enIds.includes(id)).length})`);
    }
    await writer.deleteIndexIfExists(baseline);
  });
}

void main();
