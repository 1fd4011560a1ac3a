import { Injectable } from '@nestjs/common';
import DataLoader from 'dataloader';
import { GraphQLContext } from '../graphql/graphql-context';
import { ProgrammeModel } from './programme.model';
import { ProgrammesService } from './programmes.service';

const MEMBERS = Symbol('programme members');
const BY_ID = Symbol('programmes by id');

/** A page of programmes' members, and the programmes a page of rows points to, read in one query per request. */
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

  /** The programme, or null for none. */
  programme(context: GraphQLContext, programmeId: string | null): Promise<ProgrammeModel | null> {
    if (programmeId === null) return Promise.resolve(null);
    return context.loaders.byId(BY_ID, (ids) => this.programmes.byIds(ids)).load(programmeId);
  }
}
