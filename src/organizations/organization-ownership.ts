import { Brackets, ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import { Actor, isStaff } from '../access/actor';
import { DomainError } from '../common/domain-error';
import { VerificationStatus } from './organization.entity';

/**
 * Rows owned by an organisation (capabilities, reference projects) are public when their organisation is verified,
 * and always visible to that organisation and to staff.
 */
export function onlyVisibleOwners<E extends ObjectLiteral>(query: SelectQueryBuilder<E>, actor: Actor | null): SelectQueryBuilder<E> {
  if (isStaff(actor)) return query;
  const alias = query.alias;
  return query.innerJoin(`${alias}.organization`, 'owner').andWhere(
    new Brackets((w) => {
      w.where('owner.verificationStatus = :verifiedOwner', { verifiedOwner: VerificationStatus.VERIFIED });
      if (actor) w.orWhere(`${alias}.organizationId = :ownOrganization`, { ownOrganization: actor.organizationId });
    }),
  );
}

/** Members write only their own organisation's data. */
export function assertOwnOrganization(actor: Actor, organizationId: string, what: string): void {
  if (actor.organizationId !== organizationId) throw DomainError.forbidden(`Only members of its own organisation may change this ${what}`);
}

/** A row's owner as far as visibility goes: its organisation id and verification status. */
export interface Owned {
  organizationId: string;
  organization?: { verificationStatus: VerificationStatus };
}

export function canSeeOwned(actor: Actor | null, row: Owned): boolean {
  return (
    isStaff(actor) || actor?.organizationId === row.organizationId || row.organization?.verificationStatus === VerificationStatus.VERIFIED
  );
}

/**
 * Loads a row for reading: NOT_FOUND when missing or hidden from the actor (existence is not revealed).
 * The row must have been loaded with its `organization` relation.
 */
export function visibleOrNotFound<E extends Owned>(actor: Actor | null, row: E | null, what: string, id: string): E {
  if (!row || !canSeeOwned(actor, row)) throw DomainError.notFound(what, id);
  return row;
}

/** For a write: visible, and owned by the actor's organisation. */
export function ownedOrRefuse<E extends Owned>(actor: Actor, row: E | null, what: string, id: string): E {
  const visible = visibleOrNotFound(actor, row, what, id);
  assertOwnOrganization(actor, visible.organizationId, what);
  return visible;
}
