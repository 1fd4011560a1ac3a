import { ArgsType, Field, Float } from '@nestjs/graphql';
import { IsEnum, IsNumber, IsOptional, IsString, Length, Max, MaxLength, Min } from 'class-validator';
import { PageArgs } from '../../common/pagination';
import { LIMITS } from '../../common/validation';
import { NeedStatus } from '../../needs/need-status';

@ArgsType()
class SearchArgs extends PageArgs {
  @Field({
    nullable: true,
    description: 'Free text, in English or Chinese (the water glossary links both); empty lists everything that matches the filters.',
  })
  @IsOptional()
  @IsString()
  @MaxLength(LIMITS.shortText)
  query?: string;

  @Field({ nullable: true, description: 'Only in (needs) or serving (enterprises) this country, ISO 3166-1 alpha-2.' })
  @IsOptional()
  @IsString()
  @Length(2, 2)
  countryCode?: string;

  @Field({ nullable: true, description: 'Only in (needs) or serving (enterprises) this UN region.' })
  @IsOptional()
  @IsString()
  @MaxLength(40)
  region?: string;

  @Field({ nullable: true, description: 'Only this water sector (CRS code).' })
  @IsOptional()
  @IsString()
  @MaxLength(10)
  sectorCode?: string;

  @Field({ nullable: true, description: 'Only this cooperation mode.' })
  @IsOptional()
  @IsString()
  @MaxLength(40)
  cooperationMode?: string;

  @Field({ nullable: true, description: 'Only this technology category.' })
  @IsOptional()
  @IsString()
  @MaxLength(40)
  technologyCategory?: string;
}

@ArgsType()
export class SearchNeedsArgs extends SearchArgs {
  @Field({ nullable: true, description: 'Only needs aiming at this SDG 6 target.' })
  @IsOptional()
  @IsString()
  @MaxLength(10)
  sdgTarget?: string;

  @Field(() => NeedStatus, {
    nullable: true,
    description: 'Only needs in this status (drafts show only to their agency and coordinators).',
  })
  @IsOptional()
  @IsEnum(NeedStatus)
  status?: NeedStatus;

  @Field(() => Float, { nullable: true, description: 'Only needs whose budget reaches at least this amount (in their own currency).' })
  @IsOptional()
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @Min(0)
  @Max(LIMITS.money)
  budgetMin?: number;

  @Field(() => Float, { nullable: true, description: 'Only needs whose budget starts at most at this amount (in their own currency).' })
  @IsOptional()
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @Min(0)
  @Max(LIMITS.money)
  budgetMax?: number;
}

@ArgsType()
export class SearchEnterprisesArgs extends SearchArgs {
  @Field({ nullable: true, description: 'Only enterprises of this parent group.' })
  @IsOptional()
  @IsString()
  @MaxLength(LIMITS.name)
  parentGroup?: string;
}
