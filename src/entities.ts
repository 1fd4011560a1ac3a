import { MeetingBreakEntity, MeetingRequestEntity, MeetingSlotEntity } from './meetings/meeting.entity';
import { TrainingCourseEntity } from './training/training-course.entity';
import { DonationEntity } from './donations/donation.entity';
import { ActivityEntity, ActivityRegistrationEntity } from './activities/activity.entity';
import { ProgrammeEntity, ProgrammeMemberEntity } from './programmes/programme.entity';
import { DataSourceOptions } from 'typeorm';
import { dataSourceOptions } from './database/data-source-options';
import { CapabilityEntity } from './capabilities/capability.entity';
import { NeedEntity } from './needs/need.entity';
import { OrganizationEntity } from './organizations/organization.entity';
import { CountryEntity } from './reference-data/country.entity';
import { TaxonomyTermEntity } from './reference-data/taxonomy-term.entity';
import { ReferenceProjectEntity } from './reference-projects/reference-project.entity';
import { UserEntity } from './users/user.entity';
import { SearchOutboxEntity } from './search-outbox/search-outbox.entity';
import { SeedRunEntity } from './demo/seed-run.entity';
import { MatchEntity } from './matches/match.entity';
import { MatchOutcomeEntity } from './matches/match-outcome.entity';
import { AuditEntryEntity } from './audit-log/audit-entry.entity';
import { NotificationEventEntity } from './notifications/notification-event.entity';
import { NotificationEntity } from './notifications/notification.entity';
import { DeliveryAttemptEntity, NotificationDeliveryEntity } from './notifications/notification-delivery.entity';
import { NotificationPreferenceEntity } from './notifications/notification-preference.entity';
import { WebhookEndpointEntity } from './notifications/webhooks/webhook-endpoint.entity';
import { LoginThrottleEntity } from './auth/login-throttle.entity';
import { RefreshTokenEntity } from './users/refresh-token.entity';
import { RequestBudgetEntity } from './graphql/request-budget.entity';
import { MatchingWeightsEntity } from './matching/weights/matching-weights.entity';

/** Every TypeORM entity; the application's data source and the migration-drift test both read this list. */
export const ENTITIES = [
  CountryEntity,
  TaxonomyTermEntity,
  OrganizationEntity,
  UserEntity,
  NeedEntity,
  CapabilityEntity,
  ReferenceProjectEntity,
  SeedRunEntity,
  SearchOutboxEntity,
  MatchEntity,
  MatchOutcomeEntity,
  AuditEntryEntity,
  NotificationEventEntity,
  NotificationEntity,
  NotificationDeliveryEntity,
  DeliveryAttemptEntity,
  NotificationPreferenceEntity,
  WebhookEndpointEntity,
  LoginThrottleEntity,
  RefreshTokenEntity,
  RequestBudgetEntity,
  MatchingWeightsEntity,
  ProgrammeEntity,
  ProgrammeMemberEntity,
  ActivityEntity,
  ActivityRegistrationEntity,
  DonationEntity,
  TrainingCourseEntity,
  MeetingSlotEntity,
  MeetingBreakEntity,
  MeetingRequestEntity,
];

/** The application's data source: src/database's options with every entity of the domains. */
export function appDataSourceOptions(url: string): DataSourceOptions {
  return dataSourceOptions(url, ENTITIES);
}
