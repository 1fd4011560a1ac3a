import { ArgsType, Field, Float, ID, InputType, Int, PartialType } from '@nestjs/graphql';
import {
  ArrayMaxSize,
  IsArray,
  IsEnum,
  IsIn,
  IsInt,
  IsNumber,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  Max,
  MaxLength,
  Min,
  Matches,
} from 'class-validator';
import { PageArgs } from '../../common/pagination';
import { LIMITS, NotBlank } from '../../common/validation';
import { UN_REGIONS } from '../../reference-data/reference-data.resolver';
import { CapacityUnit } from '../capability.entity';

@InputType({ description: 'A capability of your enterprise.' })
export class CreateCapabilityInput {
  @Field({ description: 'Technology category code (see `taxonomy(kind: TECHNOLOGY_CATEGORY)`).' })
  @IsString()
  @MaxLength(40)
  technologyCategory: string;

  @Field({ description: `What the enterprise does in this category (at most ${LIMITS.description} characters).` })
  @IsString()
  @NotBlank()
  @MaxLength(LIMITS.description)
  description: string;

  @Field(() => Int, { nullable: true, description: 'Technology readiness level, 1 to 9.' })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(9)
  trl?: number | null;

  @Field(() => Float, { nullable: true, description: 'Smallest capacity delivered (needs capacityUnit).' })
  @IsOptional()
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @Min(0)
  @Max(LIMITS.money)
  capacityMin?: number | null;

  @Field(() => Float, { nullable: true, description: 'Largest capacity delivered (needs capacityUnit; at least capacityMin).' })
  @IsOptional()
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @Min(0)
  @Max(LIMITS.money)
  capacityMax?: number | null;

  @Field(() => CapacityUnit, { nullable: true, description: 'Unit of the capacity range.' })
  @IsOptional()
  @IsEnum(CapacityUnit)
  capacityUnit?: CapacityUnit | null;

  @Field(() => [String], { nullable: true, description: 'Cooperation mode codes offered.' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(LIMITS.listItems)
  @IsString({ each: true })
  cooperationModes?: string[];

  @Field(() => [String], { nullable: true, description: 'Certifications held.' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(LIMITS.listItems)
  @IsString({ each: true })
  @MaxLength(LIMITS.name, { each: true })
  certifications?: string[];

  @Field(() => [String], { nullable: true, description: 'ISO 3166-1 alpha-2 codes of countries served.' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(250)
  @IsString({ each: true })
  @Length(2, 2, { each: true })
  countriesServed?: string[];

  @Field(() => [String], { nullable: true, description: `UN regions served (${UN_REGIONS.join(', ')}).` })
  @IsOptional()
  @IsArray()
  @IsIn(UN_REGIONS, { each: true })
  regionsServed?: string[];

  @Field(() => [String], { nullable: true, description: 'ISO 639-1 codes of working languages.' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20)
  @Matches(/^[a-z]{2}$/, { each: true, message: 'languages must be ISO 639-1 codes such as "en" or "zh"' })
  languages?: string[];
}

@InputType({ description: 'Changes to a capability: fields left out stay as they are.' })
export class UpdateCapabilityInput extends PartialType(CreateCapabilityInput) {
  @Field(() => ID, { description: 'The capability to change.' })
  @IsUUID()
  id: string;
}

@ArgsType()
export class CapabilitiesArgs extends PageArgs {
  @Field(() => ID, { nullable: true, description: 'Only capabilities of this enterprise.' })
  @IsOptional()
  @IsUUID()
  organizationId?: string;

  @Field({ nullable: true, description: 'Only capabilities in this technology category.' })
  @IsOptional()
  @IsString()
  @MaxLength(40)
  technologyCategory?: string;

  @Field({ nullable: true, description: 'Only capabilities serving this country.' })
  @IsOptional()
  @IsString()
  @Length(2, 2)
  countryServed?: string;
}

@ArgsType()
export class CapabilityIdArgs {
  @Field(() => ID, { description: 'Identifier of the capability.' })
  @IsUUID()
  id: string;
}
