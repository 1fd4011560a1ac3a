import { twoSidedVisibility } from '../access/two-sided-visibility';
import { TrainingCourseEntity } from './training-course.entity';

/** A training course is seen by the trainer's and the recipient's members, and by the secretariat's staff. */
export const TrainingVisibility = twoSidedVisibility<Pick<TrainingCourseEntity, 'trainerId' | 'recipientId'>>({
  first: 'trainerId',
  second: 'recipientId',
});
