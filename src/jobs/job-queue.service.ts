import { BeforeApplicationShutdown, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import PgBoss from 'pg-boss';
import { EntityManager } from 'typeorm';
import { AppConfig, runsWorkers } from '../config/app-config';
import { withAdvisoryLock } from '../database/advisory-lock';
import { MetricsService } from '../observability/metrics.service';
import { BareJobName, JobName, JobPayloads } from './job-map';

/** Any fixed number, other than the migrations' lock. */
const QUEUE_SETUP_LOCK = 7_240_612;

export type JobHandler<T> = (jobs: PgBoss.Job<T>[]) => Promise<void>;

interface QueueDefinition<N extends JobName> {
  name: N;
  options: Omit<PgBoss.Queue, 'name'>;
  handler: JobHandler<JobPayloads[N]>;
  work?: PgBoss.WorkOptions;
  /**
   * Cron expression: the queue also gets a job on this schedule, and one at start (a sweep for nudges lost in a crash).
   * Those jobs carry nothing, so only a queue whose payload needs nothing may have one.
   */
  schedule?: N extends BareJobName ? string : never;
  /** Whether a scheduled queue also gets a job at start (default true); false for work too heavy to repeat at every start. */
  runAtStart?: boolean;
}

/** One job to insert: its queue's name and that queue's payload. */
export type JobInsert = {
  [N in JobName]: Omit<PgBoss.JobInsert<JobPayloads[N]>, 'name' | 'data'> & { name: N; data: JobPayloads[N] };
}[JobName];

/**
 * pg-boss on the application's own PostgreSQL (schema `pgboss`): durable jobs with retries. Modules register their
 * queues while the app initialises; once it is up, the queues are created and, in a process that runs workers
 * (APP_ROLE, WORKERS_ENABLED), their workers started. Sending works either way (an API process still enqueues). Each
 * job is fetched by one worker (pg-boss locks with SKIP LOCKED), so any number of worker processes run it once.
 */
@Injectable()
export class JobQueueService implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger('JobQueue');
  private readonly queues: QueueDefinition<JobName>[] = [];
  private boss?: PgBoss;

  constructor(
    private readonly config: AppConfig,
    private readonly metrics: MetricsService,
  ) {}

  register<N extends JobName>(definition: QueueDefinition<N>): void {
    this.queues.push(definition as unknown as QueueDefinition<JobName>);
  }

  get started(): boolean {
    return this.boss !== undefined;
  }

  async start(): Promise<void> {
    if (this.boss) return;
    const boss = new PgBoss({
      connectionString: this.config.DATABASE_URL,
      schema: 'pgboss',
      max: 4,
      application_name: 'waterbridge-jobs',
      // Also how soon the jobs of a crashed worker are noticed (once their expiry has passed) and retried.
      maintenanceIntervalSeconds: this.config.JOB_MAINTENANCE_INTERVAL_SECONDS,
    });
    boss.on('error', (error: Error) => this.logger.error(`pg-boss: ${error.message}`));
    // Instances starting together would create the same queues (tables) at once, and PostgreSQL can deadlock on that.
    await withAdvisoryLock(this.config.DATABASE_URL ?? '', QUEUE_SETUP_LOCK, async () => {
      await boss.start();
      for (const queue of this.queues) await boss.createQueue(queue.name, { ...queue.options, name: queue.name });
    });
    this.boss = boss;
    if (!runsWorkers(this.config)) return;
    for (const queue of this.queues) {
      await boss.work(
        queue.name,
        { pollingIntervalSeconds: 0.5, ...queue.work },
        this.counted(queue.name, queue.handler as JobHandler<object>),
      );
      if (queue.schedule) {
        await withAdvisoryLock(this.config.DATABASE_URL ?? '', QUEUE_SETUP_LOCK, () =>
          boss.schedule(queue.name, queue.schedule as string, {}, { singletonKey: queue.name }),
        );
        if (queue.runAtStart !== false) await boss.send(queue.name, {}, { singletonKey: queue.name });
      }
    }
  }

  async onApplicationBootstrap(): Promise<void> {
    await this.start();
  }

  /** Enqueue a job; resolves to its id, or null when a singleton of that key is already waiting. */
  async send<N extends JobName>(name: N, data: JobPayloads[N], options: PgBoss.SendOptions = {}): Promise<string | null> {
    if (!this.boss) throw new Error('The job queue is not started');
    return this.boss.send(name, data, options);
  }

  /**
   * Enqueues several jobs in one statement. Given the `manager` of the caller's transaction, they exist if and only if
   * that transaction commits — an outbox and its jobs cannot drift apart.
   */
  async insert(jobs: JobInsert[], manager?: EntityManager): Promise<void> {
    if (!this.boss) throw new Error('The job queue is not started');
    if (jobs.length === 0) return;
    const db = manager && {
      executeSql: async (text: string, values: unknown[]) => ({ rows: await manager.query<unknown[]>(text, values) }),
    };
    await this.boss.insert(jobs, db ? { db } : {});
  }

  /** Marks one job of a batch failed (the queue retries it per its policy); the others complete when the handler returns. */
  async fail(name: JobName, id: string, error: string): Promise<void> {
    if (!this.boss) throw new Error('The job queue is not started');
    await this.boss.fail(name, id, { message: error });
    this.metrics.jobFailed(name);
  }

  /** A handler that throws fails its whole batch (pg-boss retries each job): counted per job for the failure metric. */
  private counted<T>(queue: string, handler: JobHandler<T>): JobHandler<T> {
    return async (jobs) => {
      try {
        await handler(jobs);
      } catch (error) {
        this.metrics.jobFailed(queue, jobs.length);
        throw error;
      }
    };
  }

  /** Before the database connections close, so a running job finishes (or rolls back) cleanly. */
  async beforeApplicationShutdown(): Promise<void> {
    const boss = this.boss;
    this.boss = undefined;
    // A job cut short leaves its outbox rows in place (its transaction rolls back): the next start applies them.
    await boss?.stop({ graceful: true, wait: true, timeout: 3_000 });
  }
}
