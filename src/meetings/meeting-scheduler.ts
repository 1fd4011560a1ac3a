/**
 * The B2B meeting scheduler: which accepted 1:1 requests of an activity meet in which slot, at which table. Pure and
 * deterministic (same problem and seed → same schedule), no I/O. docs/MEETINGS.md ("The scheduler") explains the method
 * and why `placementUpperBound` is a valid bound.
 */

export interface SchedulingProblem {
  /** Time slots of the activity, in time order. Ids are unique. */
  slots: { id: string; startsAt: Date; endsAt: Date }[];
  /** Number of tables available in every slot (tables are interchangeable; numbered 1..tables). */
  tables: number;
  /** People who can meet. `unavailableSlotIds` are their breaks / arrival late / leaving early. */
  participants: { id: string; unavailableSlotIds: string[] }[];
  /** Accepted 1:1 meeting requests between two different participants. `priority` >= 0 (higher = more valuable, default 1). */
  requests: { id: string; participantIds: [string, string]; priority?: number }[];
  /** Meetings already fixed (e.g. placed in an earlier run and already on people's agendas): kept as they are when still valid. */
  pinned?: PlacedMeeting[];
}

export interface PlacedMeeting {
  requestId: string;
  slotId: string;
  table: number;
}

/**
 * Why a request has no meeting, as the final schedule stands:
 * - PARTICIPANT_UNAVAILABLE: there is no slot in which both people are available (breaks, late arrival, early leave);
 * - NO_COMMON_FREE_SLOT: in every slot where both are available, at least one of them already meets someone else;
 * - NO_TABLE_FREE: in some slot both are available and free, but every table of each such slot is taken.
 */
export type UnplacedReason = 'PARTICIPANT_UNAVAILABLE' | 'NO_COMMON_FREE_SLOT' | 'NO_TABLE_FREE';

export interface Schedule {
  /** In slot order, then table order. */
  placed: PlacedMeeting[];
  /** In the order of `problem.requests`. */
  unplaced: { requestId: string; reason: UnplacedReason }[];
}

export interface SchedulingOptions {
  /** Wall-clock cap of the search (default 3,000 ms); the search also stops after a fixed amount of work, see below. */
  timeBudgetMs?: number;
  /** Seed of the search's random choices (default 1). */
  seed?: number;
}

const NONE = -1;
const DEFAULT_TIME_BUDGET_MS = 3000;
/**
 * The search stops after `timeBudgetMs × STEPS_PER_MS` steps (one step: one attempt to place a meeting in a chain),
 * counted, not timed, so that the same input and seed give the same schedule on any machine. On the 2-vCPU machine of
 * the bench a step takes about 0.3 µs (the default 900,000 steps: 0.15–0.35 s for 2,000 requests), so the step budget
 * ends a search well inside its time budget; the wall clock only cuts in on a machine about ten times slower, and only
 * then can two runs with the same seed differ.
 */
const STEPS_PER_MS = 300;
/** How deep an ejection chain goes: the new meeting displaces some, which displace others, ... */
const CHAIN_DEPTH = 3;
/** Steps one attempt to place an unplaced request may spend on its chains. */
const STEPS_PER_ATTEMPT = 100;
/** When a slot is full, how many of its meetings are tried as the one to move out. */
const VICTIMS_TRIED = 3;
/** Full passes over the unplaced requests that may end without an improvement before the search stops. */
const IDLE_PASSES = 2;
/** The iterated local search stops after this many kicks in a row that found nothing better (or when the budget is spent). */
const KICKS_WITHOUT_GAIN = 20;

/** The problem with ids resolved to indices; built once, after validation. */
interface Model {
  slotIds: string[];
  requestIds: string[];
  slots: number;
  tables: number;
  participants: number;
  /** The two participants of each request. */
  first: Int32Array;
  second: Int32Array;
  weight: Float64Array;
  /** available[p * slots + s] = 1 when participant p can meet in slot s. */
  available: Uint8Array;
  /** Per request, the slots in which both of its participants are available, in time order. */
  common: Int32Array[];
  /** Per participant, its requests. */
  requestsOf: number[][];
  pins: { request: number; slot: number; table: number }[];
}

