import { cpus, totalmem } from 'node:os';
import { checkSchedule, placementUpperBound, scheduleMeetings, SchedulingProblem } from '../src/meetings/meeting-scheduler';

/**
 * npm run bench:meetings — the B2B meeting scheduler on a generated activity: 300 participants (120 agencies and
 * centres, 180 enterprises), 2,000 accepted requests (mostly enterprise → agency, a few popular participants asked a
 * lot), 16 slots of 25 minutes with a lunch break for most people and some late arrivals and early leaves. Two
 * scenarios: 40 tables (16 × 40 = 640 table-slots for 2,000 requests: the tables bind) and 150 tables (they do not:
 * people's own time binds). Five problems per scenario (generator seeds 1..5), each scheduled once with the
 * scheduler's default seed and time budget; the second scenario again with equal priorities, where placing the most
 * meetings is the whole objective. Prints figures; exits 1 when a schedule breaks a rule.
 */
const PARTICIPANTS = { agencies: 120, enterprises: 180 };
const REQUESTS = 2000;
const SLOTS = 16;
const RUNS = 5;
const SCENARIOS = [
  { name: 'tables bind', tables: 40, priorities: true },
  { name: 'tables do not bind', tables: 150, priorities: true },
  // The same problems with every priority 1: the gap to the bound that is left is the search's and the bound's.
  { name: 'tables do not bind, equal priorities', tables: 150, priorities: false },
];

const log = (message: string) => console.log(message);

function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Picks an index with probability ∝ 1 / (rank + 1)^exponent: a few participants are asked far more than the rest. */
function skewedPicker(n: number, exponent: number, random: () => number): () => number {
  const cumulative: number[] = [];
  let total = 0;
  for (let i = 0; i < n; i++) cumulative.push((total += 1 / Math.pow(i + 1, exponent)));
  return () => {
    const x = random() * total;
    let lo = 0;
    let hi = n - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cumulative[mid] < x) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
}

function shuffled<T>(items: T[], random: () => number): T[] {
  const copy = [...items];
  for (let i = copy.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [copy[i], copy[j]] = [copy[j], copy[i]];
  }
  return copy;
}

/** One activity day: 16 slots of 25 minutes from 09:00 (UTC+8), three of them around lunch. */
function generateProblem(seed: number, tables: number): SchedulingProblem {
  const random = seededRandom(seed);
  const day = Date.UTC(2026, 5, 10, 1, 0); // 09:00 in Beijing
  const slots = Array.from({ length: SLOTS }, (_, i) => ({
    id: `slot-${i + 1}`,
    startsAt: new Date(day + i * 30 * 60_000),
    endsAt: new Date(day + i * 30 * 60_000 + 25 * 60_000),
  }));
  const lunch = [6, 7, 8]; // 12:00, 12:30, 13:00
  const agencies = Array.from({ length: PARTICIPANTS.agencies }, (_, i) => `agency-${i + 1}`);
  const enterprises = Array.from({ length: PARTICIPANTS.enterprises }, (_, i) => `enterprise-${i + 1}`);
  const participants = [...agencies, ...enterprises].map((id) => {
    const off = new Set<number>();
    // Most people take one lunch slot, the middle one more often.
    if (random() < 0.85) off.add(lunch[random() < 0.5 ? 1 : random() < 0.5 ? 0 : 2]);
    const late = random();
    if (late < 0.12) for (let s = 0; s < 1 + Math.floor(random() * 4); s++) off.add(s);
    const early = random();
    if (early < 0.12) for (let s = 0; s < 1 + Math.floor(random() * 4); s++) off.add(SLOTS - 1 - s);
    // A few come for half a day only.
    if (random() < 0.05) for (let s = 0; s < SLOTS / 2; s++) off.add(random() < 0.5 ? s : SLOTS - 1 - s);
    return { id, unavailableSlotIds: [...off].sort((a, b) => a - b).map((s) => slots[s].id) };
  });

  // Popularity: a random order of each side, then a skewed pick (the first few of the order are asked a lot).
  const popularAgencies = shuffled(agencies, random);
  const popularEnterprises = shuffled(enterprises, random);
  const pickAgency = skewedPicker(agencies.length, 0.5, random);
  const pickEnterprise = skewedPicker(enterprises.length, 0.5, random);
  const anyEnterprise = skewedPicker(enterprises.length, 0.2, random);
  const anyAgency = skewedPicker(agencies.length, 0.2, random);
  const pairs = new Set<string>();
  const requests: SchedulingProblem['requests'] = [];
  while (requests.length < REQUESTS) {
    const kind = random();
    // 85% an enterprise asks an agency, 10% an enterprise asks an enterprise (consortia), 5% agency to agency.
    const [x, y] =
      kind < 0.85
        ? [enterprises[anyEnterprise()], popularAgencies[pickAgency()]]
        : kind < 0.95
          ? [enterprises[anyEnterprise()], popularEnterprises[pickEnterprise()]]
          : [agencies[anyAgency()], popularAgencies[pickAgency()]];
    const key = x < y ? `${x} ${y}` : `${y} ${x}`;
    if (x === y || pairs.has(key)) continue;
    pairs.add(key);
    // One request in five is marked important by both sides.
    requests.push({ id: `request-${requests.length + 1}`, participantIds: [x, y], priority: random() < 0.2 ? 2 : 1 });
  }
  return { slots, tables, participants, requests };
}

