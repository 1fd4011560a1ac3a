import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { In, Repository } from 'typeorm';
import { Actor, isStaff, Role } from '../access/actor';
import { AuditEntryEntity } from '../audit-log/audit-entry.entity';
import { DomainError } from '../common/domain-error';
import { MatchEntity } from '../matches/match.entity';
import { MatchVisibility } from '../matches/match-visibility.policy';
import { statusSeenBy } from '../matches/match.model';
import { MatchStatus } from '../matches/match-status';
import { NeedEntity } from '../needs/need.entity';
import { NeedVisibility } from '../needs/need-visibility.policy';
import { OrganizationEntity } from '../organizations/organization.entity';
import { UserEntity } from '../users/user.entity';

/**
 * Steps of the secretariat's own review before an introduction. The two sides of a match do not read them: who
 * suggested, shortlisted or approved a candidate, and when, is the secretariat's internal work (the introduction
 * itself, and everything after it, they read).
 */
export const INTERNAL_REVIEW_ACTIONS: readonly string[] = ['suggest', 'shortlist', 'approve'];

/** An entry with what its reader may see of its actor: name and e-mail only of their own organisation's people, for staff of anyone's. */
export interface AuditEntryView {
  entry: AuditEntryEntity;
  actorName: string | null;
  actorEmail: string | null;
  actorOrganizationName: string | null;
}

/**
 * Reads the audit log (src/audit-log) as each reader may: which trails, which steps, whose names. It applies the
 * visibility rules of needs and matches, so it sits above those domains; they only write to the log.
 */
@Injectable()
export class AuditTrailService {
  constructor(@InjectRepository(AuditEntryEntity) private readonly entries: Repository<AuditEntryEntity>) {}

  /**
   * The trail of one entity, oldest first, as `actor` may read it. Coordinators and admins read every trail; an agency
   * member the trail of the agency's own needs and of its matches once introduced; an enterprise member the trail of
   * its matches it can see (introduced, or its own expressed interest). The sides do not read the secretariat's
   * review steps (INTERNAL_REVIEW_ACTIONS). A need or match the caller cannot see is NOT_FOUND; a published need of
   * another organisation, and any other entity, FORBIDDEN.
   */
  async readBy(actor: Actor, entityId: string): Promise<AuditEntryView[]> {
    const manager = this.entries.manager;
    let hideInternalReview = false;
    if (!isStaff(actor)) {
      const match = await manager.findOneBy(MatchEntity, { id: entityId });
      const need = match ? null : await manager.findOneBy(NeedEntity, { id: entityId });
      if (match) {
        if (!MatchVisibility.canSee(actor, { ...match, need: await manager.findOneByOrFail(NeedEntity, { id: match.needId }) }))
          throw DomainError.notFound('Match', entityId);
        hideInternalReview = true;
      } else if (need) {
        if (!NeedVisibility.canSee(actor, need)) throw DomainError.notFound('Need', entityId);
        if (actor.role !== Role.AGENCY_MEMBER || need.organizationId !== actor.organizationId)
          throw DomainError.forbidden("Only the need's own agency and the secretariat read its audit trail");
      } else {
        throw DomainError.forbidden('Members read the audit trail of their own needs and matches; the secretariat reads every trail');
      }
    }
    const entries = await this.entries.find({ where: { entityId }, order: { createdAt: 'ASC', id: 'ASC' } });
    return this.withActors(
      actor,
      hideInternalReview ? entries.filter((e) => !INTERNAL_REVIEW_ACTIONS.includes(e.action)).map((e) => asSeenBySide(e, actor)) : entries,
    );
  }

  /** Each entry with its actor's name, e-mail and organisation name, as far as `reader` may know them. */
  private async withActors(reader: Actor, entries: AuditEntryEntity[]): Promise<AuditEntryView[]> {
    const userIds = [...new Set(entries.map((e) => e.actorUserId).filter((id): id is string => id !== null))];
    const organizationIds = [...new Set(entries.map((e) => e.actorOrganizationId).filter((id): id is string => id !== null))];
    const manager = this.entries.manager;
    const users = new Map((userIds.length ? await manager.findBy(UserEntity, { id: In(userIds) }) : []).map((u) => [u.id, u]));
    const organizations = new Map(
      (organizationIds.length ? await manager.findBy(OrganizationEntity, { id: In(organizationIds) }) : []).map((o) => [o.id, o]),
    );
    return entries.map((entry) => {
      const user = entry.actorUserId ? users.get(entry.actorUserId) : undefined;
      // Contacts are disclosed to the other side only at engagement (and then by notification): the trail names the
      // other side's people to nobody outside the secretariat.
      const named = user !== undefined && (isStaff(reader) || entry.actorOrganizationId === reader.organizationId);
      return {
        entry,
        actorName: named ? user.displayName : null,
        actorEmail: named ? user.email : null,
        actorOrganizationName: entry.actorOrganizationId ? (organizations.get(entry.actorOrganizationId)?.nameEn ?? null) : null,
      };
    });
  }
}

/** A match entry as a side reads it: review statuses as the side reads the match (statusSeenBy: SHORTLISTED is SUGGESTED). */
function asSeenBySide(entry: AuditEntryEntity, actor: Actor): AuditEntryEntity {
  const seen = (status: string | null) => (status === null ? null : statusSeenBy({ status: status as MatchStatus }, actor));
  return {
    ...entry,
    fromStatus: seen(entry.fromStatus),
    toStatus: seen(entry.toStatus),
    changes: entry.changes.map((c) =>
      c.field === 'status' ? { ...c, before: seen(c.before as string | null), after: seen(c.after as string | null) } : c,
    ),
  };
}
