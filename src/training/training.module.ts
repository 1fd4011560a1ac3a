import { Module } from '@nestjs/common';
import { NotificationsModule } from '../notifications/notifications.module';
import { MatchesModule } from '../matches/matches.module';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditLogModule } from '../audit-log/audit-log.module';
import { OrganizationsModule } from '../organizations/organizations.module';
import { TrainingCourseEntity } from './training-course.entity';
import { TrainingResolver } from './training.resolver';
import { TrainingService } from './training.service';

@Module({
  imports: [TypeOrmModule.forFeature([TrainingCourseEntity]), AuditLogModule, OrganizationsModule, MatchesModule, NotificationsModule],
  providers: [TrainingService, TrainingResolver],
  exports: [TrainingService],
})
export class TrainingModule {}
