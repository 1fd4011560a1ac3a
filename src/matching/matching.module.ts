import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { NeedEntity } from '../needs/need.entity';
import { OrganizationEntity } from '../organizations/organization.entity';
import { ReferenceProjectEntity } from '../reference-projects/reference-project.entity';
import { MatchExplanationsService } from './match-explanations.service';
import { MatchingWeightsEntity } from './weights/matching-weights.entity';
import { MatchingWeightsService } from './weights/matching-weights.service';
import { MatchingWeightsResolver } from './weights/matching-weights.resolver';
import { MatchingResolver } from './matching.resolver';
import { MatchingService } from './matching.service';
import { TrackRecordIndexService } from './track-record-index.service';
import { TrackRecordRepository } from './track-record.repository';

@Module({
  imports: [TypeOrmModule.forFeature([NeedEntity, OrganizationEntity, ReferenceProjectEntity, MatchingWeightsEntity])],
  providers: [
    TrackRecordIndexService,
    TrackRecordRepository,
    MatchingWeightsService,
    MatchingService,
    MatchExplanationsService,
    MatchingResolver,
    MatchingWeightsResolver,
  ],
  exports: [MatchingService, MatchingWeightsService, MatchExplanationsService],
})
export class MatchingModule {}
