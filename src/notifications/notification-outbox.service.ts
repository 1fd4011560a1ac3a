import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { JobNudge } from '../jobs/job-nudge';
import { JobQueueService } from '../jobs/job-queue.service';
import { NotificationEventEntity } from './notification-event.entity';
import { NotificationEventType } from './notification-event-type';
import { NotificationPayloads } from './notification-payload';

export const NOTIFICATION_FANOUT_QUEUE = 'notification-fanout';

/**
 * Notifications enter here: `emit()` writes the event inside the caller's transaction, so an event exists if and
 * only if the change it reports was committed. After the commit, `nudge()` wakes the fan-out job; a lost nudge
 * only delays the event until the job's sweep (every minute).
 */
@Injectable()
export class NotificationOutboxService {
  private readonly nudger: JobNudge;

  constructor(jobs: JobQueueService) {
    this.nudger = new JobNudge(jobs, NOTIFICATION_FANOUT_QUEUE);
  }

  async emit<T extends NotificationEventType>(manager: EntityManager, type: T, payload: NotificationPayloads[T]): Promise<void> {
    await manager.insert(NotificationEventEntity, { type, payload });
  }

  nudge(): void {
    this.nudger.nudge();
  }
}
