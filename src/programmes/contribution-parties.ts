import { EntityManager } from 'typeorm';
import { Actor, isStaff } from '../access/actor';
import { DomainError } from '../common/domain-error';
import { NeedEntity } from '../needs/need.entity';
import { PUBLISHED_NEED_STATUSES } from '../needs/need-status';
import { NEED_POSTING_KINDS, OrganizationEntity, OrganizationKind, VerificationStatus } from '../organizations/organization.entity';
import { ProgrammeEntity } from './programme.entity';

/**
 * The parties of a contribution the alliance brokers (an equipment donation, a training course): who gives — the
 * caller's own verified organisation, or any one a coordinator names — who receives — a verified joint centre or
 * partner agency — and, optionally, the recipient's published need it answers and the programme it belongs to.
 */
export async function contributionParties(
  manager: EntityManager,
  actor: Actor,
  input: { giverId?: string | null; recipientId: string; needId?: string | null; programmeId?: string | null },
  giver: { field: string; kinds: readonly OrganizationKind[]; noun: string },
): Promise<{ giverId: string; recipientId: string }> {
  const giverId = isStaff(actor) ? input.giverId : actor.organizationId;
  if (!giverId) throw DomainError.badInput(giver.field, `name the ${giver.noun}`);
  if (!isStaff(actor) && input.giverId && input.giverId !== actor.organizationId)
    throw DomainError.forbidden('Members pledge for their own organisation only');
  const giving = await manager.findOneBy(OrganizationEntity, { id: giverId });
  if (!giving || !giver.kinds.includes(giving.kind))
    throw DomainError.badInput(
      giver.field,
      `the ${giver.noun} is ${giver.kinds.map((k) => k.toLowerCase().replace('_', ' ')).join(' or ')}`,
    );
  if (giving.verificationStatus !== VerificationStatus.VERIFIED)
    throw DomainError.forbidden('Your organisation must be verified by the secretariat before it pledges');
  const recipient = await manager.findOneBy(OrganizationEntity, { id: input.recipientId });
  if (!recipient || !NEED_POSTING_KINDS.includes(recipient.kind) || recipient.verificationStatus !== VerificationStatus.VERIFIED)
    throw DomainError.badInput('recipientId', 'the recipient is a verified joint research centre or partner agency');
  if (input.needId) {
    const need = await manager.findOneBy(NeedEntity, { id: input.needId });
    if (!need || need.organizationId !== recipient.id || !PUBLISHED_NEED_STATUSES.includes(need.status))
      throw DomainError.badInput('needId', 'the need is a published need of the recipient');
  }
  if (input.programmeId && !(await manager.existsBy(ProgrammeEntity, { id: input.programmeId })))
    throw DomainError.badInput('programmeId', `programme ${input.programmeId} does not exist`);
  return { giverId, recipientId: recipient.id };
}
