import { Injectable, OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { ActivityEntity } from '../activities/activity.entity';
import { ActivityStatus } from '../activities/activity-status';
import { activityFacts } from '../activities/activity-notifications';
import { AppConfig } from '../config/app-config';
import { JobQueueService } from '../jobs/job-queue.service';
import { NotificationEventType } from '../notifications/notification-event-type';
import { NotificationOutboxService } from '../notifications/notification-outbox.service';
import { MeetingRequestEntity, MeetingSlotEntity } from './meeting.entity';
import { MeetingRequestStatus } from './meeting-status';
import { MeetingsService, snapshot } from './meetings.service';

export const MEETING_REMINDERS_QUEUE = 'meeting-reminders';

/**
 * Every minute: each placed meeting starting within MEETING_REMINDER_MINUTES (and not yet started) reminds both
 * organisations, once: the reminder is stamped on the request in the same transaction as its event.
 */
@Injectable()
export class MeetingRemindersJob implements OnModuleInit {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly jobs: JobQueueService,
    private readonly meetings: MeetingsService,
    private readonly notifications: NotificationOutboxService,
    private readonly config: AppConfig,
  ) {}

  onModuleInit(): void {
    this.jobs.register({
      name: MEETING_REMINDERS_QUEUE,
      options: { policy: 'stately', retryLimit: 3, expireInSeconds: 5 * 60 },
      handler: () => this.run().then(() => undefined),
      schedule: '* * * * *',
    });
  }

  /** One pass; returns how many meetings it reminded of. */
  async run(now = new Date()): Promise<number> {
    const horizon = new Date(now.getTime() + this.config.MEETING_REMINDER_MINUTES * 60_000);
    const due = await this.dataSource.manager
      .createQueryBuilder(MeetingRequestEntity, 'm')
      .innerJoin(MeetingSlotEntity, 's', 's.id = m.slotId')
      .innerJoin(ActivityEntity, 'a', 'a.id = m.activityId')
      .select('m.id', 'id')
      .where('m.status = :accepted', { accepted: MeetingRequestStatus.ACCEPTED })
      .andWhere('m.remindedAt IS NULL')
      .andWhere('s.startsAt > :now AND s.startsAt <= :horizon', { now, horizon })
      .andWhere('a.status IN (:...live)', { live: [ActivityStatus.OPEN, ActivityStatus.CLOSED, ActivityStatus.HELD] })
      .getRawMany<{ id: string }>();
    let reminded = 0;
    for (const { id } of due) {
      const sent = await this.dataSource.transaction(async (manager) => {
        const request = await manager.findOne(MeetingRequestEntity, { where: { id }, lock: { mode: 'pessimistic_write' } });
        if (!request || request.status !== MeetingRequestStatus.ACCEPTED || !request.slotId || request.remindedAt) return false;
        const [activity, slot] = await Promise.all([
          manager.findOneByOrFail(ActivityEntity, { id: request.activityId }),
          manager.findOneByOrFail(MeetingSlotEntity, { id: request.slotId }),
        ]);
        const people = await this.meetings.participants(manager, [request.requesterId, request.inviteeId]);
        const sides = [...new Set([request.requesterId, request.inviteeId].map((r) => people.get(r)!.organizationId))];
        await this.notifications.emit(manager, NotificationEventType.MEETING_REMINDER, {
          ...activityFacts(activity, { organizationIds: sides, userIds: [], coordinators: false }),
          meeting: snapshot(request, people, new Map([[slot.id, slot]])),
          minutesBefore: Math.round((slot.startsAt.getTime() - now.getTime()) / 60_000),
        });
        // A stamp, not a move: the version stays so nobody's answer is refused for it.
        await manager.update(MeetingRequestEntity, { id }, { remindedAt: now, version: request.version });
        return true;
      });
      if (sent) reminded += 1;
    }
    if (reminded > 0) this.notifications.nudge();
    return reminded;
  }
}
