import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { Meilisearch } from 'meilisearch';
import { logLevels } from '../src/app.factory';
import { hashPassword } from '../src/users/password-hasher';
import { prepareIsolatedWorld } from '../src/cli/match-batch.command';
import { GcdfImportService } from '../src/imports/gcdf-import.service';
import { freePort } from '../src/infra/embedded/free-port';
import { MatchingService, toMeilisearch } from '../src/matching/matching.service';
import { TrackRecordIndexService } from '../src/matching/track-record-index.service';
import { NeedEntity } from '../src/needs/need.entity';
import { ReferenceDataService } from '../src/reference-data/reference-data.service';
import { ReindexService } from '../src/search/reindex.service';
import { SearchDocumentService } from '../src/search/search-document.service';
import { SearchIndex } from '../src/search/search-indexes';
import { SearchRepository } from '../src/search/search.repository';
import { MeilisearchWriter } from '../src/search/meilisearch.providers';
import { configOrExit, startRuntime } from '../src/runtime';
import { exited, launch, MAIN, Started, waitForReady } from '../test/support/app-process';
import { percentile } from '../test/support/statistics';
import { expandedSize, loadExpandedData } from './support/expanded-data';
import { applicationIndexingRate, rawIndexingRate } from './support/indexing';
import { metric, scrapeMetrics } from './support/metrics';

/**
 * npm run bench:matching — a large index from the real data (10,000 enterprises, 100,000 reference projects made by
 * varying the ~5,000 real ones), then in one run: matchCandidates over GraphQL/HTTP (sequential percentiles and 8
 * concurrent clients), the raw Meilisearch searches it issues, the full reindex rate against raw Meilisearch on the
 * same documents, and the sync lag from a mutation to a searchable document. Prints figures; asserts nothing.
 *
 * BENCH_API_CPU_PROFILE=<folder>: the API runs with node --cpu-prof and writes its CPU profile there when it stops
 * (open it in Chrome's DevTools, or read it with bench/support/cpu-profile.ts).
 */
const DATA = expandedSize().data;
const SEQUENTIAL = 200;
const CLIENTS = 8;
const PER_CLIENT = 40;
const SYNC_SAMPLES = 40;

const log = (message: string) => console.log(message);
const ms = (start: bigint) => Number(process.hrtime.bigint() - start) / 1e6;
const describe = (values: number[]) =>
  `p50 ${percentile(values, 50).toFixed(1)} ms, p95 ${percentile(values, 95).toFixed(1)} ms, p99 ${percentile(values, 99).toFixed(1)} ms (n=${values.length})`;