/** Checks the input and resolves ids; throws an Error naming the first problem found. */
function compile(problem: SchedulingProblem): Model {
  const fail = (message: string): never => {
    throw new Error(`Invalid scheduling problem: ${message}`);
  };
  const slotIndex = new Map<string, number>();
  let previousEnd = -Infinity;
  let previousId = '';
  for (const slot of problem.slots) {
    if (slotIndex.has(slot.id)) fail(`slot id "${slot.id}" appears twice`);
    const start = slot.startsAt instanceof Date ? slot.startsAt.getTime() : NaN;
    const end = slot.endsAt instanceof Date ? slot.endsAt.getTime() : NaN;
    if (!Number.isFinite(start) || !Number.isFinite(end)) fail(`slot "${slot.id}" has an invalid start or end`);
    if (end <= start) fail(`slot "${slot.id}" ends before it starts`);
    // One meeting per person per slot only prevents double booking when slots do not overlap.
    if (start < previousEnd)
      fail(`slot "${slot.id}" starts before slot "${previousId}" ends: slots must be in time order, without overlap`);
    slotIndex.set(slot.id, slotIndex.size);
    previousEnd = end;
    previousId = slot.id;
  }
  if (!Number.isInteger(problem.tables) || problem.tables < 0) fail(`tables must be a whole number >= 0, not ${problem.tables}`);
  const S = slotIndex.size;

  const participantIndex = new Map<string, number>();
  for (const participant of problem.participants) {
    if (participantIndex.has(participant.id)) fail(`participant id "${participant.id}" appears twice`);
    participantIndex.set(participant.id, participantIndex.size);
  }
  const available = new Uint8Array(participantIndex.size * S).fill(1);
  problem.participants.forEach((participant, p) => {
    for (const slotId of participant.unavailableSlotIds) {
      const s = slotIndex.get(slotId);
      if (s === undefined) return fail(`participant "${participant.id}" is unavailable in unknown slot "${slotId}"`);
      available[p * S + s] = 0;
    }
  });

  const R = problem.requests.length;
  const requestIndex = new Map<string, number>();
  const first = new Int32Array(R);
  const second = new Int32Array(R);
  const weight = new Float64Array(R);
  const common: Int32Array[] = [];
  const requestsOf: number[][] = Array.from({ length: participantIndex.size }, () => []);
  problem.requests.forEach((request, r) => {
    if (requestIndex.has(request.id)) fail(`request id "${request.id}" appears twice`);
    requestIndex.set(request.id, r);
    const [x, y] = request.participantIds;
    const a = participantIndex.get(x) ?? fail(`request "${request.id}" names unknown participant "${x}"`);
    const b = participantIndex.get(y) ?? fail(`request "${request.id}" names unknown participant "${y}"`);
    if (a === b) fail(`request "${request.id}" asks participant "${x}" to meet themself`);
    const priority = request.priority ?? 1;
    if (typeof priority !== 'number' || !Number.isFinite(priority) || priority < 0) {
      fail(`request "${request.id}" has priority ${String(priority)}: a priority is a finite number >= 0`);
    }
    first[r] = a;
    second[r] = b;
    weight[r] = priority;
    requestsOf[a].push(r);
    requestsOf[b].push(r);
    const slots: number[] = [];
    for (let s = 0; s < S; s++) if (available[a * S + s] && available[b * S + s]) slots.push(s);
    common.push(Int32Array.from(slots));
  });

  const pins: Model['pins'] = [];
  const pinnedRequests = new Set<number>();
  for (const pin of problem.pinned ?? []) {
    const r = requestIndex.get(pin.requestId) ?? fail(`a pinned meeting names unknown request "${pin.requestId}"`);
    const s = slotIndex.get(pin.slotId) ?? fail(`the pinned meeting of request "${pin.requestId}" names unknown slot "${pin.slotId}"`);
    if (!Number.isInteger(pin.table)) fail(`the pinned meeting of request "${pin.requestId}" has table ${pin.table}, not a whole number`);
    if (pinnedRequests.has(r)) fail(`request "${pin.requestId}" is pinned twice`);
    pinnedRequests.add(r);
    pins.push({ request: r, slot: s, table: pin.table });
  }

  return {
    slotIds: problem.slots.map((slot) => slot.id),
    requestIds: problem.requests.map((request) => request.id),
    slots: S,
    tables: problem.tables,
    participants: participantIndex.size,
    first,
    second,
    weight,
    available,
    common,
    requestsOf,
    pins,
  };
}

/** mulberry32: a small seeded generator, so that a seed gives the same schedule on every run. */
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

/** What the search maximises, in this order: placed weight, placed count, then fairness (a lower Σ meetings² per person). */
interface Score {
  weight: number;
  count: number;
  squares: number;
}

/**
 * The assignment of requests to slots while searching (tables come after: they are interchangeable), with an undo log
 * so that a chain of moves that does not pay off is taken back exactly.
 */
class Board {
  readonly slotOf: Int32Array;
  /** busy[p * slots + s]: the request participant p meets in slot s, or NONE. */
  readonly busy: Int32Array;
  readonly count: Int32Array;
  /** The requests placed in each slot (unordered), and each placed request's position in its slot's list. */
  readonly members: number[][];
  readonly position: Int32Array;
  readonly load: Int32Array;
  /** Valid pins: never moved. */
  readonly fixed: Uint8Array;
  weight = 0;
  placedCount = 0;
  squares = 0;
  /** Pairs (request, slot before the change); undo replays them backwards. */
  private readonly log: number[] = [];

  constructor(readonly m: Model) {
    this.slotOf = new Int32Array(m.requestIds.length).fill(NONE);
    this.busy = new Int32Array(m.participants * m.slots).fill(NONE);
    this.count = new Int32Array(m.slots);
    this.members = Array.from({ length: m.slots }, () => []);
    this.position = new Int32Array(m.requestIds.length).fill(NONE);
    this.load = new Int32Array(m.participants);
    this.fixed = new Uint8Array(m.requestIds.length);
  }

  score(): Score {
    return { weight: this.weight, count: this.placedCount, squares: this.squares };
  }

  /** Whether request r can go into slot s as things stand (both people free, a table left). */
  fits(r: number, s: number): boolean {
    const S = this.m.slots;
    return this.count[s] < this.m.tables && this.busy[this.m.first[r] * S + s] === NONE && this.busy[this.m.second[r] * S + s] === NONE;
  }

  mark(): number {
    return this.log.length;
  }

