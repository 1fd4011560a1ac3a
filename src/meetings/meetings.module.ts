import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { ActivitiesModule } from '../activities/activities.module';
import { AuditLogModule } from '../audit-log/audit-log.module';
import { MatchingModule } from '../matching/matching.module';
import { NotificationsModule } from '../notifications/notifications.module';
import { MeetingBreakEntity, MeetingRequestEntity, MeetingSlotEntity } from './meeting.entity';
import { MeetingAgendaController } from './meeting-agenda.controller';
import { MeetingRemindersJob } from './meeting-reminders.job';
import { MeetingSuggestionsService } from './meeting-suggestions.service';
import { MeetingsResolver } from './meetings.resolver';
import { MeetingsService } from './meetings.service';

@Module({
  imports: [
    TypeOrmModule.forFeature([MeetingSlotEntity, MeetingBreakEntity, MeetingRequestEntity]),
    ActivitiesModule,
    AuditLogModule,
    MatchingModule,
    NotificationsModule,
  ],
  controllers: [MeetingAgendaController],
  providers: [MeetingsService, MeetingSuggestionsService, MeetingsResolver, MeetingRemindersJob],
  exports: [MeetingsService],
})
export class MeetingsModule {}
