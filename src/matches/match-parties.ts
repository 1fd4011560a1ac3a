import { EntityManager } from 'typeorm';
import { Actor, Role } from '../access/actor';
import { NeedEntity } from '../needs/need.entity';
import { Audience, ContactSnapshot, MatchFacts, PartySnapshot } from '../notifications/notification-payload';
import { OrganizationEntity } from '../organizations/organization.entity';
import { MemberContact } from '../users/users.repository';
import { MatchEntity } from './match.entity';
import { wasIntroduced } from './match-status';

/** The two sides of a match and its need, read once per move: what events say and what contacts reveal. */
export interface MatchParties {
  need: NeedEntity;
  agency: OrganizationEntity;
  enterprise: OrganizationEntity;
}

export async function loadParties(manager: EntityManager, match: Pick<MatchEntity, 'needId' | 'enterpriseId'>): Promise<MatchParties> {
  const need = await manager.findOneByOrFail(NeedEntity, { id: match.needId });
  const [agency, enterprise] = await Promise.all([
    manager.findOneByOrFail(OrganizationEntity, { id: need.organizationId }),
    manager.findOneByOrFail(OrganizationEntity, { id: match.enterpriseId }),
  ]);
  return { need, agency, enterprise };
}

const party = (o: OrganizationEntity): PartySnapshot => ({ organizationId: o.id, nameEn: o.nameEn, nameZh: o.nameZh });

/**
 * The common part of every match event's payload. The score goes to an organisation (its members, its webhooks) only
 * once the sides were introduced, as in what they read of the match (toMatchModel); coordinators always get it.
 */
export function matchPayload(match: MatchEntity, parties: MatchParties, audience: Audience): MatchFacts {
  const showScore = audience.organizationIds.length === 0 || wasIntroduced(match);
  return {
    audience,
    matchId: match.id,
    needId: parties.need.id,
    needTitle: parties.need.title,
    countryCode: parties.need.countryCode,
    agency: party(parties.agency),
    enterprise: party(parties.enterprise),
    ...(showScore ? { score: match.score } : {}),
  };
}

/** The contacts of each organisation, in the order given: its own contact fields and its active `members`. */
export function contactsOf(organizations: readonly OrganizationEntity[], members: readonly MemberContact[]): ContactSnapshot[] {
  const byOrganization = new Map(organizations.map((o): [string, ContactSnapshot['people']] => [o.id, []]));
  for (const { organizationId, ...person } of members) byOrganization.get(organizationId)?.push(person);
  return organizations.map((o) => ({
    organization: o.nameEn,
    email: o.contactEmail,
    phone: o.contactPhone,
    website: o.website,
    people: byOrganization.get(o.id) ?? [],
  }));
}

/** Which side of the match the caller is on, if any. */
export function sideOf(actor: Actor, parties: MatchParties): 'AGENCY' | 'ENTERPRISE' | null {
  if (actor.role === Role.AGENCY_MEMBER && actor.organizationId === parties.agency.id) return 'AGENCY';
  if (actor.role === Role.ENTERPRISE_MEMBER && actor.organizationId === parties.enterprise.id) return 'ENTERPRISE';
  return null;
}
