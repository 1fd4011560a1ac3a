import { Module } from '@nestjs/common';
import { NotificationsModule } from '../notifications/notifications.module';
import { MatchesModule } from '../matches/matches.module';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditLogModule } from '../audit-log/audit-log.module';
import { OrganizationsModule } from '../organizations/organizations.module';
import { DonationEntity } from './donation.entity';
import { DonationsResolver } from './donations.resolver';
import { DonationsService } from './donations.service';

@Module({
  imports: [TypeOrmModule.forFeature([DonationEntity]), AuditLogModule, OrganizationsModule, MatchesModule, NotificationsModule],
  providers: [DonationsService, DonationsResolver],
  exports: [DonationsService],
})
export class DonationsModule {}
