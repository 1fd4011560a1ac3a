import { ArgsType, Field, ID, InputType, Int } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsDate,
  IsEnum,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import { Language } from '../../access/actor';
import { LIMITS, NotBlank, Trim } from '../../common/validation';

/** At most this many slots and tables: a long day of 15-minute meetings, and a large hall. */
export const MAX_SLOTS = 96;
export const MAX_TABLES = 500;

@InputType({ description: 'A time slot for 1:1 meetings.' })
export class MeetingSlotInput {
  @Field({ description: 'When it starts; within the activity.' })
  @Type(() => Date)
  @IsDate()
  startsAt: Date;

  @Field({ description: 'When it ends; after it starts, before the next slot starts.' })
  @Type(() => Date)
  @IsDate()
  endsAt: Date;
}

@InputType({ description: 'The meeting plan of an activity: its slots and how many tables each has (coordinators).' })
export class SetMeetingPlanInput {
  @Field(() => ID, { description: 'The activity.' })
  @IsUUID()
  activityId: string;

  @Field(() => Int, { description: `Tables in every slot (0 to ${MAX_TABLES}).` })
  @IsInt()
  @Min(0)
  @Max(MAX_TABLES)
  tables: number;

  @Field(() => [MeetingSlotInput], {
    description: `The slots (at most ${MAX_SLOTS}). A slot with the same times as an existing one is kept, with the meetings placed in it.`,
  })
  @IsArray()
  @ArrayMaxSize(MAX_SLOTS)
  @ValidateNested({ each: true })
  @Type(() => MeetingSlotInput)
  slots: MeetingSlotInput[];
}

@InputType({ description: 'The slots in which a delegate does not meet anyone.' })
export class SetMeetingBreaksInput {
  @Field(() => ID, { description: 'The delegate’s registration.' })
  @IsUUID()
  registrationId: string;

  @Field(() => [ID], { description: 'Slots of the activity (breaks, late arrival, early departure); empty: available throughout.' })
  @IsArray()
  @ArrayMaxSize(MAX_SLOTS)
  @IsUUID('all', { each: true })
  slotIds: string[];
}

@InputType({ description: 'A request for a 1:1 meeting between two confirmed delegates of different organisations.' })
export class RequestMeetingInput {
  @Field(() => ID, { description: 'Your delegate’s registration (coordinators: any).' })
  @IsUUID()
  fromRegistrationId: string;

  @Field(() => ID, { description: 'The registration of the delegate you want to meet.' })
  @IsUUID()
  toRegistrationId: string;

  @Field(() => String, { nullable: true, description: `What you want to talk about (at most ${LIMITS.shortText} characters).` })
  @Trim()
  @IsOptional()
  @IsString()
  @MaxLength(LIMITS.shortText)
  message?: string | null;
}

@ArgsType()
export class MeetingRequestIdArgs {
  @Field(() => ID, { description: 'Meeting request id.' })
  @IsUUID()
  id: string;
}

@ArgsType()
export class AnswerMeetingRequestArgs extends MeetingRequestIdArgs {
  @Field({ description: 'True to accept, false to decline.' })
  @IsBoolean()
  accept: boolean;

  @Field(() => String, {
    nullable: true,
    description: `Why: required to decline (at most ${LIMITS.shortText} characters); told to the requester.`,
  })
  @Trim()
  @IsOptional()
  @IsString()
  @NotBlank()
  @MaxLength(LIMITS.shortText)
  reason?: string | null;
}

@ArgsType()
export class CancelMeetingRequestArgs extends MeetingRequestIdArgs {
  @Field(() => String, { nullable: true, description: `Why (at most ${LIMITS.shortText} characters).` })
  @Trim()
  @IsOptional()
  @IsString()
  @NotBlank()
  @MaxLength(LIMITS.shortText)
  reason?: string | null;
}

@ArgsType()
export class ActivityMeetingsArgs {
  @Field(() => ID, { description: 'The activity.' })
  @IsUUID()
  activityId: string;
}

@ArgsType()
export class MeetingAgendaArgs {
  @Field(() => ID, { description: 'The delegate’s registration.' })
  @IsUUID()
  registrationId: string;
}

@ArgsType()
export class MeetingSuggestionsArgs extends MeetingAgendaArgs {
  @Field(() => Int, { defaultValue: 10, description: 'How many suggestions (1 to 50).' })
  @IsInt()
  @Min(1)
  @Max(50)
  first: number;

  @Field(() => Language, { nullable: true, description: 'Language of the explanations; your account’s when left out.' })
  @IsOptional()
  @IsEnum(Language)
  language?: Language;
}
