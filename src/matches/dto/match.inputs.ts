import { ArgsType, Field, Float, ID, InputType, Int, registerEnumType } from '@nestjs/graphql';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsBoolean,
  IsEnum,
  IsInt,
  IsISO8601,
  IsNumber,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import { PageArgs } from '../../common/pagination';
import { LIMITS, NotBlank, Trim } from '../../common/validation';
import { MatchOrigin, MatchOutcomeKind, MatchStatus } from '../match-status';

@InputType({ description: 'Which match, and the version you saw (a stale version gets CONFLICT).' })
export class MatchVersionInput {
  @Field(() => ID, { description: 'The match.' })
  @IsUUID()
  id: string;

  @Field(() => Int, { description: 'Its version as you read it.' })
  @IsInt()
  @Min(1)
  version: number;
}

@InputType({ description: 'A move that needs a reason (reject, withdraw).' })
export class MatchReasonInput extends MatchVersionInput {
  @Field({ description: 'Why (shown in the audit trail).' })
  @Trim()
  @NotBlank()
  @MaxLength(LIMITS.shortText)
  @IsString()
  reason: string;
}

@InputType({ description: 'Your side’s answer to an introduction.' })
export class RespondToMatchInput extends MatchVersionInput {
  @Field({ description: 'True to accept, false to decline.' })
  @IsBoolean()
  accept: boolean;

  @Field({ nullable: true, description: 'Why (for a decline especially).' })
  @IsOptional()
  @Trim()
  @MaxLength(LIMITS.shortText)
  @IsString()
  reason?: string;
}

/** An outcome's note holds a few sentences; the rest belongs in the documents the two sides exchange. */
export const OUTCOME_NOTE_MAX = 2_000;

@InputType({ description: 'One step of what came of an engagement, added to the match’s series of outcomes.' })
export class RecordMatchOutcomeInput extends MatchVersionInput {
  @Field(() => MatchOutcomeKind, { description: 'The kind of outcome: the stage it marks.' })
  @IsEnum(MatchOutcomeKind)
  kind: MatchOutcomeKind;

  @Field({ description: 'When it happened (YYYY-MM-DD): not in the future, not before the introduction.' })
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'date must be YYYY-MM-DD' })
  @IsISO8601({ strict: true })
  date: string;

  @Field(() => Float, { nullable: true, description: 'What it is worth (e.g. a contract’s value), 0 or more; needs `currency`.' })
  @IsOptional()
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @Min(0)
  @Max(LIMITS.money)
  value?: number | null;

  @Field(() => String, { nullable: true, description: 'ISO 4217 currency of the value, e.g. USD, CNY, LKR; needs `value`.' })
  @IsOptional()
  @Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim().toUpperCase() : value))
  @Matches(/^[A-Z]{3}$/, { message: 'currency must be an ISO 4217 code of three letters, such as USD' })
  currency?: string | null;

  @Field({ nullable: true, description: `A note, up to ${OUTCOME_NOTE_MAX} characters.` })
  @IsOptional()
  @Trim()
  @MaxLength(OUTCOME_NOTE_MAX)
  @IsString()
  note?: string;
}

@InputType({ description: 'An enterprise asks to be considered for a need.' })
export class ExpressInterestInput {
  @Field(() => ID, { description: 'The need.' })
  @IsUUID()
  needId: string;

  @Field({ description: 'A message for the coordinators: why your enterprise fits.' })
  @Trim()
  @Length(1, 5000)
  @NotBlank()
  @IsString()
  message: string;
}

@ArgsType()
export class SuggestMatchesArgs {
  @Field(() => ID, { description: 'The need.' })
  @IsUUID()
  needId: string;

  @Field(() => Int, { defaultValue: 10, description: 'How many of the best candidates to keep (1 to 50).' })
  @IsInt()
  @Min(1)
  @Max(50)
  first: number = 10;
}

@ArgsType()
export class ApproveMatchesArgs {
  @Field(() => [MatchVersionInput], { description: 'The matches to approve, 1 to 100: all are approved, or none.' })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(100)
  @ValidateNested({ each: true })
  @Type(() => MatchVersionInput)
  input: MatchVersionInput[];
}

@ArgsType()
export class MatchIdArgs {
  @Field(() => ID, { description: 'The match.' })
  @IsUUID()
  id: string;
}

export enum MatchOrder {
  NEWEST = 'NEWEST',
  RANK = 'RANK',
}
registerEnumType(MatchOrder, {
  name: 'MatchOrder',
  description: 'Order of a list of matches.',
  valuesMap: {
    NEWEST: { description: 'Newest first.' },
    RANK: { description: "Best score first, as the need's candidates were ranked (ties: oldest first)." },
  },
});

@ArgsType()
export class MatchesArgs extends PageArgs {
  @Field(() => ID, { nullable: true, description: 'Only this need’s matches.' })
  @IsOptional()
  @IsUUID()
  needId?: string;

  @Field(() => ID, { nullable: true, description: 'Only this enterprise’s matches.' })
  @IsOptional()
  @IsUUID()
  enterpriseId?: string;

  @Field(() => [MatchStatus], { nullable: true, description: 'Only these statuses.' })
  @IsOptional()
  @ArrayMaxSize(10)
  @IsEnum(MatchStatus, { each: true })
  status?: MatchStatus[];

  @Field(() => MatchOrder, { nullable: true, description: 'RANK (best score first) when a needId is given, NEWEST otherwise.' })
  @IsOptional()
  @IsEnum(MatchOrder)
  orderBy?: MatchOrder;
}

export enum ReviewQueueOrder {
  WAITING_TIME = 'WAITING_TIME',
  SCORE = 'SCORE',
}
registerEnumType(ReviewQueueOrder, {
  name: 'ReviewQueueOrder',
  description: 'Order of the review queue.',
  valuesMap: {
    WAITING_TIME: { description: 'Longest waiting first.' },
    SCORE: { description: 'Best candidate first.' },
  },
});

@ArgsType()
export class ReviewQueueArgs extends PageArgs {
  @Field(() => String, { nullable: true, description: 'Only needs in this country (ISO code).' })
  @IsOptional()
  @Matches(/^[A-Z]{2}$/, { message: 'countryCode must be an ISO 3166 alpha-2 code such as LK' })
  countryCode?: string;

  @Field(() => MatchOrigin, { nullable: true, description: 'Only suggestions, or only expressed interests.' })
  @IsOptional()
  @IsEnum(MatchOrigin)
  origin?: MatchOrigin;

  @Field(() => Number, { nullable: true, description: 'Only candidates scoring at least this (0 to 1).' })
  @IsOptional()
  @IsNumber()
  @Min(0)
  @Max(1)
  minScore?: number;

  @Field(() => ReviewQueueOrder, { defaultValue: ReviewQueueOrder.WAITING_TIME, description: 'Order of the needs.' })
  @IsEnum(ReviewQueueOrder)
  orderBy: ReviewQueueOrder = ReviewQueueOrder.WAITING_TIME;
}
