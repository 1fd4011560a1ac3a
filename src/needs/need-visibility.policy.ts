import { Actor, isStaff } from '../access/actor';
import { EVERY_ROW, SqlCondition } from '../common/sql-condition';
import { equals, oneOf } from '../common/search-filters';
import { NeedEntity } from './need.entity';
import { PUBLISHED_NEED_STATUSES } from './need-status';

/**
 * Who sees a need: anyone its published ones; drafts and withdrawn needs only their own agency and the secretariat's
 * staff. The one statement of that rule, in the three forms it is asked in — a SQL condition for lists, a Meilisearch
 * filter for search, a check of a loaded row — which need-visibility.policy.spec.ts proves agree.
 */
export const NeedVisibility = {
  /** The condition on the need rows of a query builder, whose alias for the need is `alias`. */
  sql(actor: Actor | null, alias: string): SqlCondition {
    if (isStaff(actor)) return EVERY_ROW;
    const published = `${alias}.status IN (:...visibleNeedStatuses)`;
    const parameters = { visibleNeedStatuses: PUBLISHED_NEED_STATUSES };
    if (!actor) return { where: published, parameters };
    return {
      where: `(${published} OR ${alias}.organizationId = :needReaderOrganizationId)`,
      parameters: { ...parameters, needReaderOrganizationId: actor.organizationId },
    };
  },

  /** The filter on the needs index (its documents carry `status` and `organizationId`); undefined when all are visible. */
  searchFilter(actor: Actor | null): string | undefined {
    if (isStaff(actor)) return undefined;
    const published = oneOf('status', PUBLISHED_NEED_STATUSES);
    return actor ? `${published} OR ${equals('organizationId', actor.organizationId)}` : published;
  },

  canSee(actor: Actor | null, need: Pick<NeedEntity, 'status' | 'organizationId'>): boolean {
    return PUBLISHED_NEED_STATUSES.includes(need.status) || isStaff(actor) || actor?.organizationId === need.organizationId;
  },
};
