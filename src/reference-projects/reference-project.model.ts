import { Field, Float, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { ConnectionType } from '../common/pagination';
import { FinancingInstrument } from '../reference-data/financing-instrument';
import { ProjectRole, ReferenceProjectEntity } from './reference-project.entity';

registerEnumType(ProjectRole, {
  name: 'ProjectRole',
  description: 'What the enterprise did in a reference project.',
  valuesMap: {
    EPC_CONTRACTOR: { description: 'Engineering, procurement and construction contractor.' },
    SUPPLIER: { description: 'Supplied equipment or materials.' },
    DESIGNER: { description: 'Designed the works.' },
    SUPERVISOR: { description: 'Supervised construction.' },
    TRAINER: { description: 'Trained local staff.' },
    OPERATOR: { description: 'Operated and maintained the works.' },
  },
});

@ObjectType('ReferenceProject', { description: 'A past project of an enterprise: its track record, and the evidence matches cite.' })
export class ReferenceProjectModel {
  @Field(() => ID, { description: 'Identifier.' })
  id: string;

  organizationId: string;
  countryCode: string | null;
  sectorCode: string | null;
  technologyCategoryCodes: string[];

  @Field({ description: 'Title.' })
  title: string;

  @Field({ description: 'What was built or delivered, where, for whom.' })
  description: string;

  @Field(() => Int, { nullable: true, description: 'Year the project was agreed or started.' })
  year: number | null;

  @Field(() => String, {
    nullable: true,
    description: 'Sector label of the source dataset, for projects outside the water sector (e.g. "ENERGY").',
  })
  sourceSector: string | null;

  @Field(() => ProjectRole, { description: 'What the enterprise did.' })
  role: ProjectRole;

  @Field(() => Float, { nullable: true, description: 'Contract value, in `currency`.' })
  value: number | null;

  @Field(() => String, { nullable: true, description: 'ISO 4217 currency of the value.' })
  currency: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'Who financed the project, when known (a bank, a fund, a government), e.g. "Export-Import Bank of China".',
  })
  financier: string | null;

  @Field(() => FinancingInstrument, {
    nullable: true,
    description: "How the project was financed, when known (a grant, a preferential buyer's credit, a concessional loan ...).",
  })
  financingInstrument: FinancingInstrument | null;

  @Field({ description: 'When the record was added.' })
  createdAt: Date;

  @Field({ description: 'When the record was last changed.' })
  updatedAt: Date;
}

export function toReferenceProjectModel(entity: ReferenceProjectEntity): ReferenceProjectModel {
  return {
    id: entity.id,
    organizationId: entity.organizationId,
    countryCode: entity.countryCode,
    sectorCode: entity.sectorCode,
    technologyCategoryCodes: entity.technologyCategories,
    title: entity.title,
    description: entity.description,
    year: entity.year,
    sourceSector: entity.sourceSector,
    role: entity.role,
    value: entity.value,
    currency: entity.currency,
    financier: entity.financier,
    financingInstrument: entity.financingInstrument,
    createdAt: entity.createdAt,
    updatedAt: entity.updatedAt,
  };
}

export const ReferenceProjectConnection = ConnectionType(ReferenceProjectModel, 'ReferenceProject');
