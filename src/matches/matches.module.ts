import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditLogModule } from '../audit-log/audit-log.module';
import { MatchingModule } from '../matching/matching.module';
import { NeedsModule } from '../needs/needs.module';
import { NotificationsModule } from '../notifications/notifications.module';
import { OrganizationsModule } from '../organizations/organizations.module';
import { SearchModule } from '../search/search.module';
import { UsersModule } from '../users/users.module';
import { MatchEntity } from './match.entity';
import { MatchLoaders } from './match.loaders';
import { MatchOutcomeRepository } from './match-outcome.repository';
import { MatchRemindersJob } from './match-reminders.job';
import { MatchWorkflowService } from './match-workflow.service';
import { MatchesResolver } from './matches.resolver';
import { MatchesRepository } from './matches.repository';
import { MatchesService } from './matches.service';
import { NeedClosedJob } from './need-closed.job';
import { MatchStatisticsResolver } from './statistics/match-statistics.resolver';
import { MatchStatisticsService } from './statistics/match-statistics.service';
import { NeedPublishedJob } from './need-published.job';

/** Persisted matches and the coordinators' workflow: review queue, approval, introductions, answers, outcomes. */
@Module({
  imports: [
    TypeOrmModule.forFeature([MatchEntity]),
    AuditLogModule,
    MatchingModule,
    NeedsModule,
    NotificationsModule,
    OrganizationsModule,
    UsersModule,
    SearchModule,
  ],
  providers: [
    MatchesService,
    MatchesRepository,
    MatchWorkflowService,
    MatchOutcomeRepository,
    MatchLoaders,
    MatchesResolver,
    MatchRemindersJob,
    NeedPublishedJob,
    NeedClosedJob,
    MatchStatisticsService,
    MatchStatisticsResolver,
  ],
  exports: [MatchWorkflowService, MatchLoaders],
})
export class MatchesModule {}
