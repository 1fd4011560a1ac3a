import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { NeedEntity } from '../needs/need.entity';
import { OrganizationEntity } from '../organizations/organization.entity';
import { ReferenceProjectEntity } from '../reference-projects/reference-project.entity';
import { MatchExplanations } from './match-explanations';
import { MatchingResolver } from './matching.resolver';
import { MatchingService } from './matching.service';
import { TrackRecordIndex } from './track-record.index';
import { TrackRecordRepository } from './track-record.repository';

@Module({
  imports: [TypeOrmModule.forFeature([NeedEntity, OrganizationEntity, ReferenceProjectEntity])],
  providers: [TrackRecordIndex, TrackRecordRepository, MatchingService, MatchExplanations, MatchingResolver],
  exports: [MatchingService],
})
export class MatchingModule {}
