import { Actor, isStaff } from '../access/actor';
import { EVERY_ROW, NO_ROW, SqlCondition } from '../common/sql-condition';
import { DonationEntity } from './donation.entity';

/** A donation is seen by its donor's and its recipient's members, and by the secretariat's staff. */
export const DonationVisibility = {
  sql(actor: Actor | null, alias: string): SqlCondition {
    if (isStaff(actor)) return EVERY_ROW;
    if (!actor) return NO_ROW;
    return {
      where: `(${alias}.donorId = :viewerOrg OR ${alias}.recipientId = :viewerOrg)`,
      parameters: { viewerOrg: actor.organizationId },
    };
  },

  canSee(actor: Actor | null, donation: Pick<DonationEntity, 'donorId' | 'recipientId'>): boolean {
    return isStaff(actor) || (!!actor && (actor.organizationId === donation.donorId || actor.organizationId === donation.recipientId));
  },
};
