import DataLoader from 'dataloader';
import { Actor } from '../auth/actor';
import { MatchOutcomeEntity } from '../matches/match-outcome.entity';
import { MatchOutcomeRepository } from '../matches/match-outcome.repository';
import { OrganizationEntity } from '../organizations/organization.entity';
import { OrganizationModel, toOrganizationModel } from '../organizations/organization.model';
import { OrganizationsService } from '../organizations/organizations.service';

/** Batches the database reads of one request's field resolvers (one query per kind, not one per row). */
export interface RequestLoaders {
  organization: DataLoader<string, OrganizationEntity>;
  /** A match's outcomes in date order, by match id. */
  matchOutcomes: DataLoader<string, MatchOutcomeEntity[]>;
}

export interface GraphQLContext {
  /** `requestId`: set for every HTTP request (src/observability), so whatever logs can name the request. */
  req: { headers: Record<string, string | string[] | undefined>; ip?: string; actor?: Actor | null; requestId?: string };
  loaders: RequestLoaders;
}

export function createLoaders(organizations: OrganizationsService, matchOutcomes: MatchOutcomeRepository): RequestLoaders {
  return {
    organization: new DataLoader(async (ids) => {
      const rows = new Map((await organizations.findByIds(ids)).map((o) => [o.id, o]));
      return ids.map((id) => rows.get(id) ?? new Error(`Organization ${id} is missing`));
    }),
    matchOutcomes: new DataLoader((ids) => matchOutcomes.seriesOf(ids)),
  };
}

/** The owning organisation of a row, batched per request and masked for the caller. */
export async function loadOrganizationModel(context: GraphQLContext, organizationId: string): Promise<OrganizationModel> {
  return toOrganizationModel(await context.loaders.organization.load(organizationId), context.req.actor ?? null);
}