interface Row {
  requests: number;
  bound: number;
  placed: number;
  rate: number;
  ms: number;
}

function main(): void {
  log(`Machine: ${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, ${(totalmem() / 2 ** 30).toFixed(0)} GB, Node ${process.version}`);
  log(
    `Activity: ${PARTICIPANTS.agencies + PARTICIPANTS.enterprises} participants (${PARTICIPANTS.agencies} agencies, ` +
      `${PARTICIPANTS.enterprises} enterprises), ${REQUESTS} requests (20% priority 2), ${SLOTS} slots; ` +
      `${RUNS} problems per scenario (generator seeds 1..${RUNS}), scheduler seed 1, time budget 3,000 ms`,
  );
  let peakHeap = 0;
  let broken = 0;
  for (const scenario of SCENARIOS) {
    log('');
    log(`Scenario: ${scenario.tables} tables (${scenario.name}; ${SLOTS * scenario.tables} table-slots)`);
    log('run  requests  bound  placed   rate  schedule ms  bound ms  Σ priority  people asked, with no meeting  min/median meetings');
    const rows: Row[] = [];
    for (let run = 1; run <= RUNS; run++) {
      const generated = generateProblem(run, scenario.tables);
      const problem: SchedulingProblem = scenario.priorities
        ? generated
        : { ...generated, requests: generated.requests.map(({ id, participantIds }) => ({ id, participantIds })) };
      let started = process.hrtime.bigint();
      const bound = placementUpperBound(problem);
      const boundMs = Number(process.hrtime.bigint() - started) / 1e6;
      started = process.hrtime.bigint();
      const schedule = scheduleMeetings(problem);
      const ms = Number(process.hrtime.bigint() - started) / 1e6;
      peakHeap = Math.max(peakHeap, process.memoryUsage().heapUsed);
      const violations = checkSchedule(problem, schedule);
      if (violations.length) {
        broken++;
        log(`  run ${run}: ${violations.length} violations, first: ${violations[0]}`);
      }
      // Fairness: among the people with at least one request, how many got nothing, and the spread of meetings.
      const asked = new Map<string, number>();
      for (const request of problem.requests) for (const person of request.participantIds) asked.set(person, 0);
      const byId = new Map(problem.requests.map((request) => [request.id, request]));
      let weight = 0;
      for (const meeting of schedule.placed) {
        const request = byId.get(meeting.requestId)!;
        weight += request.priority ?? 1;
        for (const person of request.participantIds) asked.set(person, asked.get(person)! + 1);
      }
      const counts = [...asked.values()].sort((a, b) => a - b);
      const row = { requests: problem.requests.length, bound, placed: schedule.placed.length, rate: schedule.placed.length / bound, ms };
      rows.push(row);
      log(
        `${String(run).padStart(3)}  ${String(row.requests).padStart(8)}  ${String(bound).padStart(5)}  ${String(row.placed).padStart(6)}  ` +
          `${(100 * row.rate).toFixed(1).padStart(5)}%  ${ms.toFixed(0).padStart(11)}  ${boundMs.toFixed(0).padStart(8)}  ${String(weight).padStart(10)}  ` +
          `${String(counts.filter((c) => c === 0).length).padStart(29)}  ${counts[0]}/${counts[counts.length >> 1]}`,
      );
    }
    const mean = (f: (row: Row) => number) => rows.reduce((sum, row) => sum + f(row), 0) / rows.length;
    const min = (f: (row: Row) => number) => Math.min(...rows.map(f));
    const max = (f: (row: Row) => number) => Math.max(...rows.map(f));
    log(
      `mean: rate ${(100 * mean((r) => r.rate)).toFixed(1)}%, ${mean((r) => r.ms).toFixed(0)} ms; ` +
        `min rate ${(100 * min((r) => r.rate)).toFixed(1)}%; max time ${max((r) => r.ms).toFixed(0)} ms`,
    );
  }
  log('');
  log(
    `Peak heap used (sampled after each run): ${(peakHeap / 2 ** 20).toFixed(0)} MB; ` +
      `peak resident set: ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB`,
  );
  if (broken) {
    log(`${broken} schedules broke a rule`);
    process.exitCode = 1;
  }
}

main();
