import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { ContributionsModule } from '../programmes/contributions.module';
import { DonationEntity } from './donation.entity';
import { DonationLinksResolver, DonationsResolver } from './donations.resolver';
import { DonationsService } from './donations.service';

@Module({
  imports: [TypeOrmModule.forFeature([DonationEntity]), ContributionsModule],
  providers: [DonationsService, DonationsResolver, DonationLinksResolver],
  exports: [DonationsService],
})
export class DonationsModule {}
