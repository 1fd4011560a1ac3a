import { Field, Float, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { ConnectionType } from '../common/pagination';
import { CapabilityEntity, CapacityUnit } from './capability.entity';

registerEnumType(CapacityUnit, {
  name: 'CapacityUnit',
  description: 'Unit of a capacity range.',
  valuesMap: {
    M3_PER_DAY: { description: 'Cubic metres per day (treatment and desalination plants).' },
    HECTARES: { description: 'Hectares (irrigation).' },
    KILOMETRES: { description: 'Kilometres (pipelines, canals, embankments).' },
    MEGAWATTS: { description: 'Megawatts (hydropower, pumping).' },
    PEOPLE_SERVED: { description: 'People served.' },
    UNITS: { description: 'Units delivered (wells, pumps, meters).' },
  },
});

@ObjectType('Capability', { description: 'What an enterprise offers in one technology category.' })
export class CapabilityModel {
  @Field(() => ID, { description: 'Identifier.' })
  id: string;

  organizationId: string;
  technologyCategoryCode: string;
  cooperationModeCodes: string[];
  countryCodesServed: string[];

  @Field({ description: 'What the enterprise does in this category.' })
  description: string;

  @Field(() => Int, { nullable: true, description: 'Technology readiness level, 1 (idea) to 9 (proven in operation).' })
  trl: number | null;

  @Field(() => Float, { nullable: true, description: 'Smallest capacity delivered, in capacityUnit.' })
  capacityMin: number | null;

  @Field(() => Float, { nullable: true, description: 'Largest capacity delivered, in capacityUnit.' })
  capacityMax: number | null;

  @Field(() => CapacityUnit, { nullable: true, description: 'Unit of the capacity range.' })
  capacityUnit: CapacityUnit | null;

  @Field(() => [String], { description: 'Certifications held (e.g. ISO 9001, NSF/ANSI 61).' })
  certifications: string[];

  @Field(() => [String], { description: 'UN regions served.' })
  regionsServed: string[];

  @Field(() => [String], { description: 'ISO 639-1 codes of working languages.' })
  languages: string[];

  @Field({ description: 'When the capability was added.' })
  createdAt: Date;

  @Field({ description: 'When the capability was last changed.' })
  updatedAt: Date;
}

export function toCapabilityModel(entity: CapabilityEntity): CapabilityModel {
  return {
    id: entity.id,
    organizationId: entity.organizationId,
    technologyCategoryCode: entity.technologyCategory,
    cooperationModeCodes: entity.cooperationModes,
    countryCodesServed: entity.countriesServed,
    description: entity.description,
    trl: entity.trl,
    capacityMin: entity.capacityMin,
    capacityMax: entity.capacityMax,
    capacityUnit: entity.capacityUnit,
    certifications: entity.certifications,
    regionsServed: entity.regionsServed,
    languages: entity.languages,
    createdAt: entity.createdAt,
    updatedAt: entity.updatedAt,
  };
}

export const CapabilityConnection = ConnectionType(CapabilityModel, 'Capability');
