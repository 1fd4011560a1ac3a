import { Injectable, OnModuleInit } from '@nestjs/common';
import { AppConfig } from '../config/app-config';
import { JobQueueService } from '../jobs/job-queue.service';
import { MatchingService } from '../matching/matching.service';
import { NeedStatus } from '../needs/need-status';
import { NotificationEventType } from '../notifications/notification-event-type';
import { NotificationOutboxService } from '../notifications/notification-outbox.service';
import { OrganizationEntity } from '../organizations/organization.entity';
import { MatchWorkflowService } from './match-workflow.service';
import { NEED_PUBLISHED_QUEUE } from '../needs/need-events';
import { NeedsRepository } from '../needs/needs.repository';

/** Candidates kept for review when a need is published. */
const SUGGESTED_ON_PUBLISH = 10;
/** Enterprises considered for an opportunity alert. */
const ALERT_CANDIDATES = 20;

/**
 * When a need is published (the job is enqueued in the publishing transaction): its best candidates go to the
 * review queue (coordinators are told), and enterprises whose match score reaches OPPORTUNITY_ALERT_MIN_SCORE get an
 * opportunity alert (members choose in-app, e-mail at once, or a daily/weekly digest). Retried with backoff while
 * Meilisearch is unreachable; re-running it adds nothing (matches are unique per pair, and the alerts commit in
 * the suggestions' transaction: they go out once, with the new suggestions, or not yet).
 */
@Injectable()
export class NeedPublishedJob implements OnModuleInit {
  constructor(
    private readonly needs: NeedsRepository,
    private readonly jobs: JobQueueService,
    private readonly matching: MatchingService,
    private readonly workflow: MatchWorkflowService,
    private readonly notifications: NotificationOutboxService,
    private readonly config: AppConfig,
  ) {}

  onModuleInit(): void {
    this.jobs.register({
      name: NEED_PUBLISHED_QUEUE,
      options: { retryLimit: 8, retryDelay: 5, retryBackoff: true, expireInSeconds: 5 * 60 },
      handler: async (jobs) => {
        for (const job of jobs) await this.run(job.data.needId);
      },
    });
  }

  /** Queues the job for the newest open needs (the demo's first start: its review queue starts with candidates). */
  async queueNewestOpen(count: number): Promise<number> {
    const needs = await this.needs.newestOpenIds(count);
    for (const id of needs) await this.jobs.send(NEED_PUBLISHED_QUEUE, { needId: id });
    return needs.length;
  }

  async run(needId: string): Promise<void> {
    const need = await this.matching.needOrFail(needId);
    if (need.status !== NeedStatus.OPEN) return;
    const ranked = await this.matching.rankEnterprises(need, ALERT_CANDIDATES);
    const fitting = ranked.filter((r) => r.result.score >= this.config.OPPORTUNITY_ALERT_MIN_SCORE);
    // The alerts commit with the suggestions: a crash between two transactions would lose them for good, as a retry
    // finds no new suggestion and so sends no alert. A retry after the commit finds nothing new and adds nothing.
    await this.workflow.addSuggestions(null, need, SUGGESTED_ON_PUBLISH, ranked, async (manager, added) => {
      if ((added.length === 0 && ranked.length > 0) || fitting.length === 0) return;
      const agency = await manager.findOneByOrFail(OrganizationEntity, { id: need.organizationId });
      for (const r of fitting) {
        await this.notifications.emit(manager, NotificationEventType.OPPORTUNITY_ALERT, {
          audience: { organizationIds: [r.organizationId], userIds: [], coordinators: false },
          needId: need.id,
          needTitle: need.title,
          countryCode: need.countryCode,
          agency: { organizationId: agency.id, nameEn: agency.nameEn, nameZh: agency.nameZh },
          score: r.result.score,
        });
      }
    });
  }
}