  place(r: number, s: number): void {
    this.log.push(r, NONE);
    this.put(r, s);
  }

  remove(r: number): void {
    this.log.push(r, this.slotOf[r]);
    this.take(r);
  }

  /** Takes back every change made since `mark`. */
  undo(mark: number): void {
    while (this.log.length > mark) {
      const before = this.log.pop()!;
      const r = this.log.pop()!;
      if (this.slotOf[r] !== NONE) this.take(r);
      if (before !== NONE) this.put(r, before);
    }
  }

  /** The requests taken out of a slot since `mark`, each with that slot (pairs: request, slot). */
  removedSince(mark: number): number[] {
    const removed: number[] = [];
    for (let i = mark; i < this.log.length; i += 2) if (this.log[i + 1] !== NONE) removed.push(this.log[i], this.log[i + 1]);
    return removed;
  }

  /** Puts every request back in the slot `slots` gives it (a copy of `slotOf`), without logging. */
  restore(slots: Int32Array): void {
    for (let r = 0; r < slots.length; r++) if (this.slotOf[r] !== slots[r] && this.slotOf[r] !== NONE) this.take(r);
    for (let r = 0; r < slots.length; r++) if (this.slotOf[r] !== slots[r]) this.put(r, slots[r]);
    this.commit();
  }

  /** Forgets the log (the changes are kept). */
  commit(): void {
    this.log.length = 0;
  }

  private put(r: number, s: number): void {
    const { first, second, slots } = this.m;
    this.slotOf[r] = s;
    this.busy[first[r] * slots + s] = r;
    this.busy[second[r] * slots + s] = r;
    this.count[s]++;
    this.position[r] = this.members[s].length;
    this.members[s].push(r);
    this.squares += 2 * this.load[first[r]] + 1 + 2 * this.load[second[r]] + 1;
    this.load[first[r]]++;
    this.load[second[r]]++;
    this.weight += this.m.weight[r];
    this.placedCount++;
  }

  private take(r: number): void {
    const { first, second, slots } = this.m;
    const s = this.slotOf[r];
    this.slotOf[r] = NONE;
    this.busy[first[r] * slots + s] = NONE;
    this.busy[second[r] * slots + s] = NONE;
    this.count[s]--;
    const list = this.members[s];
    const last = list.pop()!;
    if (last !== r) {
      list[this.position[r]] = last;
      this.position[last] = this.position[r];
    }
    this.position[r] = NONE;
    this.load[first[r]]--;
    this.load[second[r]]--;
    this.squares -= 2 * this.load[first[r]] + 1 + 2 * this.load[second[r]] + 1;
    this.weight -= this.m.weight[r];
    this.placedCount--;
  }
}

/** The search: a greedy start, then ejection chains that place unplaced requests by moving placed ones elsewhere. */
class Search {
  private readonly random: () => number;
  private steps = 0;
  private readonly maxSteps: number;
  private readonly deadline: number;
  private outOfTime = false;
  /** Requests placed by the chain being tried, which it must not move again (else it could go round in circles). */
  private readonly inChain: Uint8Array;
  private readonly chainStack: number[] = [];
  private attemptSteps = 0;
  /** Weights are sums of arbitrary reals: differences below this are rounding, not an improvement. */
  private readonly epsilon: number;
  /** All requests have the same priority: then dropping a meeting to place another never gains weight. */
  private readonly uniform: boolean;

  constructor(
    private readonly m: Model,
    private readonly board: Board,
    seed: number,
    timeBudgetMs: number,
  ) {
    this.random = seededRandom(seed);
    this.maxSteps = Math.max(0, timeBudgetMs) * STEPS_PER_MS;
    this.deadline = Date.now() + timeBudgetMs;
    this.inChain = new Uint8Array(m.requestIds.length);
    this.epsilon =
      1e-9 *
      Math.max(
        1,
        m.weight.reduce((a, b) => a + b, 0),
      );
    this.uniform = m.weight.every((w) => w === m.weight[0]);
  }

  private pick(n: number): number {
    return Math.floor(this.random() * n);
  }

  /** One step of work; false once the budget (steps, or the wall clock as a safety net) is spent. */
  private step(): boolean {
    this.steps++;
    this.attemptSteps++;
    if ((this.steps & 1023) === 0 && Date.now() > this.deadline) this.outOfTime = true;
    return !this.outOfTime && this.steps <= this.maxSteps && this.attemptSteps <= STEPS_PER_ATTEMPT;
  }

  private spent(): boolean {
    return this.outOfTime || this.steps >= this.maxSteps;
  }

  private better(a: Score, b: Score): boolean {
    if (a.weight > b.weight + this.epsilon) return true;
    if (a.weight < b.weight - this.epsilon) return false;
    if (a.count !== b.count) return a.count > b.count;
    return a.squares < b.squares;
  }

