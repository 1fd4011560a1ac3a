import { Actor, isStaff } from './actor';
import { EVERY_ROW, NO_ROW, SqlCondition } from '../common/sql-condition';

/**
 * Visibility of a record between two organisations (a donor and a recipient, a trainer and its trainees'
 * organisation): both sides' members and the secretariat's staff see it; nobody else, not even that it exists.
 */
export function twoSidedVisibility<R>(sides: { first: keyof R & string; second: keyof R & string }) {
  return {
    sql(actor: Actor | null, alias: string): SqlCondition {
      if (isStaff(actor)) return EVERY_ROW;
      if (!actor) return NO_ROW;
      return {
        where: `(${alias}.${sides.first} = :viewerOrg OR ${alias}.${sides.second} = :viewerOrg)`,
        parameters: { viewerOrg: actor.organizationId },
      };
    },

    canSee(actor: Actor | null, record: R): boolean {
      return isStaff(actor) || (!!actor && (actor.organizationId === record[sides.first] || actor.organizationId === record[sides.second]));
    },
  };
}
