import { EntityManager } from 'typeorm';
import { Actor } from '../auth/actor';
import { NeedEntity } from '../needs/need.entity';
import { NotificationPayload, PartySnapshot } from '../notifications/notification-payload';
import { OrganizationEntity } from '../organizations/organization.entity';
import { MatchEntity } from './match.entity';
import { wasIntroduced } from './match-status';
import { Role } from '../users/user.entity';

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
export function matchPayload(match: MatchEntity, parties: MatchParties, audience: NotificationPayload['audience']): NotificationPayload {
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

/** Which side of the match the caller is on, if any. */
export function sideOf(actor: Actor, parties: MatchParties): 'AGENCY' | 'ENTERPRISE' | null {
  if (actor.role === Role.AGENCY_MEMBER && actor.organizationId === parties.agency.id) return 'AGENCY';
  if (actor.role === Role.ENTERPRISE_MEMBER && actor.organizationId === parties.enterprise.id) return 'ENTERPRISE';
  return null;
}
