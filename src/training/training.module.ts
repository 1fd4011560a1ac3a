import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { ActivitiesModule } from '../activities/activities.module';
import { ContributionsModule } from '../programmes/contributions.module';
import { TrainingCourseEntity } from './training-course.entity';
import { TrainingLinksResolver, TrainingResolver } from './training.resolver';
import { TrainingService } from './training.service';

@Module({
  imports: [TypeOrmModule.forFeature([TrainingCourseEntity]), ContributionsModule, ActivitiesModule],
  providers: [TrainingService, TrainingResolver, TrainingLinksResolver],
  exports: [TrainingService],
})
export class TrainingModule {}
