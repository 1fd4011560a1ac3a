import { EntityManager } from 'typeorm';
import { Actor, Role } from '../access/actor';
import { NeedEntity } from '../needs/need.entity';
import { Audience, ContactSnapshot, MatchFacts, PartySnapshot } from '../notifications/notification-payload';
import { OrganizationEntity } from '../organizations/organization.entity';
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

/** An organisation's contacts: its own contact fields and its active members. */
export async function contactOf(manager: EntityManager, organization: OrganizationEntity): Promise<ContactSnapshot> {
  return (await contactsOf(manager, [organization]))[0];
}

/** The contacts of each organisation, in the order given: their active members read in one query. */
export async function contactsOf(manager: EntityManager, organizations: readonly OrganizationEntity[]): Promise<ContactSnapshot[]> {
  const people: Array<{ organizationId: string; name: string; email: string }> = await manager.query(
    `SELECT organization_id AS "organizationId", display_name AS name, email FROM app_user WHERE organization_id = ANY($1) AND active AND role IN ('ENTERPRISE_MEMBER', 'AGENCY_MEMBER') ORDER BY display_name, id`,
    [organizations.map((o) => o.id)],
  );
  const byOrganization = new Map(organizations.map((o): [string, ContactSnapshot['people']] => [o.id, []]));
  for (const { organizationId, ...person } of people) byOrganization.get(organizationId)?.push(person);
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
