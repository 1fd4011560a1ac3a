import { Field, Float, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { ConnectionType } from '../common/pagination';
import { TrainingCourseEntity } from './training-course.entity';
import { TrainingStatus } from './training-status';

registerEnumType(TrainingStatus, {
  name: 'TrainingStatus',
  description: 'Lifecycle of a training course: PLEDGED → APPROVED → COMPLETED, or REFUSED / WITHDRAWN.',
  valuesMap: {
    PLEDGED: { description: 'Offered by the trainer; waits for the secretariat.' },
    APPROVED: { description: 'Approved by a coordinator.' },
    COMPLETED: { description: 'Given: trainees, hours and certificates as reported.' },
    REFUSED: { description: 'Refused by a coordinator, with the reason: a pledge, or an approved course before it is given.' },
    WITHDRAWN: { description: 'Taken back by the trainer before it was given.' },
  },
});

@ObjectType('TrainingCourse', {
  description: 'Technical training an enterprise or joint centre gives to a partner’s staff. Seen by both sides and the secretariat.',
})
export class TrainingCourseModel {
  @Field(() => ID, { description: 'Identifier.' })
  id: string;

  trainerId: string;
  recipientId: string;
  needId: string | null;
  programmeId: string | null;

  @Field(() => ID, { nullable: true, description: 'The match whose outcome its completion was recorded as.' })
  matchId: string | null;
  activityId: string | null;

  @Field({ description: 'Title.' })
  title: string;

  @Field({ description: 'What is taught.' })
  description: string;

  @Field({ description: 'First day (YYYY-MM-DD).' })
  startsOn: string;

  @Field(() => String, { nullable: true, description: 'Last day (YYYY-MM-DD).' })
  endsOn: string | null;

  @Field(() => Float, { description: 'Hours of training: planned, or as given once COMPLETED.' })
  hours: number;

  @Field(() => Int, { description: 'Trainees: planned, or as trained once COMPLETED.' })
  trainees: number;

  @Field(() => Int, { description: 'Certificates issued (once COMPLETED).' })
  certificatesIssued: number;

  @Field(() => TrainingStatus, { description: 'Where it stands.' })
  status: TrainingStatus;

  @Field(() => String, { nullable: true, description: 'Why it was refused or withdrawn.' })
  reason: string | null;

  @Field(() => Int, { description: 'Its version as you read it: pass it back with a move.' })
  version: number;

  @Field({ description: 'When it was pledged.' })
  createdAt: Date;

  @Field({ description: 'When it last changed.' })
  updatedAt: Date;
}

export function toTrainingCourseModel(c: TrainingCourseEntity): TrainingCourseModel {
  return {
    id: c.id,
    trainerId: c.trainerId,
    recipientId: c.recipientId,
    needId: c.needId,
    programmeId: c.programmeId,
    matchId: c.matchId,
    activityId: c.activityId,
    title: c.title,
    description: c.description,
    startsOn: c.startsOn,
    endsOn: c.endsOn,
    hours: c.hours,
    trainees: c.trainees,
    certificatesIssued: c.certificatesIssued,
    status: c.status,
    reason: c.reason,
    version: c.version,
    createdAt: c.createdAt,
    updatedAt: c.updatedAt,
  };
}

export const TrainingCourseConnection = ConnectionType(TrainingCourseModel, 'TrainingCourse');
