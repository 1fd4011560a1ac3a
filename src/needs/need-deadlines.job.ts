import { Injectable, OnModuleInit } from '@nestjs/common';
import { JobQueueService } from '../jobs/job-queue.service';
import { IndexedKind } from '../search-outbox/search-outbox.entity';
import { SearchOutboxService } from '../search-outbox/search-outbox.service';
import { NeedEntity } from './need.entity';
import { NEED_CLOSED_QUEUE } from './need-events';
import { NeedsRepository } from './needs.repository';
import { NeedStatus, RECRUITING_NEED_STATUSES } from './need-status';

export const NEED_DEADLINES_QUEUE = 'need-deadlines';

/** Today's date in UTC, the form deadlines are stored in (YYYY-MM-DD). */
export const todayUtc = (now = new Date()): string => now.toISOString().slice(0, 10);

/**
 * A need whose deadline has passed stops taking candidates: once the day after its deadline begins (UTC) it is CLOSED,
 * leaves search as an open need, and its matches short of ENGAGED are withdrawn with the reason (the need-closed job,
 * enqueued in the same transaction). Engaged pairs go on to record their outcome. Runs every hour.
 */
@Injectable()
export class NeedDeadlinesJob implements OnModuleInit {
  constructor(
    private readonly needs: NeedsRepository,
    private readonly jobs: JobQueueService,
    private readonly outbox: SearchOutboxService,
  ) {}

  onModuleInit(): void {
    this.jobs.register({
      name: NEED_DEADLINES_QUEUE,
      options: { policy: 'stately', retryLimit: 3, expireInSeconds: 15 * 60 },
      handler: () => this.run().then(() => undefined),
      schedule: '7 * * * *',
    });
  }

  /** One pass; returns the needs it closed. */
  async run(now = new Date()): Promise<string[]> {
    const today = todayUtc(now);
    const closed: string[] = [];
    // One transaction per need, each re-checked under its row lock: an agency closing it meanwhile wins cleanly.
    const due = await this.needs.idsRecruitingPastDeadline(today);
    for (const id of due) {
      await this.outbox.transaction(async (manager) => {
        const need = await manager.findOne(NeedEntity, { where: { id }, lock: { mode: 'pessimistic_write' } });
        if (!need || !RECRUITING_NEED_STATUSES.includes(need.status) || !need.deadline || need.deadline >= today) return;
        need.status = NeedStatus.CLOSED;
        await manager.save(need);
        await this.outbox.record(manager, IndexedKind.Need, [id]);
        const reason = `The need's deadline (${need.deadline}) passed`;
        await this.jobs.insert([{ name: NEED_CLOSED_QUEUE, data: { needId: id, reason } }], manager);
        closed.push(id);
      });
    }
    return closed;
  }
}
