import { Args, Query, Resolver } from '@nestjs/graphql';
import { IsBoolean, IsIn, IsOptional } from 'class-validator';
import { ArgsType, Field } from '@nestjs/graphql';
import { Public } from '../access/access.decorator';
import { CountryModel, TaxonomyTermModel } from './reference-data.model';
import { ReferenceDataService } from './reference-data.service';
import { TaxonomyKind } from './taxonomy-term.entity';

export const UN_REGIONS = ['Africa', 'Americas', 'Asia', 'Europe', 'Oceania'] as const;

@ArgsType()
class CountriesArgs {
  @Field({ nullable: true, description: `Only countries of this UN region (${UN_REGIONS.join(', ')}).` })
  @IsOptional()
  @IsIn(UN_REGIONS)
  region?: string;

  @Field({ nullable: true, description: 'Only countries with (true) or without (false) a Belt and Road cooperation document.' })
  @IsOptional()
  @IsBoolean()
  beltAndRoad?: boolean;
}

@ArgsType()
class TaxonomyArgs {
  @Field(() => TaxonomyKind, { description: 'Which vocabulary to list.' })
  @IsIn(Object.values(TaxonomyKind))
  kind: TaxonomyKind;
}

@Resolver()
export class ReferenceDataResolver {
  constructor(private readonly referenceData: ReferenceDataService) {}

  @Public()
  @Query(() => [CountryModel], { description: 'ISO 3166-1 countries, sorted by code. Public.' })
  countries(@Args() args: CountriesArgs): CountryModel[] {
    return this.referenceData.listCountries(args);
  }

  @Public()
  @Query(() => [TaxonomyTermModel], {
    description:
      'The codes of one vocabulary (water sectors, SDG 6 targets, cooperation modes, technology categories), in display order. Public.',
  })
  taxonomy(@Args() args: TaxonomyArgs): TaxonomyTermModel[] {
    return this.referenceData.listTerms(args.kind);
  }
}
