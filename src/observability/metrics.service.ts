import { Injectable, Logger } from '@nestjs/common';
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';
import { ObservabilityRepository } from './observability.repository';
import { shortReason, withTimeout } from './probes';

export type OperationType = 'query' | 'mutation' | 'subscription' | 'unknown';
export type Outcome = 'ok' | 'error';
export type DeliveryOutcome = 'delivered' | 'failed' | 'dead';

/** Operation names are chosen by clients: past this many distinct ones, further names are counted as "other". */
const OPERATION_LABEL_LIMIT = 200;
export const GRAPHQL_NAME = /^[_A-Za-z][_0-9A-Za-z]{0,99}$/;
/** A scrape must answer even when the database is slow; a gauge that cannot be read keeps its last value. */
const PROBE_TIMEOUT_MS = 2_000;

/**
 * The Prometheus metrics of one application instance, on a registry of its own (not prom-client's global one), so
 * several instances can live in one process. Labels hold only bounded values: operation names (capped), queue names,
 * index names, channels, fixed outcomes. Gauges that describe the database (queue depth, outbox lag) are read when
 * scraped. docs/OBSERVABILITY.md lists every metric.
 */
@Injectable()
export class MetricsService {
  readonly registry = new Registry();
  private readonly logger = new Logger('Metrics');
  private readonly operations = new Set<string>();
  private readonly failingProbes = new Set<string>();
  private readonly graphql: Histogram<'operation' | 'type' | 'outcome'>;
  private readonly matching: Histogram<'kind'>;
  private readonly search: Histogram<'index' | 'operation' | 'outcome'>;
  private readonly jobFailures: Counter<'queue'>;
  private readonly deliveries: Counter<'channel' | 'outcome'>;

  constructor(probes: ObservabilityRepository) {
    const registers = [this.registry];
    collectDefaultMetrics({ register: this.registry, prefix: 'waterbridge_' });
    this.graphql = new Histogram({
      name: 'waterbridge_graphql_request_duration_seconds',
      help: 'Time to answer a GraphQL operation over HTTP, by operation name, type and outcome',
      labelNames: ['operation', 'type', 'outcome'],
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
      registers,
    });
    this.matching = new Histogram({
      name: 'waterbridge_match_duration_seconds',
      help: 'Time to rank enterprises for a need (candidates) or needs for an enterprise (opportunities)',
      labelNames: ['kind'],
      buckets: [0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
      registers,
    });
    this.search = new Histogram({
      name: 'waterbridge_search_duration_seconds',
      help: 'Time of a Meilisearch search or multi-search, by index (mixed: several) and outcome',
      labelNames: ['index', 'operation', 'outcome'],
      buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5],
      registers,
    });
    this.jobFailures = new Counter({
      name: 'waterbridge_job_failures_total',
      help: 'Jobs that failed in this process (handler threw, or a job was marked failed for a retry)',
      labelNames: ['queue'],
      registers,
    });
    this.deliveries = new Counter({
      name: 'waterbridge_notification_deliveries_total',
      help: 'Attempts to deliver an e-mail or webhook call: delivered, failed (will retry) or dead (gave up)',
      labelNames: ['channel', 'outcome'],
      registers,
    });
    const probe = this.probe.bind(this);
    new Gauge({
      name: 'waterbridge_job_queue_depth',
      help: 'Jobs waiting in each queue (created or waiting for a retry), read at scrape time',
      labelNames: ['queue'],
      registers,
      async collect() {
        const depths = await probe('job queue depth', () => probes.queueDepths());
        if (!depths) return;
        this.reset();
        for (const { queue, depth } of depths) this.set({ queue }, depth);
      },
    });
    new Gauge({
      name: 'waterbridge_search_index_sync_lag_seconds',
      help: 'Age of the oldest change not yet applied to the search indexes (0: in sync)',
      registers,
      async collect() {
        const lag = await probe('search index sync lag', () => probes.searchOutboxLagSeconds());
        if (lag !== undefined) this.set(lag);
      },
    });
    new Gauge({
      name: 'waterbridge_notification_outbox_lag_seconds',
      help: 'Age of the oldest notification event not yet fanned out (0: none waiting)',
      registers,
      async collect() {
        const lag = await probe('notification outbox lag', () => probes.notificationOutboxLagSeconds());
        if (lag !== undefined) this.set(lag);
      },
    });
  }

  get contentType(): string {
    return this.registry.contentType;
  }

  /** The text exposition format. */
  scrape(): Promise<string> {
    return this.registry.metrics();
  }

  observeOperation(name: string | null | undefined, type: OperationType, outcome: Outcome, seconds: number): void {
    this.graphql.observe({ operation: this.operationLabel(name), type, outcome }, seconds);
  }

  /** Times a ranking; failed ones (search down) are left out, they would only show the search timeout. */
  async timeMatch<T>(kind: 'candidates' | 'opportunities', rank: () => Promise<T>): Promise<T> {
    const end = this.matching.startTimer({ kind });
    const result = await rank();
    end();
    return result;
  }

  async timeSearch<T>(index: string, operation: 'search' | 'multi_search', request: () => Promise<T>): Promise<T> {
    const end = this.search.startTimer({ index, operation });
    try {
      const result = await request();
      end({ outcome: 'ok' });
      return result;
    } catch (error) {
      end({ outcome: 'error' });
      throw error;
    }
  }

  jobFailed(queue: string, count = 1): void {
    this.jobFailures.inc({ queue }, count);
  }

  notificationDelivery(channel: string, outcome: DeliveryOutcome): void {
    this.deliveries.inc({ channel: channel.toLowerCase(), outcome });
  }

  private operationLabel(name: string | null | undefined): string {
    if (!name) return 'anonymous';
    if (!GRAPHQL_NAME.test(name)) return 'invalid';
    if (this.operations.has(name)) return name;
    if (this.operations.size >= OPERATION_LABEL_LIMIT) return 'other';
    this.operations.add(name);
    return name;
  }

  /** Reads a gauge's value; a failure is logged once (until it reads again) and leaves the gauge as it was. */
  private async probe<T>(what: string, read: () => Promise<T>): Promise<T | undefined> {
    try {
      const value = await withTimeout(read(), PROBE_TIMEOUT_MS);
      if (this.failingProbes.delete(what)) this.logger.log(`${what} can be read again`);
      return value;
    } catch (error) {
      if (!this.failingProbes.has(what)) this.logger.warn(`Cannot read ${what} for /metrics: ${shortReason(error)}`);
      this.failingProbes.add(what);
      return undefined;
    }
  }
}
