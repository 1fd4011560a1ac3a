import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { MatchEntity } from '../matches/match.entity';
import { MatchingModule } from '../matching/matching.module';
import { NeedEntity } from '../needs/need.entity';
import { MatchingRefitJob } from './matching-refit.job';
import { WeightsLearningService } from './weights-learning.service';

/** The matcher learning from the installation's own data: held-out track-record projects and the secretariat's decisions. */
@Module({
  imports: [TypeOrmModule.forFeature([MatchEntity, NeedEntity]), MatchingModule],
  providers: [WeightsLearningService, MatchingRefitJob],
  exports: [WeightsLearningService],
})
export class LearningModule {}
