import { Injectable } from '@nestjs/common';
import { EntityManager, EntityTarget, ObjectLiteral } from 'typeorm';
import { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity';
import { Actor } from '../access/actor';
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
 * The audit log: written inside the transaction of the change it records, so neither exists without the other.
 * Entries are never changed or deleted (database triggers refuse it).
 */
@Injectable()
export class AuditLogService {
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
  async saveOrDelete<E extends ObjectLiteral & { id: string }>(
    manager: EntityManager,
    change: Omit<AuditedChange<E>, 'entityId'>,
  ): Promise<E | null> {
    const { target, before, after } = change;
    const saved = after && (await manager.save(target, after));
    if (!saved && before) await manager.delete(target, before.id);
    const row = saved ?? before;
    if (row) await this.recordChange(manager, { ...change, entityId: row.id, after: saved });
    return saved;
  }
}

/** The record's changes, with its status move first when it made one and did not list it. */
function withStatusMove(r: AuditRecord): FieldChange[] {
  const changes = r.changes ?? [];
  const moved = (r.fromStatus ?? null) !== (r.toStatus ?? null) && !changes.some((c) => c.field === 'status');
  return moved ? [...changeEntry({ status: r.fromStatus ?? null }, { status: r.toStatus ?? null }, ['status']), ...changes] : changes;
}
