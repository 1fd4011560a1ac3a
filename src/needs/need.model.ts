import { Field, Float, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { ConnectionType } from '../common/pagination';
import { FinancingInstrument } from '../reference-data/financing-instrument';
import { FundingStatus, NeedEntity } from './need.entity';
import { NeedStatus } from './need-status';

registerEnumType(NeedStatus, {
  name: 'NeedStatus',
  description: 'Lifecycle of a need: DRAFT → OPEN → IN_REVIEW → MATCHED → CLOSED, or WITHDRAWN.',
  valuesMap: {
    DRAFT: { description: 'Being written; visible to its agency and coordinators only.' },
    OPEN: { description: 'Published: anyone can see it and enterprises can be matched to it.' },
    IN_REVIEW: { description: 'Coordinators are reviewing candidates.' },
    MATCHED: { description: 'An introduction was made.' },
    CLOSED: { description: 'Done; kept for the record.' },
    WITHDRAWN: { description: 'Taken back by its agency; visible to its agency and coordinators only.' },
  },
});
registerEnumType(FundingStatus, {
  name: 'FundingStatus',
  description: 'How far the money for a need is secured.',
  valuesMap: {
    UNFUNDED: { description: 'No funding yet.' },
    SEEKING: { description: 'Looking for funding (loan, grant, investment).' },
    PARTIAL: { description: 'Part of the budget is secured.' },
    SECURED: { description: 'The budget is secured.' },
  },
});

@ObjectType('Need', { description: 'A water problem a partner agency wants solved.' })
export class NeedModel {
  @Field(() => ID, { description: 'Identifier.' })
  id: string;

  @Field({ description: 'Short title (at most 200 characters).' })
  title: string;

  @Field({ description: 'What is needed, where, for whom (at most 20,000 characters).' })
  description: string;

  countryCode: string;
  organizationId: string;
  sectorCode: string;
  sdgTargetCodes: string[];
  cooperationModeCodes: string[];
  technologyCategoryCodes: string[];

  @Field(() => String, { nullable: true, description: 'Place within the country: city, district, river basin.' })
  site: string | null;

  @Field(() => Float, { nullable: true, description: 'Lower end of the budget, in `currency`.' })
  budgetMin: number | null;

  @Field(() => Float, { nullable: true, description: 'Upper end of the budget, in `currency`.' })
  budgetMax: number | null;

  @Field(() => String, { nullable: true, description: 'ISO 4217 currency of the budget.' })
  currency: string | null;

  @Field(() => FundingStatus, { description: 'How far the money is secured.' })
  fundingStatus: FundingStatus;

  @Field(() => String, {
    nullable: true,
    description: 'Who finances the need, when known (a bank, a fund, a government), e.g. "Export-Import Bank of China".',
  })
  financier: string | null;

  @Field(() => FinancingInstrument, {
    nullable: true,
    description: "How the need is financed, when known (a grant, a preferential buyer's credit, a concessional loan ...).",
  })
  financingInstrument: FinancingInstrument | null;

  @Field(() => Int, { nullable: true, description: 'Number of people the solution would serve.' })
  populationServed: number | null;

  @Field(() => String, {
    nullable: true,
    description:
      'Date by which proposals are wanted (YYYY-MM-DD); the day after it (UTC) the need is closed and its matches short of ENGAGED are withdrawn.',
  })
  deadline: string | null;

  @Field(() => [String], { description: 'ISO 639-1 codes of the languages the agency works in.' })
  languages: string[];

  @Field(() => NeedStatus, { description: 'Where the need is in its lifecycle.' })
  status: NeedStatus;

  @Field(() => Date, { nullable: true, description: 'When the need was first published.' })
  publishedAt: Date | null;

  @Field({ description: 'When the need was created.' })
  createdAt: Date;

  @Field({ description: 'When the need was last changed.' })
  updatedAt: Date;
}

export function toNeedModel(entity: NeedEntity): NeedModel {
  return {
    id: entity.id,
    title: entity.title,
    description: entity.description,
    countryCode: entity.countryCode,
    organizationId: entity.organizationId,
    sectorCode: entity.sectorCode,
    sdgTargetCodes: entity.sdgTargets,
    cooperationModeCodes: entity.cooperationModes,
    technologyCategoryCodes: entity.technologyCategories,
    site: entity.site,
    budgetMin: entity.budgetMin,
    budgetMax: entity.budgetMax,
    currency: entity.currency,
    fundingStatus: entity.fundingStatus,
    financier: entity.financier,
    financingInstrument: entity.financingInstrument,
    populationServed: entity.populationServed,
    deadline: entity.deadline,
    languages: entity.languages,
    status: entity.status,
    publishedAt: entity.publishedAt,
    createdAt: entity.createdAt,
    updatedAt: entity.updatedAt,
  };
}

export const NeedConnection = ConnectionType(NeedModel, 'Need');
