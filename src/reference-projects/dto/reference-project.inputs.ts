import { ArgsType, Field, Float, ID, InputType, Int, PartialType } from '@nestjs/graphql';
import { ArrayMaxSize, IsArray, IsEnum, IsInt, IsNumber, IsOptional, IsString, IsUUID, Length, Max, MaxLength, Min } from 'class-validator';
import { PageArgs } from '../../common/pagination';
import { LIMITS, NotBlank, Trim } from '../../common/validation';
import { FinancingInstrument } from '../../reference-data/financing-instrument';
import { ProjectRole } from '../reference-project.entity';

export const EARLIEST_PROJECT_YEAR = 1949;

@InputType({ description: 'A past project of your enterprise.' })
export class CreateReferenceProjectInput {
  @Field({ description: `Title (at most ${LIMITS.title} characters).` })
  @Trim()
  @IsString()
  @NotBlank()
  @MaxLength(LIMITS.title)
  title: string;

  @Field({ nullable: true, description: `What was delivered (at most ${LIMITS.description} characters).` })
  @IsOptional()
  @IsString()
  @MaxLength(LIMITS.description)
  description?: string;

  @Field(() => String, { nullable: true, description: 'ISO 3166-1 alpha-2 country of the project; null for multi-country projects.' })
  @Trim()
  @IsOptional()
  @IsString()
  @Length(2, 2)
  countryCode?: string | null;

  @Field(() => Int, { nullable: true, description: `Year (${EARLIEST_PROJECT_YEAR} to this year).` })
  @IsOptional()
  @IsInt()
  @Min(EARLIEST_PROJECT_YEAR)
  year?: number | null;

  @Field(() => String, { nullable: true, description: 'Water sector code (CRS); null outside the water sector.' })
  @IsOptional()
  @IsString()
  @MaxLength(10)
  sectorCode?: string | null;

  @Field(() => ProjectRole, { nullable: true, description: 'What the enterprise did; EPC_CONTRACTOR when left out.' })
  @IsOptional()
  @IsEnum(ProjectRole)
  role?: ProjectRole;

  @Field(() => [String], { nullable: true, description: 'Technology category codes.' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(LIMITS.listItems)
  @IsString({ each: true })
  technologyCategories?: string[];

  @Field(() => Float, { nullable: true, description: 'Contract value (needs currency).' })
  @IsOptional()
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @Min(0)
  @Max(LIMITS.money)
  value?: number | null;

  @Field(() => String, { nullable: true, description: 'ISO 4217 currency of the value.' })
  @Trim()
  @IsOptional()
  @IsString()
  @Length(3, 3)
  currency?: string | null;

  @Field(() => String, {
    nullable: true,
    description: `Who financed the project, when known (at most ${LIMITS.name} characters), e.g. "Export-Import Bank of China".`,
  })
  @Trim()
  @IsOptional()
  @IsString()
  @NotBlank()
  @MaxLength(LIMITS.name)
  financier?: string | null;

  @Field(() => FinancingInstrument, { nullable: true, description: 'How the project was financed, when known.' })
  @IsOptional()
  @IsEnum(FinancingInstrument)
  financingInstrument?: FinancingInstrument | null;
}

@InputType({ description: 'Changes to a reference project: fields left out stay as they are.' })
export class UpdateReferenceProjectInput extends PartialType(CreateReferenceProjectInput) {
  @Field(() => ID, { description: 'The reference project to change.' })
  @IsUUID()
  id: string;
}

@ArgsType()
export class ReferenceProjectsArgs extends PageArgs {
  @Field(() => ID, { nullable: true, description: 'Only projects of this enterprise.' })
  @IsOptional()
  @IsUUID()
  organizationId?: string;

  @Field({ nullable: true, description: 'Only projects in this country.' })
  @IsOptional()
  @IsString()
  @Length(2, 2)
  countryCode?: string;

  @Field({ nullable: true, description: 'Only projects in this water sector (CRS code).' })
  @IsOptional()
  @IsString()
  @MaxLength(10)
  sectorCode?: string;

  @Field({ nullable: true, description: 'Only projects in this technology category.' })
  @IsOptional()
  @IsString()
  @MaxLength(40)
  technologyCategory?: string;

  @Field(() => Int, { nullable: true, description: 'Only projects from this year on.' })
  @IsOptional()
  @IsInt()
  yearFrom?: number;

  @Field(() => Int, { nullable: true, description: 'Only projects up to this year.' })
  @IsOptional()
  @IsInt()
  yearTo?: number;
}

@ArgsType()
export class ReferenceProjectIdArgs {
  @Field(() => ID, { description: 'Identifier of the reference project.' })
  @IsUUID()
  id: string;
}
