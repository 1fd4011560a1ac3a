import { Injectable } from '@nestjs/common';
import DataLoader from 'dataloader';
import { GraphQLContext } from '../graphql/graphql-context';
import { UsersRepository } from '../users/users.repository';
import { OrganizationLoaders } from '../organizations/organization.loaders';
import { MatchContactModel, MatchModel } from './match.model';
import { MatchesService } from './matches.service';
import { MatchOutcomeEntity } from './match-outcome.entity';
import { MatchOutcomeRepository } from './match-outcome.repository';
import { contactsOf } from './match-parties';

const OUTCOMES = Symbol('match outcomes by match id');
const CONTACTS = Symbol('contacts by organisation id');
const VISIBLE = Symbol('matches visible to the caller, by id');

/** What a page of matches reads per row (outcomes, the sides' contacts), and the matches other rows point to: one query per kind per request. */
@Injectable()
export class MatchLoaders {
  constructor(
    private readonly outcomes: MatchOutcomeRepository,
    private readonly organizations: OrganizationLoaders,
    private readonly users: UsersRepository,
    private readonly matches: MatchesService,
  ) {}

  /** The match as the caller may read it, or null for none, for a caller signed out, or one it may not read. */
  visible(context: GraphQLContext, matchId: string | null): Promise<MatchModel | null> {
    const actor = context.req.actor;
    if (matchId === null || !actor) return Promise.resolve(null);
    return context.loaders.byId(VISIBLE, (ids) => this.matches.visibleByIds(actor, ids)).load(matchId);
  }

  /** A match's outcomes in date order (empty before any). */
  outcomesOf(context: GraphQLContext, matchId: string): Promise<MatchOutcomeEntity[]> {
    return context.loaders
      .get(OUTCOMES, () => new DataLoader<string, MatchOutcomeEntity[]>((ids) => this.outcomes.seriesOf(ids)))
      .load(matchId);
  }

  /**
   * An organisation's contacts (its contact fields and active members); null for no organisation, that is when the
   * caller may not see them (MatchesService.contactOrganizationId). The organisations come from their own loader,
   * which the page's other fields (agency, enterprise…) share.
   */
  contactOf(context: GraphQLContext, organizationId: string | null): Promise<MatchContactModel | null> {
    if (organizationId === null) return Promise.resolve(null);
    const organizations = this.organizations.byId(context);
    const contacts = context.loaders.get(
      CONTACTS,
      () =>
        new DataLoader<string, MatchContactModel>(async (ids) =>
          contactsOf(await Promise.all(ids.map((id) => organizations.load(id))), await this.users.activeMembersOf(ids)),
        ),
    );
    return contacts.load(organizationId);
  }
}