  /**
   * Greedy start: requests by priority, then the least served pair first (fewest meetings placed so far, for fairness),
   * then the most constrained (fewest common slots); each goes to the slot its two people are least asked for.
   */
  greedy(): void {
    const { m, board } = this;
    const S = m.slots;
    const R = m.requestIds.length;
    // demand[p * S + s]: requests of p not handled yet that could use slot s.
    const demand = new Int32Array(m.participants * S);
    const pending = (r: number, delta: number) => {
      for (const s of m.common[r]) {
        demand[m.first[r] * S + s] += delta;
        demand[m.second[r] * S + s] += delta;
      }
    };
    const tie = new Float64Array(R);
    const queued: number[] = [];
    for (let r = 0; r < R; r++) {
      tie[r] = this.random();
      if (board.slotOf[r] === NONE && m.common[r].length > 0) {
        queued.push(r);
        pending(r, 1);
      }
    }
    const served = (r: number) => board.load[m.first[r]] + board.load[m.second[r]];
    const key = new Int32Array(R);
    const before = (x: number, y: number) =>
      m.weight[x] !== m.weight[y]
        ? m.weight[x] > m.weight[y]
        : key[x] !== key[y]
          ? key[x] < key[y]
          : m.common[x].length !== m.common[y].length
            ? m.common[x].length < m.common[y].length
            : tie[x] < tie[y];
    const heap = new MinHeap(before);
    for (const r of queued) {
      key[r] = served(r);
      heap.push(r);
    }
    while (heap.size > 0) {
      const r = heap.pop();
      // Loads only grow: a request whose key went stale goes back with its new key.
      if (key[r] !== served(r)) {
        key[r] = served(r);
        heap.push(r);
        continue;
      }
      pending(r, -1);
      let best = NONE;
      let bestDemand = Infinity;
      const slots = m.common[r];
      const start = this.pick(slots.length);
      for (let k = 0; k < slots.length; k++) {
        const s = slots[(start + k) % slots.length];
        if (!board.fits(r, s)) continue;
        const d = demand[m.first[r] * S + s] + demand[m.second[r] * S + s];
        if (d < bestDemand) {
          bestDemand = d;
          best = s;
        }
      }
      if (best !== NONE) board.place(r, best);
    }
    board.commit();
  }

  /**
   * Passes over the unplaced requests (those of the people in `focus` only, when given), best first, trying to place
   * each by an ejection chain; stops when a few passes in a row improve nothing, or the budget is spent. `chains`
   * false: only swaps (used when the count is provably optimal, so only fairness can still improve).
   */
  improve(chains: boolean, focus?: Set<number>): void {
    const { m, board } = this;
    let idle = 0;
    while (idle < (focus ? 1 : IDLE_PASSES) && !this.spent()) {
      const unplaced: number[] = [];
      for (let r = 0; r < m.requestIds.length; r++) {
        if (board.slotOf[r] !== NONE || m.common[r].length === 0) continue;
        if (!focus || focus.has(m.first[r]) || focus.has(m.second[r])) unplaced.push(r);
      }
      if (unplaced.length === 0) return;
      // Higher priority first; otherwise a rotating start, so each pass tries them in a different order.
      const offset = this.pick(unplaced.length);
      const order = unplaced.map((r, i) => ({ r, i: (i - offset + unplaced.length) % unplaced.length }));
      order.sort((x, y) => m.weight[y.r] - m.weight[x.r] || x.i - y.i);
      let improved = false;
      for (const { r } of order) {
        if (this.spent()) return;
        if (board.slotOf[r] === NONE && this.tryInsert(r, chains ? CHAIN_DEPTH : 0)) improved = true;
      }
      idle = improved ? 0 : idle + 1;
    }
  }

  /**
   * Iterated local search, once the chains find nothing more: a kick forces a random unplaced request into one of its
   * slots (dropping what is in the way), the chains repair around it; the result is kept when it is at least as good
   * (a different schedule, as good, is a new place to search from), and the best one seen is returned.
   */
  explore(chains: boolean): void {
    const { m, board } = this;
    let best = board.score();
    let bestSlots = board.slotOf.slice();
    for (let idle = 0; idle < KICKS_WITHOUT_GAIN && !this.spent(); idle++) {
      const unplaced: number[] = [];
      for (let r = 0; r < m.requestIds.length; r++) if (board.slotOf[r] === NONE && m.common[r].length > 0) unplaced.push(r);
      if (unplaced.length === 0) break;
      const r = unplaced[this.pick(unplaced.length)];
      const s = m.common[r][this.pick(m.common[r].length)];
      const options = this.ejections(r, s);
      if (!options || options.length === 0) continue;
      const ejected = options[this.pick(options.length)];
      const focus = new Set([m.first[r], m.second[r]]);
      for (const e of ejected) {
        board.remove(e);
        focus.add(m.first[e]).add(m.second[e]);
      }
      board.place(r, s);
      board.commit();
      this.improve(chains, focus);
      const score = board.score();
      if (this.better(score, best)) {
        best = score;
        bestSlots = board.slotOf.slice();
        idle = -1;
      } else if (this.better(best, score)) board.restore(bestSlots);
    }
    board.restore(bestSlots);
  }

  /** Places every request that fits as things stand (so no unplaced request could simply be added). */
  fillGaps(): void {
    const { m, board } = this;
    for (let r = 0; r < m.requestIds.length; r++) {
      if (board.slotOf[r] !== NONE) continue;
      const s = m.common[r].find((slot) => board.fits(r, slot));
      if (s !== undefined) board.place(r, s);
    }
    board.commit();
  }

