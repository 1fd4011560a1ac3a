import { Injectable, Logger } from '@nestjs/common';
import { JobQueueService } from '../jobs/job-queue.service';
import { SearchRepository } from '../search/search.repository';
import { ObservabilityRepository } from '../observability/observability.repository';
import { shortReason, withTimeout } from '../observability/probes';

/** Each dependency gets this long; they are checked in parallel, so /ready answers within it. */
const CHECK_TIMEOUT_MS = 1_500;

export type CheckName = 'database' | 'search' | 'jobs';

export interface ReadinessReport {
  status: 'ready' | 'unavailable';
  /** `ok`, or what is wrong: `unreachable: <reason>`, `not started`. */
  checks: Record<CheckName, string>;
}

/**
 * Whether this instance can serve its traffic: PostgreSQL answers, Meilisearch answers its health check, and the job
 * queue is started with its schema readable. A failing check is logged when it starts failing and when it recovers,
 * not on every probe.
 */
@Injectable()
export class ReadinessService {
  private readonly logger = new Logger('Readiness');
  private readonly failing = new Set<CheckName>();

  constructor(
    private readonly probes: ObservabilityRepository,
    private readonly search: SearchRepository,
    private readonly jobs: JobQueueService,
  ) {}

  async check(): Promise<ReadinessReport> {
    const [database, search, jobs] = await Promise.all([
      this.run('database', () => this.probes.ping()),
      this.run('search', () => this.search.ping()),
      this.jobs.started ? this.run('jobs', () => this.probes.jobSchemaVersion()) : this.note('jobs', 'not started'),
    ]);
    const checks = { database, search, jobs };
    return { status: Object.values(checks).every((c) => c === 'ok') ? 'ready' : 'unavailable', checks };
  }

  private async run(name: CheckName, check: () => Promise<unknown>): Promise<string> {
    try {
      await withTimeout(check(), CHECK_TIMEOUT_MS);
      return this.note(name, 'ok');
    } catch (error) {
      return this.note(name, `unreachable: ${shortReason(error)}`);
    }
  }

  private note(name: CheckName, result: string): string {
    if (result === 'ok') {
      if (this.failing.delete(name)) this.logger.log(`${name} is ready again`);
    } else if (!this.failing.has(name)) {
      this.failing.add(name);
      this.logger.warn(`${name} is not ready: ${result}`);
    }
    return result;
  }
}
