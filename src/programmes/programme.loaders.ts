import { Injectable } from '@nestjs/common';
import DataLoader from 'dataloader';
import { GraphQLContext } from '../graphql/graphql-context';
import { ProgrammesService } from './programmes.service';

const MEMBERS = Symbol('programme members');

/** A page of programmes' members, read in one query per request. */
@Injectable()
export class ProgrammeLoaders {
  constructor(private readonly programmes: ProgrammesService) {}

  memberIds(context: GraphQLContext, programmeId: string): Promise<string[]> {
    const loader = context.loaders.get(
      MEMBERS,
      () =>
        new DataLoader<string, string[]>(async (ids) => {
          const byProgramme = await this.programmes.memberIds(ids);
          return ids.map((id) => byProgramme.get(id) ?? []);
        }),
    );
    return loader.load(programmeId);
  }
}