  /**
   * The meetings to move out of slot s to make room for r there: the meetings of r's two people in s, and, when s is
   * still full without them, one more of s's meetings (each option is one list). null when a pinned meeting is in the way.
   */
  private ejections(r: number, s: number): number[][] | null {
    const { m, board } = this;
    const S = m.slots;
    const x = board.busy[m.first[r] * S + s];
    let y = board.busy[m.second[r] * S + s];
    if (y === x) y = NONE;
    const blockers: number[] = [];
    for (const b of [x, y]) {
      if (b === NONE) continue;
      if (board.fixed[b] || this.inChain[b]) return null;
      blockers.push(b);
    }
    if (board.count[s] - blockers.length < m.tables) return [blockers];
    const list = board.members[s];
    const options: number[][] = [];
    const start = this.pick(list.length);
    for (let k = 0; k < list.length && options.length < VICTIMS_TRIED; k++) {
      const v = list[(start + k) % list.length];
      if (v === x || v === y || board.fixed[v] || this.inChain[v]) continue;
      options.push([...blockers, v]);
    }
    return options;
  }

  /**
   * Tries to place unplaced request r: in each of its slots, move out what is in the way, place r, then try to place
   * each displaced meeting elsewhere by a chain of at most `depth` further moves; displaced meetings that find no
   * place are dropped. Kept only when the score improves (more weight, or as much with more meetings, or as many
   * meetings spread more fairly), otherwise undone.
   */
  private tryInsert(r: number, depth: number): boolean {
    const { m, board } = this;
    const before = board.score();
    this.attemptSteps = 0;
    const slots = m.common[r];
    const start = this.pick(slots.length);
    for (let k = 0; k < slots.length; k++) {
      const s = slots[(start + k) % slots.length];
      const options = this.ejections(r, s);
      if (!options) continue;
      for (const ejected of options) {
        if (!this.step()) break;
        const mark = this.mark();
        for (const e of ejected) board.remove(e);
        this.placeInChain(r, s);
        if (depth > 0) {
          for (const e of ejected) this.relocate(e, depth - 1);
          this.refill(mark.log);
        }
        const improved = this.better(board.score(), before);
        if (improved) board.commit();
        else this.undo(mark);
        this.clearChain();
        if (improved) return true;
      }
    }
    return false;
  }

  private placeInChain(r: number, s: number): void {
    this.board.place(r, s);
    if (!this.inChain[r]) {
      this.inChain[r] = 1;
      this.chainStack.push(r);
    }
  }

  private mark(): { log: number; stamps: number } {
    return { log: this.board.mark(), stamps: this.chainStack.length };
  }

  /** Takes back the moves since `mark`, and forgets that the requests they placed were in the chain. */
  private undo(mark: { log: number; stamps: number }): void {
    this.board.undo(mark.log);
    while (this.chainStack.length > mark.stamps) this.inChain[this.chainStack.pop()!] = 0;
  }

  private clearChain(): void {
    this.undo({ log: this.board.mark(), stamps: 0 });
  }

  /**
   * Uses the room the chain since `mark` made: for each person a meeting was taken from, an unplaced request of theirs
   * is placed when a one-level chain finds it a slot, so that dropping one meeting can make room for two.
   */
  private refill(mark: number): void {
    const { m, board } = this;
    const removed = board.removedSince(mark);
    for (let i = 0; i < removed.length; i += 2) {
      const gone = removed[i];
      for (const person of [m.first[gone], m.second[gone]]) {
        for (const q of m.requestsOf[person]) {
          if (q !== gone && board.slotOf[q] === NONE && !this.inChain[q] && m.common[q].length > 0 && this.relocate(q, 1)) break;
        }
      }
    }
  }

  /**
   * Places displaced meeting r in another slot, moving others in turn (at most `depth` deep): first without dropping
   * anything; then, when priorities differ, also by dropping displaced meetings worth less than r in all. On failure
   * nothing changed.
   */
  private relocate(r: number, depth: number): boolean {
    const { m, board } = this;
    if (!this.step()) return false;
    const slots = m.common[r];
    const start = this.pick(slots.length);
    for (let k = 0; k < slots.length; k++) {
      const s = slots[(start + k) % slots.length];
      if (board.fits(r, s)) {
        this.placeInChain(r, s);
        return true;
      }
    }
    if (depth === 0) return false;
    for (const dropping of this.uniform ? [false] : [false, true]) {
      for (let k = 0; k < slots.length; k++) {
        const s = slots[(start + k) % slots.length];
        const options = this.ejections(r, s);
        if (!options) continue;
        for (const ejected of options) {
          if (!this.step()) return false;
          const mark = this.mark();
          for (const e of ejected) board.remove(e);
          this.placeInChain(r, s);
          let lost = 0;
          for (const e of ejected) {
            if (this.relocate(e, depth - 1)) continue;
            lost += dropping ? m.weight[e] : Infinity;
            if (!dropping) break;
          }
          if (lost === 0 || (dropping && lost < m.weight[r] - this.epsilon)) return true;
          this.undo(mark);
        }
      }
    }
    return false;
  }
}

/** A binary heap ordered by `before` (the first element is the one before all others). */
class MinHeap {
  private readonly items: number[] = [];
  constructor(private readonly before: (a: number, b: number) => boolean) {}

  get size(): number {
    return this.items.length;
  }

