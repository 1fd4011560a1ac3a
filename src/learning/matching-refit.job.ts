import { Injectable, OnModuleInit } from '@nestjs/common';
import { JobQueueService } from '../jobs/job-queue.service';
import { WeightsLearningService } from './weights-learning.service';

export const MATCHING_REFIT_QUEUE = 'matching-refit';

/**
 * Refits the matching weights every Monday at 03:17 UTC from the track records and the week's decisions
 * (WeightsLearningService): the new weights rank from then on only if they do not lose to the ones in force. Not run
 * at start: a refit reads every track record and asks stage 1 once per held-out project.
 */
@Injectable()
export class MatchingRefitJob implements OnModuleInit {
  constructor(
    private readonly jobs: JobQueueService,
    private readonly learning: WeightsLearningService,
  ) {}

  onModuleInit(): void {
    this.jobs.register({
      name: MATCHING_REFIT_QUEUE,
      options: { policy: 'stately', retryLimit: 1, expireInSeconds: 2 * 60 * 60 },
      handler: () => this.learning.learn({ learnedBy: 'schedule' }).then(() => undefined),
      schedule: '17 3 * * 1',
      runAtStart: false,
    });
  }
}
