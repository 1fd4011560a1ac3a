import { DynamicModule, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AccessModule } from './access/access.module';
import { AllianceReportsModule } from './alliance-reports/alliance-reports.module';
import { AuthModule } from './auth/auth.module';
import { CapabilitiesModule } from './capabilities/capabilities.module';
import { AppConfig, servesApi } from './config/app-config';
import { ConfigModule } from './config/config.module';
import { appDataSourceOptions } from './entities';
import { DemoSeedModule } from './demo/demo-seed.module';
import { GraphQLModule } from './graphql/graphql.module';
import { JobsModule } from './jobs/jobs.module';
import { ImportsModule } from './imports/imports.module';
import { MatchingModule } from './matching/matching.module';
import { LearningModule } from './learning/learning.module';
import { NeedsModule } from './needs/needs.module';
import { OrganizationsModule } from './organizations/organizations.module';
import { ActivitiesModule } from './activities/activities.module';
import { DonationsModule } from './donations/donations.module';
import { TrainingModule } from './training/training.module';
import { MeetingsModule } from './meetings/meetings.module';
import { ProgrammesModule } from './programmes/programmes.module';
import { ReferenceDataModule } from './reference-data/reference-data.module';
import { ReferenceProjectsModule } from './reference-projects/reference-projects.module';
import { SearchModule } from './search/search.module';
import { SearchOutboxModule } from './search-outbox/search-outbox.module';
import { UsersModule } from './users/users.module';
import { AuditModule } from './audit/audit.module';
import { MatchesModule } from './matches/matches.module';
import { NotificationsModule } from './notifications/notifications.module';
import { ObservabilityModule } from './observability/observability.module';
import { HealthModule } from './health/health.module';

@Module({})
export class AppModule {
  /** `config` must already point at running servers (see main.ts). */
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: AppModule,
      imports: [
        ConfigModule.forRoot(config),
        TypeOrmModule.forRoot(appDataSourceOptions(config.DATABASE_URL ?? '')),
        ObservabilityModule,
        AccessModule,
        JobsModule,
        SearchOutboxModule,
        SearchModule,
        HealthModule,
        // A worker process serves no GraphQL (its HTTP port answers health and metrics only).
        ...(servesApi(config) ? [GraphQLModule] : []),
        ReferenceDataModule,
        AuthModule,
        OrganizationsModule,
        UsersModule,
        NeedsModule,
        CapabilitiesModule,
        ProgrammesModule,
        ActivitiesModule,
        MeetingsModule,
        DonationsModule,
        TrainingModule,
        ReferenceProjectsModule,
        DemoSeedModule,
        ImportsModule,
        MatchingModule,
        LearningModule,
        AuditModule,
        NotificationsModule,
        MatchesModule,
        // Reports are read through the API (GraphQL and the CSV export): a worker serves neither.
        ...(servesApi(config) ? [AllianceReportsModule] : []),
      ],
    };
  }
}