  push(item: number): void {
    const items = this.items;
    items.push(item);
    let i = items.length - 1;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (!this.before(items[i], items[parent])) break;
      [items[i], items[parent]] = [items[parent], items[i]];
      i = parent;
    }
  }

  pop(): number {
    const items = this.items;
    const top = items[0];
    const last = items.pop()!;
    if (items.length > 0) {
      items[0] = last;
      let i = 0;
      for (;;) {
        const l = 2 * i + 1;
        const r = l + 1;
        let best = i;
        if (l < items.length && this.before(items[l], items[best])) best = l;
        if (r < items.length && this.before(items[r], items[best])) best = r;
        if (best === i) break;
        [items[i], items[best]] = [items[best], items[i]];
        i = best;
      }
    }
    return top;
  }
}

/** Places the valid pins (in input order; a pin that clashes with an earlier one, or no longer fits, is not valid). */
function placePins(m: Model, board: Board, tableOf: Int32Array): void {
  const S = m.slots;
  const taken = new Set<string>();
  for (const pin of m.pins) {
    const { request: r, slot: s, table } = pin;
    const valid =
      table >= 1 &&
      table <= m.tables &&
      !taken.has(`${s} ${table}`) &&
      m.available[m.first[r] * S + s] === 1 &&
      m.available[m.second[r] * S + s] === 1 &&
      board.busy[m.first[r] * S + s] === NONE &&
      board.busy[m.second[r] * S + s] === NONE;
    if (!valid) continue;
    board.place(r, s);
    board.fixed[r] = 1;
    tableOf[r] = table;
    taken.add(`${s} ${table}`);
  }
  board.commit();
}

/**
 * Numbers the tables, slot by slot in time order: pins keep theirs; a meeting takes, when it is free, the table one of
 * its two people sat at in the previous slot (they stay put), and otherwise the lowest free table.
 */
function assignTables(m: Model, board: Board, tableOf: Int32Array): void {
  const S = m.slots;
  let previous = new Map<number, number>(); // participant → table in the previous slot
  for (let s = 0; s < S; s++) {
    const meetings = [...board.members[s]].sort((a, b) => a - b);
    const used = new Set<number>();
    for (const r of meetings) if (board.fixed[r]) used.add(tableOf[r]);
    const rest: number[] = [];
    for (const r of meetings) {
      if (board.fixed[r]) continue;
      const wish = [previous.get(m.first[r]), previous.get(m.second[r])].find((t) => t !== undefined && !used.has(t));
      if (wish === undefined) rest.push(r);
      else {
        tableOf[r] = wish;
        used.add(wish);
      }
    }
    let next = 1;
    for (const r of rest) {
      while (used.has(next)) next++;
      tableOf[r] = next;
      used.add(next);
    }
    previous = new Map();
    for (const r of meetings) {
      previous.set(m.first[r], tableOf[r]);
      previous.set(m.second[r], tableOf[r]);
    }
  }
}

function reasonFor(m: Model, board: Board, r: number): UnplacedReason {
  const S = m.slots;
  if (m.common[r].length === 0) return 'PARTICIPANT_UNAVAILABLE';
  const bothFree = [...m.common[r]].some((s) => board.busy[m.first[r] * S + s] === NONE && board.busy[m.second[r] * S + s] === NONE);
  return bothFree ? 'NO_TABLE_FREE' : 'NO_COMMON_FREE_SLOT';
}

/**
 * Places as many requests as it can (by priority weight, then by count), spreading meetings fairly (fewer meetings
 * per person first), keeping valid pins where they are. Throws an Error naming the problem on invalid input.
 */
export function scheduleMeetings(problem: SchedulingProblem, options: SchedulingOptions = {}): Schedule {
  const m = compile(problem);
  const board = new Board(m);
  const tableOf = new Int32Array(m.requestIds.length).fill(NONE);
  placePins(m, board, tableOf);
  const search = new Search(m, board, options.seed ?? 1, options.timeBudgetMs ?? DEFAULT_TIME_BUDGET_MS);
  search.greedy();
  // With equal priorities, reaching the upper bound proves the count optimal: only fairness swaps can still help.
  const uniform = m.weight.every((w) => w === m.weight[0]);
  const atBound = uniform && board.placedCount >= upperBound(m);
  search.improve(!atBound);
  search.explore(!atBound);
  search.fillGaps();
  assignTables(m, board, tableOf);

  const placed: PlacedMeeting[] = [];
  for (let s = 0; s < m.slots; s++) {
    const meetings = [...board.members[s]].sort((a, b) => tableOf[a] - tableOf[b]);
    for (const r of meetings) placed.push({ requestId: m.requestIds[r], slotId: m.slotIds[s], table: tableOf[r] });
  }
  const unplaced: Schedule['unplaced'] = [];
  for (let r = 0; r < m.requestIds.length; r++) {
    if (board.slotOf[r] === NONE) unplaced.push({ requestId: m.requestIds[r], reason: reasonFor(m, board, r) });
  }
  return { placed, unplaced };
}

// ---------------------------------------------------------------------------------------------------------------------
// The upper bound

/** Dinic's maximum flow on a small graph with integer capacities. */
class FlowNetwork {
  private readonly head: number[];
  private readonly to: number[] = [];
  private readonly capacity: number[] = [];
  private readonly next: number[] = [];
  private level: Int32Array;
  private cursor: Int32Array;

  constructor(private readonly nodes: number) {
    this.head = new Array<number>(nodes).fill(NONE);
    this.level = new Int32Array(nodes);
    this.cursor = new Int32Array(nodes);
  }

