import { ArgsType, Field, Float, ID, InputType, Int, PartialType } from '@nestjs/graphql';
import {
  ArrayMaxSize,
  IsArray,
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
} from 'class-validator';
import { PageArgs } from '../../common/pagination';
import { LIMITS, NotBlank, Trim } from '../../common/validation';
import { FinancingInstrument } from '../../reference-data/financing-instrument';
import { FundingStatus } from '../need.entity';
import { NeedStatus } from '../need-status';

@InputType({ description: 'A new need, created as a DRAFT of your agency.' })
export class CreateNeedInput {
  @Field({ description: `Short title (at most ${LIMITS.title} characters).` })
  @Trim()
  @IsString()
  @NotBlank()
  @MaxLength(LIMITS.title)
  title: string;

  @Field({ description: `What is needed, where, for whom (at most ${LIMITS.description} characters).` })
  @IsString()
  @NotBlank()
  @MaxLength(LIMITS.description)
  description: string;

  @Field({ description: 'ISO 3166-1 alpha-2 code of the country where the need is.' })
  @Trim()
  @IsString()
  @Length(2, 2)
  countryCode: string;

  @Field(() => String, { nullable: true, description: 'Place within the country.' })
  @Trim()
  @IsOptional()
  @IsString()
  @MaxLength(LIMITS.shortText)
  site?: string | null;

  @Field({ description: 'OECD-DAC CRS water purpose code (see `taxonomy(kind: WATER_SECTOR)`).' })
  @IsString()
  @MaxLength(10)
  sectorCode: string;

  @Field(() => [String], { nullable: true, description: 'SDG 6 target codes (see `taxonomy(kind: SDG_TARGET)`).' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(LIMITS.listItems)
  @IsString({ each: true })
  sdgTargets?: string[];

  @Field(() => [String], { nullable: true, description: 'Wanted cooperation modes (see `taxonomy(kind: COOPERATION_MODE)`).' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(LIMITS.listItems)
  @IsString({ each: true })
  cooperationModes?: string[];

  @Field(() => [String], { nullable: true, description: 'Relevant technology categories (see `taxonomy(kind: TECHNOLOGY_CATEGORY)`).' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(LIMITS.listItems)
  @IsString({ each: true })
  technologyCategories?: string[];

  @Field(() => Float, { nullable: true, description: 'Lower end of the budget (needs `currency`).' })
  @IsOptional()
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @Min(0)
  @Max(LIMITS.money)
  budgetMin?: number | null;

  @Field(() => Float, { nullable: true, description: 'Upper end of the budget (needs `currency`; at least budgetMin).' })
  @IsOptional()
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @Min(0)
  @Max(LIMITS.money)
  budgetMax?: number | null;

  @Field(() => String, { nullable: true, description: 'ISO 4217 currency code of the budget, e.g. USD, CNY, XOF.' })
  @Trim()
  @IsOptional()
  @IsString()
  @Length(3, 3)
  currency?: string | null;

  @Field(() => FundingStatus, { nullable: true, description: 'How far the money is secured; SEEKING when left out.' })
  @IsOptional()
  @IsEnum(FundingStatus)
  fundingStatus?: FundingStatus;

  @Field(() => String, {
    nullable: true,
    description: `Who finances the need, when known (at most ${LIMITS.name} characters), e.g. "Export-Import Bank of China".`,
  })
  @Trim()
  @IsOptional()
  @IsString()
  @NotBlank()
  @MaxLength(LIMITS.name)
  financier?: string | null;

  @Field(() => FinancingInstrument, { nullable: true, description: 'How the need is financed, when known.' })
  @IsOptional()
  @IsEnum(FinancingInstrument)
  financingInstrument?: FinancingInstrument | null;

  @Field(() => Int, { nullable: true, description: 'Number of people the solution would serve.' })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(2_000_000_000)
  populationServed?: number | null;

  @Field(() => String, {
    nullable: true,
    description:
      'Date by which proposals are wanted (YYYY-MM-DD), today or later (UTC) when written; the day after it the need is closed and its matches short of ENGAGED are withdrawn.',
  })
  @IsOptional()
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'deadline must be a date written YYYY-MM-DD' })
  @IsISO8601({ strict: true }, { message: 'deadline must be a real calendar date' })
  deadline?: string | null;

  @Field(() => [String], { nullable: true, description: 'ISO 639-1 codes of the languages the agency works in, e.g. ["en", "fr"].' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20)
  @Matches(/^[a-z]{2}$/, { each: true, message: 'languages must be ISO 639-1 codes such as "en" or "fr"' })
  languages?: string[];
}

@InputType({
  description: 'Changes to a need in DRAFT or OPEN: fields left out stay as they are; optional fields can be cleared with null.',
})
export class UpdateNeedInput extends PartialType(CreateNeedInput) {
  @Field(() => ID, { description: 'The need to change.' })
  @IsUUID()
  id: string;
}

@ArgsType()
export class NeedsArgs extends PageArgs {
  @Field({ nullable: true, description: 'Only needs in this country (ISO 3166-1 alpha-2).' })
  @IsOptional()
  @IsString()
  @Length(2, 2)
  countryCode?: string;

  @Field({ nullable: true, description: 'Only needs in countries of this UN region.' })
  @IsOptional()
  @IsString()
  @MaxLength(40)
  region?: string;

  @Field({ nullable: true, description: 'Only needs with this water sector (CRS code).' })
  @IsOptional()
  @IsString()
  @MaxLength(10)
  sectorCode?: string;

  @Field({ nullable: true, description: 'Only needs aiming at this SDG 6 target.' })
  @IsOptional()
  @IsString()
  @MaxLength(10)
  sdgTarget?: string;

  @Field({ nullable: true, description: 'Only needs wanting this cooperation mode.' })
  @IsOptional()
  @IsString()
  @MaxLength(40)
  cooperationMode?: string;

  @Field({ nullable: true, description: 'Only needs in this technology category.' })
  @IsOptional()
  @IsString()
  @MaxLength(40)
  technologyCategory?: string;

  @Field(() => NeedStatus, {
    nullable: true,
    description: 'Only needs in this status (drafts and withdrawn needs only show to their agency and coordinators).',
  })
  @IsOptional()
  @IsEnum(NeedStatus)
  status?: NeedStatus;

  @Field(() => ID, { nullable: true, description: 'Only needs of this agency.' })
  @IsOptional()
  @IsUUID()
  organizationId?: string;
}

@ArgsType()
export class NeedIdArgs {
  @Field(() => ID, { description: 'Identifier of the need.' })
  @IsUUID()
  id: string;
}