async function main(): Promise<void> {
  Logger.overrideLogger(logLevels('warn'));
  log(`Machine: ${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, ${(totalmem() / 2 ** 30).toFixed(0)} GB, Node ${process.version}`);
  const world = await prepareIsolatedWorld();
  const config = configOrExit({
    ...process.env,
    ...world.environment,
    WORKERS_ENABLED: 'false',
    JWT_SECRET: `bench-${randomUUID()}-secret-long-enough`,
  });
  const runtime = await startRuntime(config, new Logger('bench'));
  let api: Started | undefined;
  // runtime.stop ends the process: a failure must be reported, and turn into exit code 1, before it runs.
  let exitCode = 0;
  try {
    await runtime.app.init();
    const app = runtime.app;
    const dataSource = app.get(DataSource);

    // 1. Data: the real companies, then copies with varied ids, countries and years, up to the target sizes.
    let t = process.hrtime.bigint();
    const loaded = await loadExpandedData(dataSource, app.get(ReferenceDataService));
    const needs = await app.get(GcdfImportService).importNeeds(join(DATA, 'dev-needs.jsonl'));
    await app.get(GcdfImportService).importNeeds(join(DATA, 'open-needs.jsonl'));
    await dataSource.query('DELETE FROM search_outbox');
    log(
      `Loaded ${loaded.enterprises} enterprises, ${loaded.projects} reference projects, ${needs.imported}+ needs in ${(ms(t) / 1000).toFixed(1)} s`,
    );

    // 2. Full reindex through the application, then raw Meilisearch on the same documents.
    const { documents: reindexed, seconds: reindexSeconds, rate: appRate } = await applicationIndexingRate(app.get(ReindexService));
    log(`Reindex (application, all indexes): ${reindexed} documents in ${reindexSeconds.toFixed(1)} s = ${appRate.toFixed(0)} documents/s`);
    const rawRate = await rawIndexingRate(
      app.get(MeilisearchWriter),
      app.get(SearchDocumentService),
      dataSource,
      config.MEILI_INDEX_PREFIX,
    );
    log(
      `Raw Meilisearch, same documents: ${rawRate.toFixed(0)} documents/s → application reaches ${((appRate / rawRate) * 100).toFixed(0)} % (target ≥ 80 %)`,
    );

    // 3. The API in its own process, as in production (users first: a change to organisations later would make the
    // API rebuild its track-record index in the middle of the measurements).
    const { coordinator, agencyMember, needOfAgency } = await createBenchUsers(dataSource);
    const port = await freePort();
    // The benchmark's own environment too (settings such as MATCH_WEIGHTS reach the API as they reach this process).
    const defined = (env: Record<string, string | undefined>) =>
      Object.fromEntries(Object.entries(env).filter((e): e is [string, string] => e[1] !== undefined));
    api = launch(
      defined({
        ...process.env,
        ...world.environment,
        DATABASE_URL: config.DATABASE_URL,
        MEILI_URL: config.MEILI_URL,
        MEILI_MASTER_KEY: config.MEILI_MASTER_KEY,
        JWT_SECRET: config.JWT_SECRET,
        WEBHOOK_SECRETS_KEY: config.WEBHOOK_SECRETS_KEY,
        METRICS_PUBLIC: 'true',
        PORT: String(port),
        SEED_DEMO_DATA: 'false',
        MIGRATIONS_RUN: 'false',
        LOG_LEVEL: 'warn',
        // Eight clients at full speed exhaust the default request budget (TOO_MANY_REQUESTS); like bench/load.ts, the
        // bench measures with budgets it never exhausts, so each request still pays its charge but none is refused.
        GRAPHQL_BUDGET_ANONYMOUS_PER_MINUTE: '1000000000',
        GRAPHQL_BUDGET_SIGNED_IN_PER_MINUTE: '1000000000',
      }),
      process.env.BENCH_API_CPU_PROFILE
        ? [process.execPath, '--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_API_CPU_PROFILE}`, MAIN]
        : undefined,
    );
    await waitForReady(api, port, 180_000);
    const gql = async (query: string, variables: Record<string, unknown>, token?: string) => {
      const res = await fetch(`http://127.0.0.1:${port}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
        body: JSON.stringify({ query, variables }),
      });
      const body = (await res.json()) as { data?: Record<string, unknown>; errors?: Array<{ message: string }> };
      if (body.errors) throw new Error(body.errors[0].message);
      return body.data!;
    };
    const login = async (email: string) =>
      (
        (await gql('mutation($e: String!) { login(email: $e, password: "bench-password") { token } }', { e: email })).login as {
          token: string;
        }
      ).token;
    const coordinatorToken = await login(coordinator);
    const needRows = await dataSource.getRepository(NeedEntity).find({ order: { externalId: 'ASC' } });
    const needIds = needRows.map((n) => n.id);
    const match = (id: string) =>
      gql(
        'query MatchCandidates($id: ID!) { matchCandidates(needId: $id, first: 10) { rank score enterprise { id } explanation { factors { key contribution } evidence { referenceProject { title year } } } } }',
        { id },
        coordinatorToken,
      );

    t = process.hrtime.bigint();
    await match(needIds[0]);
    log(`First matchCandidates (builds the API's track-record index): ${(ms(t) / 1000).toFixed(1)} s`);
    for (const id of needIds.slice(1, 11)) await match(id);

    const sequential: number[] = [];
    const metricsBefore = await scrapeMetrics(port);
    for (let i = 0; i < SEQUENTIAL; i++) {
      const start = process.hrtime.bigint();
      await match(needIds[i % needIds.length]);
      sequential.push(ms(start));
    }
    log(`matchCandidates over HTTP, sequential: ${describe(sequential)} (target p95 ≤ 60 ms)`);
    reportInside(metricsBefore, await scrapeMetrics(port), sequential);

    t = process.hrtime.bigint();
    await Promise.all(
      Array.from({ length: CLIENTS }, async (_, c) => {
        for (let i = 0; i < PER_CLIENT; i++) await match(needIds[(c * PER_CLIENT + i) % needIds.length]);
      }),
    );
    log(`matchCandidates, ${CLIENTS} concurrent clients: ${((CLIENTS * PER_CLIENT) / (ms(t) / 1000)).toFixed(1)} requests/s`);

    // 4. The raw Meilisearch searches matchCandidates issues, for the same needs.
    const matching = app.get(MatchingService);
    const index = await matching.index();
    const meili = app.get(Meilisearch);
    const search = app.get(SearchRepository);
    const raw: number[] = [];
    for (let i = 0; i < SEQUENTIAL; i++) {
      const queries = matching.candidateSearches(needRows[i % needRows.length], index).map((q) => {
        const { index: which, ...query } = toMeilisearch(q);
        return { ...query, indexUid: search.uid(which) };
      });
      const start = process.hrtime.bigint();
      await meili.multiSearch({ queries });
      raw.push(ms(start));
    }
    log(`Raw Meilisearch multi-search for the same needs: ${describe(raw)}`);
    log(`matchCandidates p50 / raw search p50 = ${(percentile(sequential, 50) / percentile(raw, 50)).toFixed(2)}× (target ≤ 3×)`);

    // 5. Sync lag: a mutation through the API until Meilisearch finds it.
    const agencyToken = await login(agencyMember);
    const lags: number[] = [];
    for (let i = 0; i < SYNC_SAMPLES; i++) {
      const marker = `bench${randomUUID().replace(/-/g, '').slice(0, 12)}`;
      const start = process.hrtime.bigint();
      await gql(
        'mutation($id: ID!, $t: String!) { updateNeed(input: { id: $id, title: $t }) { id } }',
        { id: needOfAgency, t: `Water supply ${marker}` },
        agencyToken,
      );
      for (;;) {
        const found = await meili
          .index(`${config.MEILI_INDEX_PREFIX}${SearchIndex.Needs}`)
          .search(marker, { limit: 1, attributesToRetrieve: ['id'] });
        if (found.hits.length > 0) break;
        await new Promise((r) => setTimeout(r, 10));
      }
      lags.push(ms(start));
    }
    log(`Sync lag, mutation → searchable: ${describe(lags)} (target p95 ≤ 1,500 ms)`);
    log(`API memory (RSS) at the end: ${await rssOf(api.child.pid!)} MB`);

    // 6. The track-record index after one enterprise changes: patched, against a full build (in this process).
    const trackRecords = app.get(TrackRecordIndexService);
    t = process.hrtime.bigint();
    await trackRecords.refresh();
    const fullBuild = ms(t);
    const [changed] = await dataSource.query(`SELECT organization_id FROM reference_project ORDER BY id LIMIT 1`);
    await dataSource.query(`UPDATE reference_project SET title = title || ' (phase 2)', updated_at = now() WHERE organization_id = $1`, [
      changed.organization_id,
    ]);
    t = process.hrtime.bigint();
    await trackRecords.update();
    log(
      `Track-record index after one enterprise changed: patched in ${ms(t).toFixed(0)} ms (a full build takes ${(fullBuild / 1000).toFixed(1)} s)`,
    );
  } catch (error) {
    console.error(error instanceof Error ? (error.stack ?? error.message) : error);
    exitCode = 1;
  } finally {
    api?.child.kill('SIGTERM');
    if (api) await exited(api.child);
    // Its warnings and errors (LOG_LEVEL=warn), kept until now so they do not cut through the figures.
    if (api?.output().trim()) console.error(`The API printed:\n${api.output().trimEnd()}`);
    await app_cleanup(runtime, world.cleanup, exitCode);
  }
}

async function app_cleanup(
  runtime: Awaited<ReturnType<typeof startRuntime>>,
  cleanup: () => Promise<void>,
  exitCode: number,
): Promise<void> {
  await runtime.app
    .get(SearchRepository)
    .deleteAll()
    .catch(() => undefined);
  await runtime.stop(exitCode === 0 ? 'benchmark done' : 'benchmark failed', exitCode, cleanup);
}

/**
 * Where the sequential requests spent their time, from the API's own /metrics (means): inside GraphQL, the ranking
 * (stage 1 and 2, `MatchingService.rankEnterprises`) and its multi-search as the API waited for it.
 */
function reportInside(before: Map<string, number> | undefined, after: Map<string, number> | undefined, client: number[]): void {
  if (!before || !after) return log('The API serves no /metrics: no breakdown.');
  const mean = (name: string, label: string) => {
    const count = metric(after, `${name}_count`, label) - metric(before, `${name}_count`, label);
    return count > 0 ? ((metric(after, `${name}_sum`, label) - metric(before, `${name}_sum`, label)) / count) * 1000 : NaN;
  };
  const graphql = mean('waterbridge_graphql_request_duration_seconds', 'operation="MatchCandidates"');
  const ranking = mean('waterbridge_match_duration_seconds', 'kind="candidates"');
  const search = mean('waterbridge_search_duration_seconds', 'operation="multi_search"');
  const atClient = client.reduce((a, b) => a + b, 0) / client.length;
  log(
    `  inside the API, means: GraphQL ${graphql.toFixed(1)} ms of the client's ${atClient.toFixed(1)} ms; of it the ranking ` +
      `${ranking.toFixed(1)} ms, of which the multi-search ${search.toFixed(1)} ms (so stage 2 and the rest of the ranking ` +
      `${(ranking - search).toFixed(1)} ms; the rest of the operation — access, reading the need, the enterprises and the cited ` +
      `projects, the answer — ${(graphql - ranking).toFixed(1)} ms)`,
  );
}

async function rssOf(pid: number): Promise<number> {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  return Math.round(Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0) / 1024);
}

/** A coordinator and the member of one agency, with a known password. */
async function createBenchUsers(dataSource: DataSource): Promise<{ coordinator: string; agencyMember: string; needOfAgency: string }> {
  const hash = await hashPassword('bench-password');
  const [secretariat] = await dataSource.query(
    `INSERT INTO organization (kind, name_en, country_code, verification_status) VALUES ('SECRETARIAT', 'Bench secretariat', 'CN', 'VERIFIED') RETURNING id`,
  );
  await dataSource.query(
    `INSERT INTO app_user (email, display_name, password_hash, organization_id, role) VALUES ('coordinator@bench.local', 'Bench', $1, $2, 'COORDINATOR')`,
    [hash, secretariat.id],
  );
  const [need] = await dataSource.query(`SELECT id, organization_id FROM need ORDER BY external_id LIMIT 1`);
  await dataSource.query(
    `INSERT INTO app_user (email, display_name, password_hash, organization_id, role) VALUES ('agency@bench.local', 'Bench', $1, $2, 'AGENCY_MEMBER')`,
    [hash, need.organization_id],
  );
  return { coordinator: 'coordinator@bench.local', agencyMember: 'agency@bench.local', needOfAgency: need.id };
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error instanceof Error ? (error.stack ?? error.message) : error);
    process.exit(1);
  },
);
