import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { NeedEntity } from '../needs/need.entity';
import { OrganizationEntity } from '../organizations/organization.entity';
import { ReferenceProjectEntity } from '../reference-projects/reference-project.entity';
import { MatchExplanationsService } from './match-explanations.service';
import { MatchingResolver } from './matching.resolver';
import { MatchingService } from './matching.service';
import { TrackRecordIndexService } from './track-record-index.service';
import { TrackRecordRepository } from './track-record.repository';

@Module({
  imports: [TypeOrmModule.forFeature([NeedEntity, OrganizationEntity, ReferenceProjectEntity])],
  providers: [TrackRecordIndexService, TrackRecordRepository, MatchingService, MatchExplanationsService, MatchingResolver],
  exports: [MatchingService],
})
export class MatchingModule {}
