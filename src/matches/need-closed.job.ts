import { Injectable, OnModuleInit } from '@nestjs/common';
import { JobQueueService } from '../jobs/job-queue.service';
import { MatchWorkflowService } from './match-workflow.service';
import { NEED_CLOSED_QUEUE } from '../needs/need-events';

/**
 * When a need stops taking introductions (withdrawn, closed, or matched), its matches that can no longer go anywhere
 * are withdrawn, so the review queue never offers them and introduced sides are not left waiting (the job is enqueued
 * in the transaction that moved the need; MatchWorkflowService.closeForNeed says which matches). Re-running it finds nothing.
 */
@Injectable()
export class NeedClosedJob implements OnModuleInit {
  constructor(
    private readonly jobs: JobQueueService,
    private readonly workflow: MatchWorkflowService,
  ) {}

  onModuleInit(): void {
    this.jobs.register({
      name: NEED_CLOSED_QUEUE,
      options: { retryLimit: 8, retryDelay: 5, retryBackoff: true, expireInSeconds: 5 * 60 },
      handler: async (jobs) => {
        for (const job of jobs) await this.workflow.closeForNeed(job.data.needId, job.data.reason);
      },
    });
  }
}
