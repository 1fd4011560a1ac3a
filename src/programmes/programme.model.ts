import { Field, Float, ID, Int, ObjectType } from '@nestjs/graphql';
import { ConnectionType } from '../common/pagination';
import { ProgrammeEntity } from './programme.entity';

@ObjectType('Programme', {
  description: 'A sponsored programme the alliance runs through its joint centres and member enterprises. Public.',
})
export class ProgrammeModel {
  @Field(() => ID, { description: 'Identifier.' })
  id: string;

  @Field({ description: 'Name in English.' })
  nameEn: string;

  @Field(() => String, { nullable: true, description: 'Name in Chinese.' })
  nameZh: string | null;

  @Field({ description: 'Who funds it.' })
  sponsor: string;

  @Field({ description: 'What it does.' })
  description: string;

  @Field({ description: 'First day (YYYY-MM-DD).' })
  startsOn: string;

  @Field(() => String, { nullable: true, description: 'Last day (YYYY-MM-DD); null while open-ended.' })
  endsOn: string | null;

  @Field(() => Float, { nullable: true, description: 'Budget, in `currency`.' })
  budget: number | null;

  @Field(() => String, { nullable: true, description: 'ISO 4217 currency of the budget.' })
  currency: string | null;

  /** Resolved to taxonomy terms by the resolver. */
  sdgTargetCodes: string[];

  @Field(() => Int, { description: 'Rises by one with every change.' })
  version: number;

  @Field({ description: 'When it was created.' })
  createdAt: Date;

  @Field({ description: 'When it was last changed.' })
  updatedAt: Date;
}

export function toProgrammeModel(entity: ProgrammeEntity): ProgrammeModel {
  return {
    id: entity.id,
    nameEn: entity.nameEn,
    nameZh: entity.nameZh,
    sponsor: entity.sponsor,
    description: entity.description,
    startsOn: entity.startsOn,
    endsOn: entity.endsOn,
    budget: entity.budget,
    currency: entity.currency,
    sdgTargetCodes: entity.sdgTargets,
    version: entity.version,
    createdAt: entity.createdAt,
    updatedAt: entity.updatedAt,
  };
}

export const ProgrammeConnection = ConnectionType(ProgrammeModel, 'Programme');
