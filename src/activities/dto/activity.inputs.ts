import { ArgsType, Field, ID, InputType, Int, PartialType } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsBoolean,
  IsDate,
  IsEmail,
  IsEnum,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import { PageArgs } from '../../common/pagination';
import { LIMITS, NotBlank, Trim } from '../../common/validation';
import { ActivityKind, ActivityStatus, RegistrationStatus } from '../activity-status';

@InputType({ description: 'A new activity (coordinators); it starts as a DRAFT.' })
export class CreateActivityInput {
  @Field(() => ID, { nullable: true, description: 'The programme it belongs to; null for the alliance’s own.' })
  @IsOptional()
  @IsUUID()
  programmeId?: string | null;

  @Field(() => ActivityKind, { description: 'What kind of activity it is.' })
  @IsEnum(ActivityKind)
  kind: ActivityKind;

  @Field({ description: `Title (at most ${LIMITS.title} characters).` })
  @Trim()
  @IsString()
  @NotBlank()
  @MaxLength(LIMITS.title)
  title: string;

  @Field(() => String, { nullable: true, description: 'Title in Chinese.' })
  @Trim()
  @IsOptional()
  @IsString()
  @MaxLength(LIMITS.title)
  titleZh?: string | null;

  @Field(() => String, { nullable: true, description: `What it is about (at most ${LIMITS.description} characters).` })
  @IsOptional()
  @IsString()
  @MaxLength(LIMITS.description)
  description?: string | null;

  @Field({ description: 'ISO 3166-1 alpha-2 code of the country where it takes place.' })
  @Trim()
  @IsString()
  @Length(2, 2)
  countryCode: string;

  @Field(() => String, { nullable: true, description: 'City or site.' })
  @Trim()
  @IsOptional()
  @IsString()
  @MaxLength(LIMITS.name)
  city?: string | null;

  @Field(() => ID, { nullable: true, description: 'The joint research centre hosting it.' })
  @IsOptional()
  @IsUUID()
  hostCentreId?: string | null;

  @Field({ description: 'When it starts (ISO 8601 date-time).' })
  @Type(() => Date)
  @IsDate()
  startsAt: Date;

  @Field({ description: 'When it ends; not before it starts.' })
  @Type(() => Date)
  @IsDate()
  endsAt: Date;

  @Field(() => String, { nullable: true, description: 'IANA time zone of the venue, e.g. Asia/Colombo; UTC when left out.' })
  @Trim()
  @IsOptional()
  @IsString()
  @MaxLength(64)
  timeZone?: string | null;

  @Field(() => Int, { description: 'Seats for delegates (0–100,000).' })
  @IsInt()
  @Min(0)
  @Max(100_000)
  capacity: number;

  @Field({ description: 'Registrations close at this moment; not after the activity starts.' })
  @Type(() => Date)
  @IsDate()
  registrationDeadline: Date;

