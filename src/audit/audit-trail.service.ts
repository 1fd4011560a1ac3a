import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { EntityManager, EntityTarget, In, ObjectLiteral, Repository } from 'typeorm';
import { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity';
import { Actor, isStaff, Role } from '../access/actor';
import { DomainError } from '../common/domain-error';
import { MatchEntity } from '../matches/match.entity';
import { MatchVisibility } from '../matches/match-visibility.policy';
import { statusSeenBy } from '../matches/match.model';
import { MatchStatus } from '../matches/match-status';
import { NeedEntity } from '../needs/need.entity';
import { NeedVisibility } from '../needs/need-visibility.policy';
import { OrganizationEntity } from '../organizations/organization.entity';
import { UserEntity } from '../users/user.entity';
import { AuditEntryEntity } from './audit-entry.entity';
import { changeEntry, FieldChange } from './change-entry';

/** Who acted, as the trail keeps it: the user, and their role and organisation at the time. */
export type AuditActor = Pick<Actor, 'userId' | 'organizationId' | 'role'>;

export interface AuditRecord {
  /** The subject's kind: 'need', 'match', 'organization', 'user', 'webhook', 'capability', 'reference_project', 'notification_delivery'. */
  entityType: string;
  entityId: string;
  /** Null for moves the system makes (expiry, a need's matches withdrawn with it). */
  actor: AuditActor | null;
  action: string;
  fromStatus?: string | null;
  toStatus?: string | null;
  reason?: string | null;
  /** The fields that changed; a status move (from → to) is added when not listed. */
  changes?: FieldChange[];
}

/** A row created, changed or deleted: its fields before and after (null when it did not or no longer exists). */
export interface AuditedChange<E extends ObjectLiteral> extends Omit<AuditRecord, 'changes'> {
  target: EntityTarget<E>;
  before: E | null;
  after: E | null;
}

/** Columns that every write touches and that say nothing of what changed. */
const BOOKKEEPING_COLUMNS = new Set(['id', 'createdAt', 'updatedAt', 'version']);

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
 * The audit trail: written inside the transaction of the change it records, so neither exists without the other.
 * Entries are never changed or deleted (database triggers refuse it).
 */
@Injectable()
export class AuditTrail {
  constructor(@InjectRepository(AuditEntryEntity) private readonly entries: Repository<AuditEntryEntity>) {}

  async record(manager: EntityManager, records: AuditRecord[]): Promise<void> {
    if (records.length === 0) return;
    // The changes are JSON (jsonb) of values of any type, which the typing of insert() cannot follow.
    const rows: QueryDeepPartialEntity<AuditEntryEntity>[] = records.map((r) => ({
        entityType: r.entityType,
        entityId: r.entityId,
        actorUserId: r.actor?.userId ?? null,
        actorRole: r.actor?.role ?? null,
        actorOrganizationId: r.actor?.organizationId ?? null,
        action: r.action,
        fromStatus: r.fromStatus ?? null,
        toStatus: r.toStatus ?? null,
        reason: r.reason ?? null,
        changes: withStatusMove(r) as QueryDeepPartialEntity<FieldChange>[],
      }));
    await manager.insert(AuditEntryEntity, rows);
  }

  /** Records a row's change, computing the changed fields from its entity's columns. */
  async recordChange<E extends ObjectLiteral>(manager: EntityManager, change: AuditedChange<E>): Promise<void> {
    const { target, before, after, ...entry } = change;
    const fields = manager.connection
      .getMetadata(target)
      .columns.map((c) => c.propertyName)
      .filter((field) => !BOOKKEEPING_COLUMNS.has(field));
    await this.record(manager, [{ ...entry, changes: changeEntry(before, after, fields) }]);
  }

  /**
   * Saves `after`, or deletes `before` when `after` is null, and records that change under the row's id (known only
   * once a new row is saved). Runs in the caller's transaction; returns the saved row, or null for a delete.
   */
  async saveOrDelete<E extends ObjectLiteral & { id: string }>(manager: EntityManager, change: Omit<AuditedChange<E>, 'entityId'>): Promise<E | null> {
    const { target, before, after } = change;
    const saved = after && (await manager.save(target, after));
    if (!saved && before) await manager.delete(target, before.id);
    const row = saved ?? before;
    if (row) await this.recordChange(manager, { ...change, entityId: row.id, after: saved });
    return saved;
  }

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
        if (!MatchVisibility.canSee(actor, { ...match, need: await manager.findOneByOrFail(NeedEntity, { id: match.needId }) })) throw DomainError.notFound('Match', entityId);
        hideInternalReview = true;
      } else if (need) {
        if (!NeedVisibility.canSee(actor, need)) throw DomainError.notFound('Need', entityId);
        if (actor.role !== Role.AGENCY_MEMBER || need.organizationId !== actor.organizationId) throw DomainError.forbidden("Only the need's own agency and the secretariat read its audit trail");
      } else {
        throw DomainError.forbidden('Members read the audit trail of their own needs and matches; the secretariat reads every trail');
      }
    }
    const entries = await this.entries.find({ where: { entityId }, order: { createdAt: 'ASC', id: 'ASC' } });
    return this.withActors(actor, hideInternalReview ? entries.filter((e) => !INTERNAL_REVIEW_ACTIONS.includes(e.action)).map((e) => asSeenBySide(e, actor)) : entries);
  }

  /** Each entry with its actor's name, e-mail and organisation name, as far as `reader` may know them. */
  private async withActors(reader: Actor, entries: AuditEntryEntity[]): Promise<AuditEntryView[]> {
    const userIds = [...new Set(entries.map((e) => e.actorUserId).filter((id): id is string => id !== null))];
    const organizationIds = [...new Set(entries.map((e) => e.actorOrganizationId).filter((id): id is string => id !== null))];
    const manager = this.entries.manager;
    const users = new Map((userIds.length ? await manager.findBy(UserEntity, { id: In(userIds) }) : []).map((u) => [u.id, u]));
    const organizations = new Map((organizationIds.length ? await manager.findBy(OrganizationEntity, { id: In(organizationIds) }) : []).map((o) => [o.id, o]));
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
    changes: entry.changes.map((c) => (c.field === 'status' ? { ...c, before: seen(c.before as string | null), after: seen(c.after as string | null) } : c)),
  };
}

/** The record's changes, with its status move first when it made one and did not list it. */
function withStatusMove(r: AuditRecord): FieldChange[] {
  const changes = r.changes ?? [];
  const moved = (r.fromStatus ?? null) !== (r.toStatus ?? null) && !changes.some((c) => c.field === 'status');
  return moved ? [...changeEntry({ status: r.fromStatus ?? null }, { status: r.toStatus ?? null }, ['status']), ...changes] : changes;
}
