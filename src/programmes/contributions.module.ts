import { Module } from '@nestjs/common';
import { AuditLogModule } from '../audit-log/audit-log.module';
import { MatchesModule } from '../matches/matches.module';
import { NeedsModule } from '../needs/needs.module';
import { NotificationsModule } from '../notifications/notifications.module';
import { OrganizationsModule } from '../organizations/organizations.module';
import { ProgrammesModule } from './programmes.module';

const SHARED = [AuditLogModule, OrganizationsModule, MatchesModule, NotificationsModule, NeedsModule, ProgrammesModule];

/**
 * What each kind of contribution (equipment donations, technical training) builds on: its audit trail and
 * notifications, its parties' organisations, the match it may be recorded on, and the loaders of what it was pledged
 * against (contribution-links.resolver.ts).
 */
@Module({ imports: SHARED, exports: SHARED })
export class ContributionsModule {}