  @Field(() => [String], { nullable: true, description: 'Topics: technology categories (codes of TECHNOLOGY_CATEGORY).' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20)
  @IsString({ each: true })
  technologyCategories?: string[] | null;

  @Field(() => [String], { nullable: true, description: 'SDG 6 targets it serves (codes of SDG_TARGET).' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20)
  @IsString({ each: true })
  sdgTargets?: string[] | null;
}

@InputType({ description: 'Changes to an activity: fields left out stay as they are; optional fields can be cleared with null.' })
export class UpdateActivityInput extends PartialType(CreateActivityInput) {
  @Field(() => ID, { description: 'The activity to change.' })
  @IsUUID()
  id: string;
}

@ArgsType()
export class ActivityIdArgs {
  @Field(() => ID, { description: 'Activity id.' })
  @IsUUID()
  id: string;
}

@ArgsType()
export class ActivityReasonArgs extends ActivityIdArgs {
  @Field({ description: `Why (at most ${LIMITS.shortText} characters); told to everyone registered.` })
  @Trim()
  @IsString()
  @NotBlank()
  @MaxLength(LIMITS.shortText)
  reason: string;
}

@ArgsType()
export class ReportActivityArgs extends ActivityIdArgs {
  @Field({ description: `What came of it (at most ${LIMITS.description} characters).` })
  @IsString()
  @NotBlank()
  @MaxLength(LIMITS.description)
  report: string;
}

@ArgsType()
export class ActivitiesArgs extends PageArgs {
  @Field(() => ActivityStatus, { nullable: true, description: 'Only activities in this status (drafts show to coordinators only).' })
  @IsOptional()
  @IsEnum(ActivityStatus)
  status?: ActivityStatus;

  @Field(() => ActivityKind, { nullable: true, description: 'Only activities of this kind.' })
  @IsOptional()
  @IsEnum(ActivityKind)
  kind?: ActivityKind;

  @Field(() => ID, { nullable: true, description: 'Only activities of this programme.' })
  @IsOptional()
  @IsUUID()
  programmeId?: string;

  @Field(() => ID, { nullable: true, description: 'Only activities this joint centre hosts.' })
  @IsOptional()
  @IsUUID()
  hostCentreId?: string;

  @Field({ nullable: true, description: 'Only activities in this country (ISO 3166-1 alpha-2).' })
  @IsOptional()
  @IsString()
  @Length(2, 2)
  countryCode?: string;

  @Field({
    nullable: true,
    description: 'true: only activities that have not ended yet, soonest first (by startsAt). Not with `past`.',
  })
  @IsOptional()
  @IsBoolean()
  upcoming?: boolean;

  @Field({
    nullable: true,
    description: 'true: only activities that have ended, the most recently ended first (by endsAt). Not with `upcoming`.',
  })
  @IsOptional()
  @IsBoolean()
  past?: boolean;
}

@InputType({ description: 'A delegate to register.' })
export class DelegateInput {
  @Field({ description: 'Name.' })
  @Trim()
  @IsString()
  @NotBlank()
  @MaxLength(LIMITS.name)
  name: string;

  @Field({ description: 'E-mail address (one live registration per address and activity).' })
  @Trim()
  @IsEmail()
  @MaxLength(LIMITS.shortText)
  email: string;

  @Field(() => String, { nullable: true, description: 'Position, e.g. "Chief engineer".' })
  @Trim()
  @IsOptional()
  @IsString()
  @MaxLength(LIMITS.name)
  position?: string | null;
}

@InputType({ description: 'Delegates an organisation registers for an activity.' })
export class RegisterDelegatesInput {
  @Field(() => ID, { description: 'The activity (OPEN, before its registration deadline).' })
  @IsUUID()
  activityId: string;

  @Field(() => ID, {
    nullable: true,
    description: 'Coordinators: the organisation registering. Members always register for their own organisation.',
  })
  @IsOptional()
  @IsUUID()
  organizationId?: string | null;

  @Field(() => [DelegateInput], { description: 'One to 20 delegates, seated in this order.' })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(20)
  @ValidateNested({ each: true })
  @Type(() => DelegateInput)
  delegates: DelegateInput[];
}

@ArgsType()
export class RegistrationIdArgs {
  @Field(() => ID, { description: 'Registration id.' })
  @IsUUID()
  id: string;
}

@ArgsType()
export class RegistrationReasonArgs extends RegistrationIdArgs {
  @Field(() => String, { nullable: true, description: `Why (at most ${LIMITS.shortText} characters).` })
  @Trim()
  @IsOptional()
  @IsString()
  @MaxLength(LIMITS.shortText)
  reason?: string | null;
}

@ArgsType()
export class RefuseRegistrationArgs extends RegistrationIdArgs {
  @Field({ description: `Why (at most ${LIMITS.shortText} characters); told to the registering organisation.` })
  @Trim()
  @IsString()
  @NotBlank()
  @MaxLength(LIMITS.shortText)
  reason: string;
}

@ArgsType()
export class ActivityRegistrationsArgs extends PageArgs {
  @Field(() => ID, { description: 'The activity.' })
  @IsUUID()
  activityId: string;

  @Field(() => RegistrationStatus, { nullable: true, description: 'Only registrations in this status.' })
  @IsOptional()
  @IsEnum(RegistrationStatus)
  status?: RegistrationStatus;
}
