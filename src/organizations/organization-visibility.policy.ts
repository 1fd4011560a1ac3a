import { Actor, isStaff } from '../access/actor';
import { EVERY_ROW, SqlCondition } from '../common/sql-condition';
import { equals } from '../common/search-filters';
import { OrganizationEntity, VerificationStatus } from './organization.entity';

/**
 * Who sees an organisation: anyone the profiles the secretariat verified; members always their own organisation, and
 * staff every one. The rule in its three forms: a SQL condition for lists, a Meilisearch filter for the enterprises
 * index, and a check of a loaded row.
 */
export const OrganizationVisibility = {
  /** The condition on the organisation rows of a query builder, whose alias for the organisation is `alias`. */
  sql(actor: Actor | null, alias: string): SqlCondition {
    if (isStaff(actor)) return EVERY_ROW;
    const verified = `${alias}.verificationStatus = :verifiedOrganization`;
    const parameters = { verifiedOrganization: VerificationStatus.VERIFIED };
    if (!actor) return { where: verified, parameters };
    return {
      where: `(${verified} OR ${alias}.id = :organizationReaderId)`,
      parameters: { ...parameters, organizationReaderId: actor.organizationId },
    };
  },

  /** The filter on the enterprises index (its documents carry `verified` and `id`); undefined when all are visible. */
  searchFilter(actor: Actor | null): string | undefined {
    if (isStaff(actor)) return undefined;
    return actor ? `verified = true OR ${equals('id', actor.organizationId)}` : 'verified = true';
  },

  canSee(actor: Actor | null, organization: Pick<OrganizationEntity, 'id' | 'verificationStatus'>): boolean {
    return organization.verificationStatus === VerificationStatus.VERIFIED || isStaff(actor) || actor?.organizationId === organization.id;
  },
};
