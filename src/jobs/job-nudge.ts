import { Logger } from '@nestjs/common';
import { BareJobName } from './job-map';
import { JobQueueService } from './job-queue.service';

/**
 * Wakes a queue whose one job drains a table (an outbox): at most one waiting job (singleton key), and nudges made
 * while one is being sent collapse into a single follow-up. A lost nudge only delays the work until the queue's sweep.
 */
export class JobNudge {
  private readonly logger = new Logger('JobNudge');
  private sending?: Promise<void>;
  private again = false;

  constructor(
    private readonly jobs: JobQueueService,
    private readonly queue: BareJobName,
  ) {}

  nudge(): void {
    if (!this.jobs.started) return;
    if (this.sending) {
      this.again = true;
      return;
    }
    this.sending = this.jobs
      .send(this.queue, {}, { singletonKey: this.queue })
      .then(() => undefined)
      .catch((error: unknown) => this.logger.warn(`Could not nudge ${this.queue}: ${String(error)}`))
      .finally(() => {
        this.sending = undefined;
        if (this.again) {
          this.again = false;
          this.nudge();
        }
      });
  }
}