  add(from: number, to: number, capacity: number): void {
    if (capacity <= 0) return;
    this.to.push(to, from);
    this.capacity.push(capacity, 0);
    this.next.push(this.head[from], this.head[to]);
    this.head[from] = this.to.length - 2;
    this.head[to] = this.to.length - 1;
  }

  maxFlow(source: number, sink: number): number {
    let flow = 0;
    while (this.levels(source, sink)) {
      for (let v = 0; v < this.nodes; v++) this.cursor[v] = this.head[v];
      for (let pushed = this.push(source, sink, Infinity); pushed > 0; pushed = this.push(source, sink, Infinity)) flow += pushed;
    }
    return flow;
  }

  private levels(source: number, sink: number): boolean {
    this.level.fill(NONE);
    this.level[source] = 0;
    const queue = [source];
    for (let i = 0; i < queue.length; i++) {
      const v = queue[i];
      for (let e = this.head[v]; e !== NONE; e = this.next[e]) {
        if (this.capacity[e] > 0 && this.level[this.to[e]] === NONE) {
          this.level[this.to[e]] = this.level[v] + 1;
          queue.push(this.to[e]);
        }
      }
    }
    return this.level[sink] !== NONE;
  }

  private push(v: number, sink: number, limit: number): number {
    if (v === sink) return limit;
    for (; this.cursor[v] !== NONE; this.cursor[v] = this.next[this.cursor[v]]) {
      const e = this.cursor[v];
      const w = this.to[e];
      if (this.capacity[e] <= 0 || this.level[w] !== this.level[v] + 1) continue;
      const pushed = this.push(w, sink, Math.min(limit, this.capacity[e]));
      if (pushed > 0) {
        this.capacity[e] -= pushed;
        this.capacity[e ^ 1] += pushed;
        return pushed;
      }
    }
    return 0;
  }
}

/**
 * The maximum fractional b-matching of the requests (each request at most once, participant p in at most b(p)
 * meetings): half the maximum flow through the bipartite double cover (p on the left → q on the right, and q → p, for
 * each request p–q). It is at least any integral schedule's count.
 */
function fractionalMatching(participants: number, requests: number[], m: Model, b: (p: number) => number): number {
  const P = participants;
  const source = 2 * P;
  const sink = 2 * P + 1;
  const network = new FlowNetwork(2 * P + 2);
  for (let p = 0; p < P; p++) {
    network.add(source, p, b(p));
    network.add(P + p, sink, b(p));
  }
  for (const r of requests) {
    network.add(m.first[r], P + m.second[r], 1);
    network.add(m.second[r], P + m.first[r], 1);
  }
  return network.maxFlow(source, sink) / 2;
}

function upperBound(m: Model): number {
  const S = m.slots;
  const P = m.participants;
  const R = m.requestIds.length;
  const schedulable: number[] = [];
  for (let r = 0; r < R; r++) if (m.common[r].length > 0) schedulable.push(r);
  if (m.tables === 0 || schedulable.length === 0) return 0;

  // 1. People: nobody meets more often than the slots they are available in.
  const freeSlots = new Int32Array(P);
  for (let p = 0; p < P; p++) for (let s = 0; s < S; s++) freeSlots[p] += m.available[p * S + s];
  const byPeople = Math.floor(fractionalMatching(P, schedulable, m, (p) => freeSlots[p]));

  // 2. Slots: slot s holds at most min(tables, its fractional matching number) meetings (a matching among the requests
  // whose two people are available in s, hence at most ⌊people available / 2⌋); a request takes one slot among its
  // common ones. Maximum flow: request → its slots → capacity of the slot.
  const source = R + S;
  const sink = R + S + 1;
  const network = new FlowNetwork(R + S + 2);
  for (let s = 0; s < S; s++) {
    const inSlot = schedulable.filter((r) => m.available[m.first[r] * S + s] && m.available[m.second[r] * S + s]);
    if (inSlot.length === 0) continue;
    network.add(R + s, sink, Math.min(m.tables, Math.floor(fractionalMatching(P, inSlot, m, () => 1))));
  }
  for (const r of schedulable) {
    network.add(source, r, 1);
    for (const s of m.common[r]) network.add(r, R + s, 1);
  }
  const bySlots = network.maxFlow(source, sink);
  return Math.min(byPeople, bySlots);
}

/**
 * A valid upper bound on the number of requests any schedule can place: the smaller of (1) the maximum fractional
 * b-matching where each person meets at most once per slot they are available in, and (2) the maximum flow of
 * requests into their common slots, each slot capped at min(tables, the fractional matching number of the requests
 * possible in it). Throws on invalid input, like scheduleMeetings.
 */
export function placementUpperBound(problem: SchedulingProblem): number {
  return upperBound(compile(problem));
}

// ---------------------------------------------------------------------------------------------------------------------
// The checker: written from the problem's words, sharing nothing with the scheduler's bookkeeping.

