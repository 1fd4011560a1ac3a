import autocannon from 'autocannon';
import { chmodSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { cpus, loadavg, tmpdir, totalmem } from 'node:os';
import { dirname, join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { freePort } from '../src/infra/embedded/free-port';
import { processesMentioning } from '../src/infra/embedded/process-files';
import { exited, launch, MAIN, Started, waitForReady } from '../test/support/app-process';
import { percentile } from '../test/support/statistics';
import { metric, scrapeMetrics } from './support/metrics';

/**
 * npm run bench:load — a mixed workload against the application started as `npm start` starts it (embedded PostgreSQL
 * and Meilisearch, migrations, demo data), in its own process, from a fresh data folder:
 *
 *   1. start `node dist/src/main.js` with DATA_DIR in a new temporary folder and free ports, and wait until GET /ready
 *      answers 200;
 *   2. prepare, untimed: sign in (coordinator, admin, an enterprise member, an agency member), `suggestMatches(first: 50)`
 *      for every open need (thousands of SUGGESTED matches), read them all (id, version) into a shuffled queue for the
 *      approvals, wait until the notifications of the preparation are delivered; then each operation alone, 20 requests
 *      one at a time (its service time without contention);
 *   3. 30 s warm-up with the same mix (the heap settles: after 10 s the reading still varied by ±50 MB), then the API's resident memory ("start");
 *   4. the measured minute: five autocannon instances at once, each with a fixed number of connections, each POSTing
 *      GraphQL with varying variables — searchNeeds, needs, matchCandidates, notifications, approveMatch (each approval
 *      takes a distinct match from the queue, with the version read in step 2);
 *   5. memory right after ("end") and a few seconds later, the CPU of the API, PostgreSQL, Meilisearch and this process
 *      over the minute, the application's own /metrics over the minute (time inside GraphQL, ranking and search,
 *      event-loop delay, V8 heap), the state of the approvals' fan-out, then SIGTERM (nothing may be left running).
 *
 * A response counts as an error when it is not 2xx, when its JSON body has `errors` (GraphQL answers 200 with errors),
 * or when the connection fails or times out. Exits 1 when anything failed or the resident memory grew by 10 % or more
 * over the minute.
 */
/** The demo accounts' password (DEMO_PASSWORD), set explicitly rather than read from the start banner. */
const DEMO_PASSWORD = 'waterbridge-demo';
const DURATION_SECONDS = Number(process.env.BENCH_DURATION_SECONDS ?? 60);
const WARMUP_SECONDS = Number(process.env.BENCH_WARMUP_SECONDS ?? 30);
const SETTLE_SECONDS = 5;
const MAX_GROWTH_PERCENT = 10;
const CLK_TCK = 100;

/** Connections per operation: 16 in all, fixed for the whole minute. */
const CONNECTIONS = {
  searchNeeds: Number(process.env.BENCH_C_SEARCH ?? 4),
  needs: Number(process.env.BENCH_C_NEEDS ?? 4),
  matchCandidates: Number(process.env.BENCH_C_MATCH ?? 3),
  notifications: Number(process.env.BENCH_C_NOTIFICATIONS ?? 3),
  approveMatch: Number(process.env.BENCH_C_APPROVE ?? 2),
};
type Operation = keyof typeof CONNECTIONS;
const OPERATIONS = Object.keys(CONNECTIONS) as Operation[];

/** Water words in English and Chinese (the glossary links both languages). */
const SEARCH_WORDS = [
  'water',
  'desalination',
  '反渗透',
  'irrigation',
  'wastewater treatment',
  '污水处理',
  'drinking water',
  '供水',
  'dam',
  '水库',
  'hydropower',
  '水电站',
  'flood control',
  '防洪',
  'pipeline',
  'sanitation',
  'groundwater',
  '海水淡化',
  'water supply Africa',
  'reverse osmosis plant',
  'pumping station',
  '灌溉',
  'sewage',
  'reservoir rehabilitation',
  'water treatment plant',
  '饮用水',
];

const SEARCH = `query LoadSearchNeeds($q: String!) { searchNeeds(query: $q, first: 10) {
  totalCount
  edges { score highlights { title snippet } node { id title status country { code nameEn nameZh } sector { code labelEn } } }
  facets { field values { value count } } } }`;
const NEEDS = `query LoadNeeds($region: String, $sector: String, $country: String, $tech: String) {
  needs(first: 20, region: $region, sectorCode: $sector, countryCode: $country, technologyCategory: $tech) {
  totalCount
  edges { node { id title status country { code nameEn nameZh } sector { code labelEn labelZh } fundingStatus budgetMax currency publishedAt } }
  pageInfo { hasNextPage endCursor } } }`;
const MATCH = `query LoadMatchCandidates($need: ID!) { matchCandidates(needId: $need, first: 10) {
  rank score enterprise { id nameEn parentGroup }
  explanation { summary tradeFit { value detail } factors { key label value weight contribution detail }
    evidence { similarity reasons referenceProject { title year country { code } } } } } }`;
const NOTIFICATIONS = `query LoadNotifications { notifications(first: 20) { totalCount unreadCount edges { node { id type title body matchId needId read createdAt } } pageInfo { hasNextPage endCursor } } }`;
const APPROVE = `mutation LoadApproveMatch($id: ID!, $version: Int!) { approveMatch(input: { id: $id, version: $version }) { id status version introducedAt } }`;

const log = (message: string) => console.log(message);
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const mb = (kb: number) => Math.round(kb / 1024);

/** A small deterministic generator, so every run shuffles the same way. */
function random(seed: number): () => number {
  return () => (seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31;
}

// ---------------------------------------------------------------------------------------------------------------------
// The application under test

interface Api extends Started {
  port: number;
  dataDir: string;
}

/** Every parent of `path` must be traversable by others: as root, PostgreSQL runs as `postgres` and must reach DATA_DIR. */
function checkTraversable(path: string): void {
  if (process.getuid?.() !== 0) return;
  for (let dir = dirname(path); dir !== dirname(dir); dir = dirname(dir)) {
    if ((statSync(dir).mode & 0o001) === 0)
      throw new Error(`${dir} is not world-traversable (o+x): the embedded PostgreSQL cannot reach ${path} as user postgres`);
  }
}

async function startApi(root: string): Promise<Api> {
  chmodSync(root, 0o711);
  checkTraversable(root);
  const dataDir = join(root, 'data');
  const port = await freePort();
  const api = {
    ...launch({
      DATA_DIR: dataDir,
      PORT: String(port),
      EMBEDDED_POSTGRES_PORT: String(await freePort()),
      EMBEDDED_MEILI_PORT: String(await freePort()),
      LOG_LEVEL: 'warn',
      DEMO_PASSWORD,
      // A few users at hundreds of requests a second are an attack by the default budgets: the load is measured with
      // budgets it never exhausts, so each request still pays its charge (one statement) but none is refused.
      GRAPHQL_BUDGET_ANONYMOUS_PER_MINUTE: '1000000000',
      GRAPHQL_BUDGET_SIGNED_IN_PER_MINUTE: '1000000000',
    }),
    port,
    dataDir,
  };
  await waitForReady(api, port, 180_000);
  return api;
}

/** SIGTERM, as a process manager would; SIGKILL for anything (the app or its servers) still there after 30 s. */
async function stopApi(api: Api, root: string): Promise<{ exitCode: number | null; leftOver: number[]; seconds: number }> {
  const started = Date.now();
  if (api.child.exitCode === null && api.child.signalCode === null) {
    api.child.kill('SIGTERM');
    await Promise.race([exited(api.child), sleep(30_000)]);
    if (api.child.exitCode === null && api.child.signalCode === null) api.child.kill('SIGKILL');
  }
  const deadline = Date.now() + 10_000;
  while (processesMentioning(root).length > 0 && Date.now() < deadline) await sleep(100);
  const leftOver = processesMentioning(root);
  for (const pid of leftOver) process.kill(pid, 'SIGKILL');
  return { exitCode: api.child.exitCode, leftOver, seconds: (Date.now() - started) / 1000 };
}

/** VmRSS (and VmHWM, the peak) of a process, in kB. */
function memoryOf(pid: number): { rss: number; peak: number } {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const field = (name: string) => Number(new RegExp(`${name}:\\s+(\\d+)`).exec(status)?.[1] ?? NaN);
  return { rss: field('VmRSS'), peak: field('VmHWM') };
}

// ---------------------------------------------------------------------------------------------------------------------
// CPU: the API, its PostgreSQL and Meilisearch (its descendants, by name), this process, and the whole machine

interface CpuSample {
  at: number;
  /** Clock ticks by group. */
  groups: Record<string, number>;
  machineBusy: number;
  machineTotal: number;
}

function cpuSample(apiPid: number): CpuSample {
  const stats = new Map<number, { ppid: number; comm: string; ticks: number }>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const raw = readFileSync(`/proc/${entry}/stat`, 'utf8');
      const close = raw.lastIndexOf(')');
      const fields = raw.slice(close + 2).split(' ');
      // After the name: state(0) ppid(1) … utime(11) stime(12)
      stats.set(Number(entry), {
        ppid: Number(fields[1]),
        comm: raw.slice(raw.indexOf('(') + 1, close),
        ticks: Number(fields[11]) + Number(fields[12]),
      });
    } catch {
      // gone meanwhile
    }
  }
  const groups: Record<string, number> = { api: 0, postgres: 0, meilisearch: 0, other: 0 };
  for (const [pid, s] of stats) {
    let ancestor = pid;
    for (let depth = 0; ancestor !== apiPid && ancestor > 1 && depth < 64; depth++) ancestor = stats.get(ancestor)?.ppid ?? 0;
    if (ancestor !== apiPid) continue;
    const group =
      pid === apiPid ? 'api' : s.comm.startsWith('postgres') ? 'postgres' : s.comm.startsWith('meilisearch') ? 'meilisearch' : 'other';
    groups[group] += s.ticks;
  }
  const own = process.cpuUsage();
  groups.bench = ((own.user + own.system) / 1e6) * CLK_TCK;
  const cpu = readFileSync('/proc/stat', 'utf8').split('\n')[0].trim().split(/\s+/).slice(1).map(Number);
  const idle = cpu[3] + cpu[4];
  const total = cpu.slice(0, 8).reduce((a, b) => a + b, 0);
  return { at: Date.now(), groups, machineBusy: total - idle, machineTotal: total };
}

/** CPU use between two samples, in % of one core, by group; and the machine's, in % of all its cores. */
function cpuBetween(a: CpuSample, b: CpuSample): { groups: Record<string, number>; machine: number } {
  const seconds = (b.at - a.at) / 1000;
  const groups: Record<string, number> = {};
  for (const key of Object.keys(b.groups)) groups[key] = ((b.groups[key] - (a.groups[key] ?? 0)) / CLK_TCK / seconds) * 100;
  return { groups, machine: ((b.machineBusy - a.machineBusy) / (b.machineTotal - a.machineTotal)) * 100 };
}

// ---------------------------------------------------------------------------------------------------------------------
// GraphQL outside the measurement

function client(port: number) {
  return async <T = unknown>(query: string, variables: Record<string, unknown> = {}, token?: string): Promise<T> => {
    const res = await fetch(`http://127.0.0.1:${port}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify({ query, variables }),
    });
    const body = (await res.json()) as { data?: T; errors?: Array<{ message: string; extensions?: { code?: string } }> };
    if (body.errors?.length) throw new Error(`${body.errors[0].extensions?.code ?? 'ERROR'}: ${body.errors[0].message}`);
    if (!res.ok) throw new Error(`HTTP ${res.status}`);
    return body.data as T;
  };
}
type Gql = ReturnType<typeof client>;

async function waitFor<T>(
  what: string,
  probe: () => Promise<T | undefined>,
  timeoutMs: number,
): Promise<{ value: T | undefined; ms: number }> {
  const start = Date.now();
  for (;;) {
    const value = await probe();
    if (value !== undefined) return { value, ms: Date.now() - start };
    if (Date.now() - start > timeoutMs) {
      log(`  (gave up waiting for ${what} after ${(timeoutMs / 1000).toFixed(0)} s)`);
      return { value: undefined, ms: Date.now() - start };
    }
    await sleep(250);
  }
}

const DELIVERY_STATUSES = ['PENDING', 'DELIVERED', 'HELD_FOR_DIGEST', 'DIGESTED', 'DEAD'] as const;

async function deliveryCounts(gql: Gql, adminToken: string): Promise<Record<string, number>> {
  const fields = DELIVERY_STATUSES.map((s) => `${s.toLowerCase()}: notificationDeliveries(status: ${s}, first: 1) { totalCount }`).join(
    ' ',
  );
  const data = await gql<Record<string, { totalCount: number }>>(`{ ${fields} }`, {}, adminToken);
  return Object.fromEntries(DELIVERY_STATUSES.map((s) => [s, data[s.toLowerCase()].totalCount]));
}

// ---------------------------------------------------------------------------------------------------------------------
// The load

interface Queued {
  id: string;
  version: number;
  enterprise: string;
}

interface Tally {
  latencies: number[];
  responses: number;
  non2xx: number;
  graphqlErrors: number;
  /** Distinct error messages seen, with counts (first 10). */
  messages: Map<string, number>;
}

interface Measured {
  operation: Operation;
  connections: number;
  tally: Tally;
  result: autocannon.Result;
}

interface Workload {
  port: number;
  tokens: { coordinator: string; enterprise: string };
  needIds: string[];
  filters: Array<Record<string, string>>;
  queue: Queued[];
  /** Approvals sent (taken from the queue), including any still in flight when the time was up. */
  approvalsSent: number;
  /** Approvals wanted after the queue was empty (each sent as a second approval of the same match: a CONFLICT). */
  queueExhausted: number;
}

function newTally(): Tally {
  return { latencies: [], responses: 0, non2xx: 0, graphqlErrors: 0, messages: new Map() };
}

function noteError(tally: Tally, message: string): void {
  if (tally.messages.size < 10 || tally.messages.has(message)) tally.messages.set(message, (tally.messages.get(message) ?? 0) + 1);
}

/** One autocannon instance per operation, all at once, for `seconds`. */
async function runMix(work: Workload, seconds: number): Promise<Measured[]> {
  const url = `http://127.0.0.1:${work.port}/graphql`;
  const body = (query: string, variables: Record<string, unknown>) => JSON.stringify({ query, variables });
  let word = 0;
  let filter = 0;
  let need = 0;
  let lastApproved: Queued | undefined;
  const setup: Record<Operation, () => string> = {
    searchNeeds: () => body(SEARCH, { q: SEARCH_WORDS[word++ % SEARCH_WORDS.length] }),
    needs: () => body(NEEDS, work.filters[filter++ % work.filters.length]),
    matchCandidates: () => body(MATCH, { need: work.needIds[need++ % work.needIds.length] }),
    notifications: () => body(NOTIFICATIONS, {}),
    approveMatch: () => {
      const next = work.queue.shift();
      if (next) {
        work.approvalsSent++;
        lastApproved = next;
      } else {
        work.queueExhausted++;
      }
      const match = next ?? lastApproved!;
      return body(APPROVE, { id: match.id, version: match.version });
    },
  };
  const tokenOf: Record<Operation, string | undefined> = {
    searchNeeds: undefined,
    needs: undefined,
    matchCandidates: work.tokens.coordinator,
    notifications: work.tokens.enterprise,
    approveMatch: work.tokens.coordinator,
  };
  const runs = OPERATIONS.map((operation) => {
    const tally = newTally();
    const headers: Record<string, string> = {
      'content-type': 'application/json',
      ...(tokenOf[operation] ? { authorization: `Bearer ${tokenOf[operation]}` } : {}),
    };
    // Without a callback autocannon returns its event emitter, made thenable (the typings only see the promise).
    const instance = autocannon({
      url,
      connections: CONNECTIONS[operation],
      duration: seconds,
      timeout: 30,
      method: 'POST',
      headers,
      requests: [
        {
          method: 'POST',
          path: '/graphql',
          setupRequest: (request) => ({ ...request, body: setup[operation]() }),
          onResponse: (status, text) => {
            if (status < 200 || status > 299) {
              tally.non2xx++;
              noteError(tally, `HTTP ${status}: ${text.slice(0, 160)}`);
              return;
            }
            try {
              const parsed = JSON.parse(text) as { errors?: Array<{ message: string; extensions?: { code?: string } }> };
              if (parsed.errors?.length) {
                tally.graphqlErrors++;
                noteError(tally, `${parsed.errors[0].extensions?.code ?? 'ERROR'}: ${parsed.errors[0].message.slice(0, 160)}`);
              }
            } catch {
              tally.graphqlErrors++;
              noteError(tally, `unparseable body: ${text.slice(0, 80)}`);
            }
          },
        },
      ],
    }) as unknown as autocannon.Instance & PromiseLike<autocannon.Result>;
    instance.on('response', (_client, _status, _bytes, responseTime) => {
      tally.responses++;
      tally.latencies.push(responseTime);
    });
    return Promise.resolve(instance).then((result) => ({ operation, connections: CONNECTIONS[operation], tally, result }));
  });
  return Promise.all(runs);
}

function errorsOf(m: Measured): number {
  // result.non2xx equals tally.non2xx; result.errors are connection errors and timeouts (no response at all).
  return m.tally.non2xx + m.tally.graphqlErrors + m.result.errors;
}

function report(title: string, measured: Measured[]): { requests: number; errors: number } {
  log(`\n${title}`);
  log(
    `  ${'operation'.padEnd(16)} ${'conn'.padStart(4)} ${'requests'.padStart(9)} ${'req/s'.padStart(7)} ${'p50 ms'.padStart(8)} ${'p95 ms'.padStart(8)} ${'p99 ms'.padStart(8)} ${'max ms'.padStart(8)} ${'non-2xx'.padStart(8)} ${'GQL err'.padStart(8)} ${'conn err'.padStart(9)}`,
  );
  let requests = 0;
  let errors = 0;
  let seconds = 0;
  for (const m of measured) {
    const sorted = [...m.tally.latencies].sort((a, b) => a - b);
    seconds = Math.max(seconds, m.result.duration);
    requests += m.tally.responses;
    errors += errorsOf(m);
    log(
      `  ${m.operation.padEnd(16)} ${String(m.connections).padStart(4)} ${String(m.tally.responses).padStart(9)} ${(m.tally.responses / m.result.duration).toFixed(1).padStart(7)} ` +
        `${percentile(sorted, 50).toFixed(1).padStart(8)} ${percentile(sorted, 95).toFixed(1).padStart(8)} ${percentile(sorted, 99).toFixed(1).padStart(8)} ${(sorted.at(-1) ?? NaN).toFixed(1).padStart(8)} ` +
        `${String(m.tally.non2xx).padStart(8)} ${String(m.tally.graphqlErrors).padStart(8)} ${String(m.result.errors).padStart(9)}`,
    );
    for (const [message, count] of m.tally.messages) log(`      ${count} × ${message}`);
  }
  const all = measured.flatMap((m) => m.tally.latencies).sort((a, b) => a - b);
  const connections = measured.reduce((a, m) => a + m.connections, 0);
  log(
    `  ${'all'.padEnd(16)} ${String(connections).padStart(4)} ${String(requests).padStart(9)} ${(requests / seconds).toFixed(1).padStart(7)} ` +
      `${percentile(all, 50).toFixed(1).padStart(8)} ${percentile(all, 95).toFixed(1).padStart(8)} ${percentile(all, 99).toFixed(1).padStart(8)} ${(all.at(-1) ?? NaN).toFixed(1).padStart(8)}` +
      `   errors ${errors} of ${requests} (${requests ? ((errors / requests) * 100).toFixed(2) : '0.00'} %), ${seconds.toFixed(1)} s`,
  );
  return { requests, errors };
}

// ---------------------------------------------------------------------------------------------------------------------

/** What the application's own metrics say about the minute: time inside GraphQL, matching and search; event-loop delay; heap. */
function reportMetrics(before: Map<string, number> | undefined, after: Map<string, number> | undefined, measured: Measured[]): void {
  if (!before || !after) {
    log('The application serves no /metrics: no server-side breakdown.');
    return;
  }
  const delta = (name: string, ...labels: string[]) => metric(after, name, ...labels) - metric(before, name, ...labels);
  const names: Record<Operation, string> = {
    searchNeeds: 'LoadSearchNeeds',
    needs: 'LoadNeeds',
    matchCandidates: 'LoadMatchCandidates',
    notifications: 'LoadNotifications',
    approveMatch: 'LoadApproveMatch',
  };
  log(
    "Server side (the application's /metrics over the minute), mean ms: inside GraphQL (Apollo request start → response) vs. seen by the client",
  );
  for (const m of measured) {
    const label = `operation="${names[m.operation]}"`;
    const count = delta('waterbridge_graphql_request_duration_seconds_count', label);
    const inside = count > 0 ? (delta('waterbridge_graphql_request_duration_seconds_sum', label) / count) * 1000 : NaN;
    const client = m.tally.latencies.reduce((a, b) => a + b, 0) / Math.max(1, m.tally.latencies.length);
    log(
      `  ${m.operation.padEnd(16)} ${count} operations: inside GraphQL ${inside.toFixed(1)} ms, client ${client.toFixed(1)} ms (${(client - inside).toFixed(1)} ms before/after GraphQL: HTTP, queueing)`,
    );
  }
  const mean = (name: string, ...labels: string[]) => {
    const count = delta(`${name}_count`, ...labels);
    return `${count} × ${count > 0 ? ((delta(`${name}_sum`, ...labels) / count) * 1000).toFixed(1) : 'NaN'} ms`;
  };
  log(
    `  ranking (matchCandidates): ${mean('waterbridge_match_duration_seconds', 'kind="candidates"')}; Meilisearch search: ${mean('waterbridge_search_duration_seconds', 'operation="search"')}, multi-search: ${mean('waterbridge_search_duration_seconds', 'operation="multi_search"')}`,
  );
  const lag = (q: string) => (metric(after, `waterbridge_nodejs_eventloop_lag_${q}_seconds`) * 1000).toFixed(1);
  log(`  event-loop delay over the minute: mean ${lag('mean')} ms, p50 ${lag('p50')} ms, p99 ${lag('p99')} ms, max ${lag('max')} ms`);
  const heap = (m: Map<string, number> | undefined) => Math.round(metric(m, 'waterbridge_nodejs_heap_size_used_bytes') / 2 ** 20);
  const total = (m: Map<string, number> | undefined) => Math.round(metric(m, 'waterbridge_nodejs_heap_size_total_bytes') / 2 ** 20);
  log(
    `  V8 heap used: ${heap(before)} → ${heap(after)} MB (heap total ${total(before)} → ${total(after)} MB); notification outbox lag at the end ${metric(after, 'waterbridge_notification_outbox_lag_seconds').toFixed(1)} s, search sync lag ${metric(after, 'waterbridge_search_index_sync_lag_seconds').toFixed(1)} s`,
  );
}

/** Each operation alone, one request at a time: the service time without contention. */
async function unloaded(work: Workload, n: number): Promise<void> {
  const gql = client(work.port);
  const runs: Array<[Operation, () => Promise<unknown>]> = [
    ['searchNeeds', () => gql(SEARCH, { q: SEARCH_WORDS[0] })],
    ['needs', () => gql(NEEDS, work.filters[0])],
    ['matchCandidates', () => gql(MATCH, { need: work.needIds[0] }, work.tokens.coordinator)],
    ['notifications', () => gql(NOTIFICATIONS, {}, work.tokens.enterprise)],
    [
      'approveMatch',
      () => {
        const match = work.queue.shift()!;
        return gql(APPROVE, { id: match.id, version: match.version }, work.tokens.coordinator);
      },
    ],
  ];
  const parts: string[] = [];
  for (const [operation, call] of runs) {
    const times: number[] = [];
    for (let i = 0; i < n; i++) {
      const start = performance.now();
      await call();
      times.push(performance.now() - start);
    }
    times.sort((a, b) => a - b);
    parts.push(`${operation} p50 ${percentile(times, 50).toFixed(1)} / p95 ${percentile(times, 95).toFixed(1)} ms`);
  }
  log(`Unloaded, one request at a time (${n} each): ${parts.join('; ')}`);
}

async function prepare(
  gql: Gql,
  password: string,
): Promise<{ work: Omit<Workload, 'port'>; adminToken: string; agencyToken: string; enterpriseId: string }> {
  const login = async (email: string) =>
    (
      await gql<{ login: { token: string } }>('mutation($e: String!, $p: String!) { login(email: $e, password: $p) { token } }', {
        e: email,
        p: password,
      })
    ).login.token;
  const coordinator = await login('coordinator@demo.waterbridge.org');
  const adminToken = await login('admin@demo.waterbridge.org');
  const enterprise = await login('sinohydro@demo.waterbridge.org');
  const agencyToken = await login('agency-af@demo.waterbridge.org');
  const me = await gql<{ me: { organization: { id: string; nameEn: string } } }>('{ me { organization { id nameEn } } }', {}, enterprise);
  log(`Signed in: coordinator, admin, sinohydro@ (enterprise member: ${me.me.organization.nameEn}), agency-af@ (agency member)`);

  // The demo's first start ranks candidates for its 20 newest needs in the background: let that finish first.
  const queued = await waitFor(
    'the first start’s candidates',
    async () => {
      const q = await gql<{ reviewQueue: { totalCount: number } }>('{ reviewQueue(first: 1) { totalCount } }', {}, coordinator);
      return q.reviewQueue.totalCount >= 20 ? q.reviewQueue.totalCount : undefined;
    },
    120_000,
  );
  log(`Review queue after the first start: ${queued.value ?? '< 20'} needs with candidates (waited ${(queued.ms / 1000).toFixed(1)} s)`);

  // Every open need, and the filter values that exist in the data.
  const needs: Array<{
    id: string;
    country: { code: string; region: string };
    sector: { code: string };
    technologyCategories: Array<{ code: string }>;
  }> = [];
  for (let after: string | null = null; ;) {
    const page: { needs: { edges: Array<{ node: (typeof needs)[number] }>; pageInfo: { hasNextPage: boolean; endCursor: string } } } =
      await gql(
        'query($after: String) { needs(first: 100, status: OPEN, after: $after) { edges { node { id country { code region } sector { code } technologyCategories { code } } } pageInfo { hasNextPage endCursor } } }',
        { after },
      );
    needs.push(...page.needs.edges.map((e) => e.node));
    if (!page.needs.pageInfo.hasNextPage) break;
    after = page.needs.pageInfo.endCursor;
  }
  const mostCommon = (values: string[], n: number) =>
    [...values.reduce((m, v) => m.set(v, (m.get(v) ?? 0) + 1), new Map<string, number>())]
      .sort((a, b) => b[1] - a[1])
      .slice(0, n)
      .map(([v]) => v);
  const regions = mostCommon(
    needs.map((n) => n.country.region),
    4,
  );
  const sectors = mostCommon(
    needs.map((n) => n.sector.code),
    4,
  );
  const countries = mostCommon(
    needs.map((n) => n.country.code),
    4,
  );
  const categories = mostCommon(
    needs.flatMap((n) => n.technologyCategories.map((c) => c.code)),
    4,
  );
  const filters: Array<Record<string, string>> = [{}];
  for (let i = 0; i < 4; i++) {
    if (regions[i]) filters.push({ region: regions[i] });
    if (sectors[i]) filters.push({ sector: sectors[i] });
    if (countries[i]) filters.push({ country: countries[i] });
    if (categories[i]) filters.push({ tech: categories[i] });
  }
  if (regions[0] && categories[0]) filters.push({ region: regions[0], tech: categories[0] });
  if (regions[1] && sectors[0]) filters.push({ region: regions[1], sector: sectors[0] });
  log(
    `Open needs: ${needs.length}; needs-list filters rotated: ${filters.length} (regions ${regions.join(', ')}; sectors ${sectors.join(', ')}; countries ${countries.join(', ')}; categories ${categories.join(', ')})`,
  );

  // Approvable work: the 50 best candidates of every open need, kept as SUGGESTED (4 needs at a time).
  let t = Date.now();
  const pending = needs.map((n) => n.id);
  await Promise.all(
    Array.from({ length: 4 }, async () => {
      for (let id = pending.shift(); id; id = pending.shift())
        await gql('mutation($id: ID!) { suggestMatches(needId: $id, first: 50) { id } }', { id }, coordinator);
    }),
  );
  log(`suggestMatches(first: 50) for ${needs.length} needs: ${((Date.now() - t) / 1000).toFixed(1)} s`);

  t = Date.now();
  const queue: Queued[] = [];
  for (let after: string | null = null; ;) {
    const page: {
      matches: {
        edges: Array<{ node: { id: string; version: number; enterprise: { id: string } } }>;
        pageInfo: { hasNextPage: boolean; endCursor: string };
      };
    } = await gql(
      'query($after: String) { matches(status: [SUGGESTED], first: 100, after: $after) { edges { node { id version enterprise { id } } } pageInfo { hasNextPage endCursor } } }',
      { after },
      coordinator,
    );
    queue.push(...page.matches.edges.map((e) => ({ id: e.node.id, version: e.node.version, enterprise: e.node.enterprise.id })));
    if (!page.matches.pageInfo.hasNextPage) break;
    after = page.matches.pageInfo.endCursor;
  }
  const next = random(42);
  for (let i = queue.length - 1; i > 0; i--) {
    const j = Math.floor(next() * (i + 1));
    [queue[i], queue[j]] = [queue[j], queue[i]];
  }
  const ofEnterprise = queue.filter((q) => q.enterprise === me.me.organization.id).length;
  log(
    `SUGGESTED matches queued for approval: ${queue.length} (read in ${((Date.now() - t) / 1000).toFixed(1)} s; shuffled; ${ofEnterprise} of them ${me.me.organization.nameEn}'s)`,
  );

  return {
    work: { tokens: { coordinator, enterprise }, needIds: needs.map((n) => n.id), filters, queue, approvalsSent: 0, queueExhausted: 0 },
    adminToken,
    agencyToken,
    enterpriseId: me.me.organization.id,
  };
}

async function main(): Promise<number> {
  const cpu = cpus();
  log(
    `Machine: ${cpu.length} × ${cpu[0]?.model ?? 'cpu'}, ${(totalmem() / 2 ** 30).toFixed(0)} GB, Node ${process.version}, load average ${loadavg()
      .map((l) => l.toFixed(2))
      .join(' ')}`,
  );
  log(
    `Connections: ${OPERATIONS.map((o) => `${o} ${CONNECTIONS[o]}`).join(', ')} = ${OPERATIONS.reduce((a, o) => a + CONNECTIONS[o], 0)} in all; ${WARMUP_SECONDS} s warm-up, ${DURATION_SECONDS} s measured`,
  );
  if (!existsSync(MAIN)) throw new Error(`${MAIN} is missing: run npm run build first`);

  const root = mkdtempSync(join(tmpdir(), 'waterbridge-load-'));
  let api: Api | undefined;
  let interrupted = false;
  const onSignal = () => {
    interrupted = true;
    log('\nInterrupted: stopping the application…');
    void (api ? stopApi(api, root) : Promise.resolve()).finally(() => {
      rmSync(root, { recursive: true, force: true });
      process.exit(130);
    });
  };
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  const failures: string[] = [];
  try {
    const t = Date.now();
    api = await startApi(root);
    const pid = api.child.pid!;
    log(
      `Application (pid ${pid}, port ${api.port}, DATA_DIR ${api.dataDir}) ready in ${((Date.now() - t) / 1000).toFixed(1)} s (embedded servers, migrations, demo seed, index); RSS ${mb(memoryOf(pid).rss)} MB`,
    );
    const gql = client(api.port);

    const { work: prepared, adminToken, agencyToken } = await prepare(gql, DEMO_PASSWORD);
    const work: Workload = { ...prepared, port: api.port };
    const drained = await waitFor(
      'the preparation’s deliveries',
      async () => ((await deliveryCounts(gql, adminToken)).PENDING === 0 ? true : undefined),
      180_000,
    );
    log(
      `Deliveries of the preparation sent (none PENDING) after ${(drained.ms / 1000).toFixed(1)} s: ${JSON.stringify(await deliveryCounts(gql, adminToken))}`,
    );
    await unloaded(work, 20);
    log(`API RSS before the warm-up: ${mb(memoryOf(pid).rss)} MB`);
    const outputBefore = api.output().length;

    // Warm-up: the same mix, not counted, but its errors are reported (and fail the run).
    const warmup = await runMix(work, WARMUP_SECONDS);
    const warm = report(`Warm-up (${WARMUP_SECONDS} s, not part of the figures)`, warmup);
    if (warm.errors > 0) failures.push(`${warm.errors} errors during the warm-up`);
    const sentBefore = work.approvalsSent;
    const deliveriesBefore = await deliveryCounts(gql, adminToken);

    const metricsBefore = await scrapeMetrics(work.port);
    const start = memoryOf(pid);
    const cpuStart = cpuSample(pid);
    log(
      `\nAPI RSS at the start of the minute: ${mb(start.rss)} MB (peak so far ${mb(start.peak)} MB); approval queue ${work.queue.length}; deliveries ${JSON.stringify(deliveriesBefore)}`,
    );
    const series: number[] = [];
    const sampler = setInterval(() => series.push(mb(memoryOf(pid).rss)), 10_000);
    const measured = await runMix(work, DURATION_SECONDS);
    clearInterval(sampler);
    const cpuEnd = cpuSample(pid);
    const end = memoryOf(pid);
    const metricsAfter = await scrapeMetrics(work.port);
    const totals = report(`Measured (${DURATION_SECONDS} s)`, measured);
    const growth = ((end.rss - start.rss) / start.rss) * 100;
    log(
      `\nAPI RSS: start ${mb(start.rss)} MB, end ${mb(end.rss)} MB, growth ${growth >= 0 ? '+' : ''}${growth.toFixed(1)} % (limit < ${MAX_GROWTH_PERCENT} %); peak ${mb(end.peak)} MB; every 10 s: ${[mb(start.rss), ...series, mb(end.rss)].join(' → ')} MB`,
    );
    const usage = cpuBetween(cpuStart, cpuEnd);
    log(
      `CPU during the minute (% of one core): API ${usage.groups.api.toFixed(0)}, PostgreSQL ${usage.groups.postgres.toFixed(0)}, Meilisearch ${usage.groups.meilisearch.toFixed(0)}, ` +
        `benchmark (autocannon) ${usage.groups.bench.toFixed(0)}, other children ${usage.groups.other.toFixed(0)}; ` +
        `machine ${usage.machine.toFixed(0)} % of ${cpu.length} cores, of which processes outside this benchmark ${Math.max(0, usage.machine * cpu.length - Object.values(usage.groups).reduce((a, b) => a + b, 0)).toFixed(0)} % of one core`,
    );
    reportMetrics(metricsBefore, metricsAfter, measured);
    const approvals = measured.find((m) => m.operation === 'approveMatch')!;
    log(
      `Approvals: ${work.approvalsSent - sentBefore} taken from the queue in the minute (${approvals.tally.responses} answered within it), ${work.queue.length} left${work.queueExhausted ? `; QUEUE RAN OUT: ${work.queueExhausted} requests re-sent an approved match` : ''}`,
    );

    await sleep(SETTLE_SECONDS * 1000);
    const settled = memoryOf(pid);
    log(`API RSS ${SETTLE_SECONDS} s after the minute: ${mb(settled.rss)} MB`);

    // The approvals' fan-out: how far it got by the end of the minute, and how long the rest took.
    const atEnd = await deliveryCounts(gql, adminToken);
    log(`Deliveries (e-mail and webhook) ${SETTLE_SECONDS} s after the minute: ${JSON.stringify(atEnd)}`);
    const rest = await waitFor(
      'the approvals’ deliveries',
      async () => ((await deliveryCounts(gql, adminToken)).PENDING === 0 ? true : undefined),
      300_000,
    );
    const final = await deliveryCounts(gql, adminToken);
    log(`All deliveries sent ${(rest.ms / 1000 + SETTLE_SECONDS).toFixed(1)} s after the minute: ${JSON.stringify(final)}`);
    const mails = existsSync(join(api.dataDir, 'mail'))
      ? readdirSync(join(api.dataDir, 'mail')).filter((f) => f.endsWith('.eml')).length
      : 0;
    const inbox = async (token: string) =>
      (
        await gql<{ notifications: { totalCount: number; unreadCount: number } }>(
          '{ notifications(first: 1) { totalCount unreadCount } }',
          {},
          token,
        )
      ).notifications;
    log(
      `E-mails caught by the embedded mail catcher: ${mails}; in-app notifications of sinohydro@: ${JSON.stringify(await inbox(work.tokens.enterprise))}, of agency-af@: ${JSON.stringify(await inbox(agencyToken))}`,
    );
    log(`API RSS after the fan-out: ${mb(memoryOf(pid).rss)} MB`);

    const during = api
      .output()
      .slice(outputBefore)
      .split('\n')
      .filter((l) => l.trim());
    if (during.length > 0) {
      log(`The application logged ${during.length} lines during the load; the first ones:`);
      for (const line of during.slice(0, 8)) log(`  ${line.slice(0, 300)}`);
    } else log('The application logged nothing (LOG_LEVEL=warn) during the load.');

    if (totals.errors > 0)
      failures.push(
        `${totals.errors} errors in the measured minute (error rate ${((totals.errors / totals.requests) * 100).toFixed(2)} %)`,
      );
    if (work.queueExhausted > 0) failures.push('the approval queue ran out');
    if (!(growth < MAX_GROWTH_PERCENT))
      failures.push(`API resident memory grew by ${growth.toFixed(1)} % over the minute (limit < ${MAX_GROWTH_PERCENT} %)`);
  } finally {
    if (!interrupted) {
      const stopped = api ? await stopApi(api, root) : undefined;
      // A start that failed half-way may have left its servers behind.
      if (!api) for (const pid of processesMentioning(root)) process.kill(pid, 'SIGKILL');
      rmSync(root, { recursive: true, force: true });
      if (stopped)
        log(
          `\nStopped with SIGTERM in ${stopped.seconds.toFixed(1)} s (exit code ${stopped.exitCode}); left running: ${stopped.leftOver.length ? stopped.leftOver.join(', ') + ' (killed)' : 'nothing'}; ${root} removed: ${!existsSync(root)}`,
        );
      if (stopped && stopped.exitCode !== 0) failures.push(`the application exited with ${stopped.exitCode} on SIGTERM`);
      if (stopped && stopped.leftOver.length > 0) failures.push(`processes left running after SIGTERM: ${stopped.leftOver.join(', ')}`);
    }
  }
  if (failures.length > 0) {
    log(`\nFAILED: ${failures.join('; ')}`);
    return 1;
  }
  log('\nPASSED: error rate 0, memory growth under 10 %.');
  return 0;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof Error ? (error.stack ?? error.message) : error);
    process.exit(1);
  },
);
