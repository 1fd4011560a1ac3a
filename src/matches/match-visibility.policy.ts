import { Actor, Role } from '../access/actor';
import { EVERY_ROW, NO_ROW, SqlCondition } from '../common/sql-condition';
import { NeedEntity } from '../needs/need.entity';
import { MatchEntity } from './match.entity';
import { INTRODUCED_OR_LATER, MatchOrigin, wasIntroduced } from './match-status';

/** What the rule reads of a match: its own columns and its need's agency. */
export type VisibleMatch = Pick<MatchEntity, 'status' | 'introducedAt' | 'origin' | 'enterpriseId'> & {
  need: Pick<NeedEntity, 'organizationId'>;
};

/**
 * Who sees a match: coordinators and admins every one; each side its own once introduced, whatever became of it since
 * (wasIntroduced: a match a coordinator closed after the introduction stays readable to those who were told); an
 * enterprise also the interests it expressed. Nobody signed out. What a side sees of a match it may read is
 * toMatchModel's to decide. The rule in two forms — a SQL condition and a check of a loaded row — which
 * match-visibility.policy.spec.ts proves agree; matches are not in any search index, so there is no Meilisearch form.
 */
export const MatchVisibility = {
  /** The condition on a query builder whose aliases for the match and its (joined) need are `aliases`. */
  sql(actor: Actor | null, aliases: { match: string; need: string }): SqlCondition {
    if (!actor) return NO_ROW;
    const m = aliases.match;
    const introduced = `(${m}.status IN (:...introducedMatchStatuses) OR ${m}.introducedAt IS NOT NULL)`;
    const parameters = { introducedMatchStatuses: INTRODUCED_OR_LATER, matchReaderOrganizationId: actor.organizationId };
    switch (actor.role) {
      case Role.COORDINATOR:
      case Role.ADMIN:
        return EVERY_ROW;
      case Role.AGENCY_MEMBER:
        return { where: `(${aliases.need}.organizationId = :matchReaderOrganizationId AND ${introduced})`, parameters };
      case Role.ENTERPRISE_MEMBER:
        return {
          where: `(${m}.enterpriseId = :matchReaderOrganizationId AND (${introduced} OR ${m}.origin = :interestOrigin))`,
          parameters: { ...parameters, interestOrigin: MatchOrigin.INTEREST },
        };
    }
  },

  canSee(actor: Actor | null, match: VisibleMatch): boolean {
    if (!actor) return false;
    switch (actor.role) {
      case Role.COORDINATOR:
      case Role.ADMIN:
        return true;
      case Role.AGENCY_MEMBER:
        return actor.organizationId === match.need.organizationId && wasIntroduced(match);
      case Role.ENTERPRISE_MEMBER:
        return actor.organizationId === match.enterpriseId && (wasIntroduced(match) || match.origin === MatchOrigin.INTEREST);
    }
  },
};
