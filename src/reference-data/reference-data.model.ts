import { Field, ObjectType, registerEnumType } from '@nestjs/graphql';
import { TaxonomyKind } from './taxonomy-term.entity';

registerEnumType(TaxonomyKind, {
  name: 'TaxonomyKind',
  description: 'A controlled vocabulary of WaterBridge.',
  valuesMap: {
    WATER_SECTOR: { description: 'OECD-DAC CRS purpose codes of the water sector (14010 … 41050).' },
    SDG_TARGET: { description: 'SDG 6 targets (6.1 … 6.b).' },
    COOPERATION_MODE: { description: 'How an enterprise and an agency work together (EPC, equipment donation, training ...).' },
    TECHNOLOGY_CATEGORY: { description: 'Water technology categories (desalination, wastewater treatment, irrigation ...).' },
  },
});

@ObjectType('Country', { description: 'An ISO 3166-1 country, with its UN region and Belt and Road status.' })
export class CountryModel {
  @Field({ description: 'ISO 3166-1 alpha-2 code, e.g. "LK".' })
  code: string;

  @Field({ description: 'English name.' })
  nameEn: string;

  @Field({ description: 'Chinese name (简体中文).' })
  nameZh: string;

  @Field({ description: 'UN M49 region: Africa, Americas, Asia, Europe or Oceania.' })
  region: string;

  @Field({ description: 'UN M49 sub-region, e.g. "Southern Asia".' })
  subregion: string;

  @Field({ description: 'Whether the country has signed a Belt and Road cooperation document with China.' })
  beltAndRoad: boolean;
}

@ObjectType('TaxonomyTerm', { description: 'One code of a controlled vocabulary, with English and Chinese labels.' })
export class TaxonomyTermModel {
  @Field(() => TaxonomyKind, { description: 'The vocabulary this code belongs to.' })
  kind: TaxonomyKind;

  @Field({ description: 'The code to use in inputs and filters, e.g. "14021", "6.a", "EPC", "DESALINATION".' })
  code: string;

  @Field({ description: 'English label.' })
  labelEn: string;

  @Field({ description: 'Chinese label.' })
  labelZh: string;
}
