import { ArgsType, Field, Float, ID, InputType, Int } from '@nestjs/graphql';
import { IsEnum, IsInt, IsISO8601, IsNumber, IsOptional, IsString, IsUUID, Matches, Max, MaxLength, Min } from 'class-validator';
import { PageArgs } from '../../common/pagination';
import { LIMITS, NotBlank, Trim } from '../../common/validation';
import { TrainingStatus } from '../training-status';

const DATE = /^\d{4}-\d{2}-\d{2}$/;

@InputType({ description: 'Training your enterprise or joint centre offers (coordinators: for any, naming the trainer).' })
export class PledgeTrainingInput {
  @Field(() => ID, { nullable: true, description: 'Coordinators: the trainer. Members always pledge for their own organisation.' })
  @IsOptional()
  @IsUUID()
  trainerId?: string | null;

  @Field(() => ID, { description: 'The partner agency or joint centre whose staff are trained.' })
  @IsUUID()
  recipientId: string;

  @Field(() => ID, { nullable: true, description: 'The need it answers (the recipient’s own).' })
  @IsOptional()
  @IsUUID()
  needId?: string | null;

  @Field(() => ID, { nullable: true, description: 'The programme it belongs to.' })
  @IsOptional()
  @IsUUID()
  programmeId?: string | null;

  @Field(() => ID, {
    nullable: true,
    description: 'The activity (a TRAINING_COURSE) it is given at; one you may not see (a draft, to members) is NOT_FOUND.',
  })
  @IsOptional()
  @IsUUID()
  activityId?: string | null;

  @Field({ description: `Title (at most ${LIMITS.title} characters).` })
  @Trim()
  @IsString()
  @NotBlank()
  @MaxLength(LIMITS.title)
  title: string;

  @Field(() => String, { nullable: true, description: 'What is taught.' })
  @IsOptional()
  @IsString()
  @MaxLength(LIMITS.description)
  description?: string | null;

  @Field({ description: 'First day (YYYY-MM-DD).' })
  @Matches(DATE, { message: 'startsOn must be a date written YYYY-MM-DD' })
  @IsISO8601({ strict: true }, { message: 'startsOn must be a real calendar date' })
  startsOn: string;

  @Field(() => String, { nullable: true, description: 'Last day (YYYY-MM-DD), on or after startsOn.' })
  @IsOptional()
  @Matches(DATE, { message: 'endsOn must be a date written YYYY-MM-DD' })
  @IsISO8601({ strict: true }, { message: 'endsOn must be a real calendar date' })
  endsOn?: string | null;

  @Field(() => Float, { description: 'Planned hours of training (0.5–10,000).' })
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @Min(0.5)
  @Max(10_000)
  hours: number;

  @Field(() => Int, { description: 'Planned trainees (1–10,000).' })
  @IsInt()
  @Min(1)
  @Max(10_000)
  trainees: number;
}

@InputType({ description: 'A move of a training course, at the version you read.' })
export class MoveTrainingInput {
  @Field(() => ID, { description: 'The training course.' })
  @IsUUID()
  id: string;

  @Field(() => Int, { description: 'Its version as you read it (CONFLICT when it changed since).' })
  @IsInt()
  version: number;

  @Field(() => TrainingStatus, { description: 'Where it moves.' })
  @IsEnum(TrainingStatus)
  to: TrainingStatus;

  @Field(() => Int, { nullable: true, description: 'COMPLETED: how many were trained (required).' })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(10_000)
  trainees?: number | null;

  @Field(() => Float, { nullable: true, description: 'COMPLETED: hours given (required).' })
  @IsOptional()
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @Min(0)
  @Max(10_000)
  hours?: number | null;

  @Field(() => Int, { nullable: true, description: 'COMPLETED: certificates issued, at most the trainees (0 when left out).' })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(10_000)
  certificatesIssued?: number | null;

  @Field(() => String, { nullable: true, description: 'REFUSED, WITHDRAWN: why (required for REFUSED).' })
  @Trim()
  @IsOptional()
  @IsString()
  @MaxLength(LIMITS.shortText)
  reason?: string | null;
}

@ArgsType()
export class TrainingCourseIdArgs {
  @Field(() => ID, { description: 'Training course id.' })
  @IsUUID()
  id: string;
}

@ArgsType()
export class TrainingCoursesArgs extends PageArgs {
  @Field(() => TrainingStatus, { nullable: true, description: 'Only courses in this status.' })
  @IsOptional()
  @IsEnum(TrainingStatus)
  status?: TrainingStatus;

  @Field(() => ID, { nullable: true, description: 'Only courses of this programme.' })
  @IsOptional()
  @IsUUID()
  programmeId?: string;

  @Field(() => ID, { nullable: true, description: 'Only courses answering this need.' })
  @IsOptional()
  @IsUUID()
  needId?: string;
}
