import { Injectable, OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { AppConfig } from '../config/app-config';
import { JobQueueService } from '../jobs/job-queue.service';
import { NotificationEventType } from '../notifications/notification-event-type';
import { NotificationOutboxService } from '../notifications/notification-outbox.service';
import { MatchEntity } from './match.entity';
import { loadParties, matchPayload } from './match-parties';
import { MatchStatus, SideResponse } from './match-status';
import { MatchWorkflowService } from './match-workflow.service';
import { MatchesRepository } from './matches.repository';

export const MATCH_REMINDERS_QUEUE = 'match-reminders';
const DAY_MS = 24 * 3600_000;

/**
 * Introductions nobody answers: after MATCH_REMINDER_DAYS the silent side is reminded, after twice that the approving
 * coordinator, and after MATCH_EXPIRY_DAYS the match expires. Each step is stamped on the match in the same
 * transaction as its event, so every reminder goes out once. Runs every hour.
 */
@Injectable()
export class MatchRemindersJob implements OnModuleInit {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly jobs: JobQueueService,
    private readonly workflow: MatchWorkflowService,
    private readonly repository: MatchesRepository,
    private readonly notifications: NotificationOutboxService,
    private readonly config: AppConfig,
  ) {}

  onModuleInit(): void {
    this.jobs.register({
      name: MATCH_REMINDERS_QUEUE,
      options: { policy: 'stately', retryLimit: 3, expireInSeconds: 15 * 60 },
      handler: () => this.run().then(() => undefined),
      schedule: '17 * * * *',
    });
  }

  /** One pass; returns how many matches it acted on. */
  async run(now = new Date()): Promise<number> {
    const reminder = new Date(now.getTime() - this.config.MATCH_REMINDER_DAYS * DAY_MS);
    const escalation = new Date(now.getTime() - 2 * this.config.MATCH_REMINDER_DAYS * DAY_MS);
    const expiry = new Date(now.getTime() - this.config.MATCH_EXPIRY_DAYS * DAY_MS);
    const due = await this.repository.idsDueForReminder(reminder, escalation, expiry);
    for (const id of due) {
      await this.dataSource.transaction((manager) => this.act(manager, id, now, reminder, escalation, expiry));
    }
    if (due.length > 0) this.notifications.nudge();
    return due.length;
  }

  private async act(manager: EntityManager, id: string, now: Date, reminder: Date, escalation: Date, expiry: Date): Promise<void> {
    const match = await manager.findOne(MatchEntity, { where: { id }, lock: { mode: 'pessimistic_write' } });
    if (!match || match.status !== MatchStatus.INTRODUCED || !match.introducedAt) return;
    const parties = await loadParties(manager, match);
    const daysWaiting = Math.floor((now.getTime() - match.introducedAt.getTime()) / DAY_MS);

    if (match.introducedAt <= expiry) {
      await this.workflow.expireLocked(manager, match, `unanswered for ${daysWaiting} days`, now);
      return;
    }
    if (match.introducedAt <= escalation && !match.coordinatorRemindedAt) {
      const coordinator = match.approvedByUserId ? [match.approvedByUserId] : [];
      await this.notifications.emit(manager, NotificationEventType.MATCH_ESCALATED, {
        ...matchPayload(match, parties, { organizationIds: [], userIds: coordinator, coordinators: coordinator.length === 0 }),
        daysWaiting,
      });
      // Reminder stamps are not moves: they leave the version alone so nobody's answer is refused for them.
      await manager.update(MatchEntity, { id }, { coordinatorRemindedAt: now, version: match.version });
    }
    if (match.introducedAt <= reminder && !match.sideRemindedAt) {
      const silent = [
        ...(match.agencyResponse === SideResponse.PENDING ? [{ id: parties.agency.id, side: 'AGENCY' as const }] : []),
        ...(match.enterpriseResponse === SideResponse.PENDING ? [{ id: parties.enterprise.id, side: 'ENTERPRISE' as const }] : []),
      ];
      for (const side of silent) {
        await this.notifications.emit(manager, NotificationEventType.MATCH_REMINDER, {
          ...matchPayload(match, parties, { organizationIds: [side.id], userIds: [], coordinators: false }),
          side: side.side,
          daysWaiting,
        });
      }
      await manager.update(MatchEntity, { id }, { sideRemindedAt: now, version: match.version });
    }
  }
}
