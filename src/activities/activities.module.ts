import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditLogModule } from '../audit-log/audit-log.module';
import { NotificationsModule } from '../notifications/notifications.module';
import { OrganizationsModule } from '../organizations/organizations.module';
import { ProgrammesModule } from '../programmes/programmes.module';
import { ActivitiesResolver } from './activities.resolver';
import { ActivitiesService } from './activities.service';
import { ActivityCancellationSteps } from './activity-cancellation';
import { ActivityEntity, ActivityRegistrationEntity } from './activity.entity';
import { ActivityLoaders } from './activity.loaders';
import { RegistrationsResolver } from './registrations.resolver';
import { RegistrationsService } from './registrations.service';

@Module({
  imports: [
    TypeOrmModule.forFeature([ActivityEntity, ActivityRegistrationEntity]),
    AuditLogModule,
    NotificationsModule,
    OrganizationsModule,
    ProgrammesModule,
  ],
  providers: [
    ActivitiesService,
    RegistrationsService,
    ActivitiesResolver,
    RegistrationsResolver,
    ActivityLoaders,
    ActivityCancellationSteps,
  ],
  exports: [ActivitiesService, RegistrationsService, ActivityLoaders, ActivityCancellationSteps],
})
export class ActivitiesModule {}
