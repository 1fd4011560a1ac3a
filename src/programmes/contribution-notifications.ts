import { EntityManager, In } from 'typeorm';
import { Actor, isStaff } from '../access/actor';
import { NotificationEventType } from '../notifications/notification-event-type';
import { NotificationOutboxService } from '../notifications/notification-outbox.service';
import { ContributionFacts } from '../notifications/notification-payload';
import { OrganizationEntity } from '../organizations/organization.entity';

/** A donation or a course after a move, as the notification tells it. */
export interface ContributionMoved {
  contribution: 'DONATION' | 'TRAINING';
  id: string;
  title: string;
  status: string;
  giverId: string;
  recipientId: string;
  reason: string | null;
  value?: number | null;
  currency?: string | null;
  handedOverOn?: string | null;
  trainees?: number;
  hours?: number;
  certificatesIssued?: number;
}

/**
 * Tells of a donation's or a course's move, in its transaction (CONTRIBUTION_CHANGED): the recipient and the giver,
 * except the side whose member made the move (a coordinator's move tells both); a pledge also the coordinators, who
 * approve it.
 */
export async function tellOfContribution(
  manager: EntityManager,
  notifications: NotificationOutboxService,
  actor: Actor,
  moved: ContributionMoved,
): Promise<void> {
  const { giverId, recipientId, id, title, contribution, status, reason, ...figures } = moved;
  const organizations = await manager.findBy(OrganizationEntity, { id: In([giverId, recipientId]) });
  const party = (organizationId: string) => {
    const o = organizations.find((org) => org.id === organizationId);
    return { organizationId, nameEn: o?.nameEn ?? '', nameZh: o?.nameZh ?? null };
  };
  const told = [...new Set([recipientId, giverId])].filter((org) => isStaff(actor) || org !== actor.organizationId);
  const facts: ContributionFacts = {
    audience: { organizationIds: told, userIds: [], coordinators: status === 'PLEDGED' },
    contribution,
    contributionId: id,
    contributionTitle: title,
    status,
    giver: party(giverId),
    recipient: party(recipientId),
    ...(reason ? { reason } : {}),
    ...figures,
  };
  await notifications.emit(manager, NotificationEventType.CONTRIBUTION_CHANGED, facts);
}