/** Every way `schedule` breaks the rules of `problem`, in words; [] when it is valid. */
export function checkSchedule(problem: SchedulingProblem, schedule: Schedule): string[] {
  const violations: string[] = [];
  const slotIds = new Set(problem.slots.map((slot) => slot.id));
  const unavailable = new Map(problem.participants.map((p) => [p.id, new Set(p.unavailableSlotIds)]));
  const requests = new Map(problem.requests.map((request) => [request.id, request]));
  const canMeet = (person: string, slotId: string) => unavailable.has(person) && !unavailable.get(person)!.has(slotId);

  for (const request of problem.requests) {
    for (const person of request.participantIds) {
      if (!unavailable.has(person)) violations.push(`request ${request.id} names unknown participant ${person}`);
    }
    if (request.participantIds[0] === request.participantIds[1]) violations.push(`request ${request.id} pairs a participant with themself`);
  }

  const seen = new Map<string, number>();
  const count = (id: string) => seen.set(id, (seen.get(id) ?? 0) + 1);
  const tableTaken = new Set<string>();
  const personBusy = new Map<string, string>(); // `${slot} ${person}` → request
  const perSlot = new Map<string, number>();
  for (const meeting of schedule.placed) {
    count(meeting.requestId);
    const request = requests.get(meeting.requestId);
    if (!request) {
      violations.push(`placed meeting ${meeting.requestId} is not a request`);
      continue;
    }
    if (!slotIds.has(meeting.slotId)) violations.push(`request ${meeting.requestId} is placed in unknown slot ${meeting.slotId}`);
    if (!Number.isInteger(meeting.table) || meeting.table < 1 || meeting.table > problem.tables) {
      violations.push(`request ${meeting.requestId} sits at table ${meeting.table}, outside 1..${problem.tables}`);
    }
    const table = `${meeting.slotId} ${meeting.table}`;
    if (tableTaken.has(table)) violations.push(`table ${meeting.table} holds two meetings in slot ${meeting.slotId}`);
    tableTaken.add(table);
    perSlot.set(meeting.slotId, (perSlot.get(meeting.slotId) ?? 0) + 1);
    for (const person of request.participantIds) {
      if (!canMeet(person, meeting.slotId)) violations.push(`${person} meets in slot ${meeting.slotId} but is not available then`);
      const key = `${meeting.slotId} ${person}`;
      const other = personBusy.get(key);
      if (other !== undefined && other !== meeting.requestId) {
        violations.push(`${person} has two meetings in slot ${meeting.slotId} (${other}, ${meeting.requestId})`);
      }
      personBusy.set(key, meeting.requestId);
    }
  }
  for (const [slotId, n] of perSlot) {
    if (n > problem.tables) violations.push(`slot ${slotId} holds ${n} meetings for ${problem.tables} tables`);
  }
  for (const entry of schedule.unplaced) {
    count(entry.requestId);
    if (!requests.has(entry.requestId)) violations.push(`unplaced ${entry.requestId} is not a request`);
  }
  for (const request of problem.requests) {
    const n = seen.get(request.id) ?? 0;
    if (n !== 1) violations.push(`request ${request.id} appears ${n} times in the schedule (placed or unplaced), not once`);
  }

  // Each unplaced request's reason must be true of this schedule (which also means nothing unplaced could simply be added).
  const placedIds = new Set(schedule.placed.map((meeting) => meeting.requestId));
  for (const entry of schedule.unplaced) {
    const request = requests.get(entry.requestId);
    if (!request || placedIds.has(entry.requestId)) continue;
    const [x, y] = request.participantIds;
    const both = problem.slots.filter((slot) => canMeet(x, slot.id) && canMeet(y, slot.id));
    const free = both.filter((slot) => !personBusy.has(`${slot.id} ${x}`) && !personBusy.has(`${slot.id} ${y}`));
    const withTable = free.filter((slot) => (perSlot.get(slot.id) ?? 0) < problem.tables);
    const truth: UnplacedReason | 'FITS' =
      both.length === 0
        ? 'PARTICIPANT_UNAVAILABLE'
        : free.length === 0
          ? 'NO_COMMON_FREE_SLOT'
          : withTable.length === 0
            ? 'NO_TABLE_FREE'
            : 'FITS';
    if (truth === 'FITS') violations.push(`request ${entry.requestId} is unplaced but fits in slot ${withTable[0].id}`);
    else if (truth !== entry.reason) violations.push(`request ${entry.requestId} is unplaced for ${truth}, not ${entry.reason}`);
  }

  // A pin stays where it was when it is valid: its request and slot exist, its table is in 1..tables and free, both
  // people are available then, and no earlier valid pin takes either of them or its table in that slot.
  const pinnedPeople = new Set<string>();
  const pinnedTables = new Set<string>();
  for (const pin of problem.pinned ?? []) {
    const request = requests.get(pin.requestId);
    if (!request || !slotIds.has(pin.slotId)) continue;
    const people = request.participantIds.map((person) => `${pin.slotId} ${person}`);
    const table = `${pin.slotId} ${pin.table}`;
    const valid =
      Number.isInteger(pin.table) &&
      pin.table >= 1 &&
      pin.table <= problem.tables &&
      !pinnedTables.has(table) &&
      request.participantIds.every((person) => canMeet(person, pin.slotId)) &&
      people.every((key) => !pinnedPeople.has(key));
    if (!valid) continue;
    pinnedTables.add(table);
    people.forEach((key) => pinnedPeople.add(key));
    const kept = schedule.placed.some(
      (meeting) => meeting.requestId === pin.requestId && meeting.slotId === pin.slotId && meeting.table === pin.table,
    );
    if (!kept) violations.push(`pinned meeting ${pin.requestId} (slot ${pin.slotId}, table ${pin.table}) was valid but moved`);
  }
  return violations;
}
