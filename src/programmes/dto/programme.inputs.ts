import { ArgsType, Field, Float, ID, InputType, PartialType } from '@nestjs/graphql';
import {
  ArrayMaxSize,
  IsArray,
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
} from 'class-validator';
import { PageArgs } from '../../common/pagination';
import { LIMITS, NotBlank, Trim } from '../../common/validation';

const DATE = /^\d{4}-\d{2}-\d{2}$/;

@InputType({ description: 'A new programme (coordinators).' })
export class CreateProgrammeInput {
  @Field({ description: `Name in English (at most ${LIMITS.name} characters).` })
  @Trim()
  @IsString()
  @NotBlank()
  @MaxLength(LIMITS.name)
  nameEn: string;

  @Field(() => String, { nullable: true, description: 'Name in Chinese.' })
  @Trim()
  @IsOptional()
  @IsString()
  @MaxLength(LIMITS.name)
  nameZh?: string | null;

  @Field({ description: 'Who funds it, e.g. "Alliance of International Science Organizations (ANSO)".' })
  @Trim()
  @IsString()
  @NotBlank()
  @MaxLength(LIMITS.name)
  sponsor: string;

  @Field(() => String, { nullable: true, description: `What it does (at most ${LIMITS.description} characters).` })
  @IsOptional()
  @IsString()
  @MaxLength(LIMITS.description)
  description?: string | null;

  @Field({ description: 'First day (YYYY-MM-DD).' })
  @Matches(DATE, { message: 'startsOn must be a date written YYYY-MM-DD' })
  @IsISO8601({ strict: true }, { message: 'startsOn must be a real calendar date' })
  startsOn: string;

  @Field(() => String, { nullable: true, description: 'Last day (YYYY-MM-DD), on or after startsOn; null while open-ended.' })
  @IsOptional()
  @Matches(DATE, { message: 'endsOn must be a date written YYYY-MM-DD' })
  @IsISO8601({ strict: true }, { message: 'endsOn must be a real calendar date' })
  endsOn?: string | null;

  @Field(() => Float, { nullable: true, description: 'Budget (needs `currency`).' })
  @IsOptional()
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @Min(0)
  @Max(LIMITS.money)
  budget?: number | null;

  @Field(() => String, { nullable: true, description: 'ISO 4217 currency code of the budget, e.g. CNY, USD.' })
  @Trim()
  @IsOptional()
  @IsString()
  @Length(3, 3)
  currency?: string | null;

  @Field(() => [String], { nullable: true, description: 'SDG 6 targets it serves (codes of the SDG_TARGET taxonomy, e.g. "6.1").' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20)
  @IsString({ each: true })
  sdgTargets?: string[] | null;
}

@InputType({ description: 'Changes to a programme: fields left out stay as they are; optional fields can be cleared with null.' })
export class UpdateProgrammeInput extends PartialType(CreateProgrammeInput) {
  @Field(() => ID, { description: 'The programme to change.' })
  @IsUUID()
  id: string;
}

@ArgsType()
export class ProgrammeIdArgs {
  @Field(() => ID, { description: 'Programme id.' })
  @IsUUID()
  id: string;
}

@ArgsType()
export class ProgrammesArgs extends PageArgs {
  @Field(() => ID, { nullable: true, description: 'Only programmes this organisation takes part in.' })
  @IsOptional()
  @IsUUID()
  organizationId?: string;
}

@ArgsType()
export class ProgrammeMembersArgs {
  @Field(() => ID, { description: 'Programme id.' })
  @IsUUID()
  programmeId: string;

  @Field(() => [ID], { description: 'Organisations (verified joint centres, enterprises or agencies), at most 100.' })
  @IsArray()
  @ArrayMaxSize(100)
  @IsUUID('all', { each: true })
  organizationIds: string[];
}

@ArgsType()
export class ProgrammeMemberArgs {
  @Field(() => ID, { description: 'Programme id.' })
  @IsUUID()
  programmeId: string;

  @Field(() => ID, { description: 'The member organisation to take out.' })
  @IsUUID()
  organizationId: string;
}
