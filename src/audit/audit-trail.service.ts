import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { EntityManager, Repository } from 'typeorm';
import { AuditEntryEntity } from './audit-entry.entity';

export interface AuditRecord {
  entityType: string;
  entityId: string;
  actorUserId: string | null;
  action: string;
  fromStatus?: string | null;
  toStatus?: string | null;
  reason?: string | null;
}

/** The audit trail: written inside the transaction of the move it records, so neither exists without the other. */
@Injectable()
export class AuditTrail {
  constructor(@InjectRepository(AuditEntryEntity) private readonly entries: Repository<AuditEntryEntity>) {}

  async record(manager: EntityManager, records: AuditRecord[]): Promise<void> {
    if (records.length === 0) return;
    await manager.insert(
      AuditEntryEntity,
      records.map((r) => ({ ...r, fromStatus: r.fromStatus ?? null, toStatus: r.toStatus ?? null, reason: r.reason ?? null })),
    );
  }

  /** Every entry of one entity, oldest first. */
  async of(entityId: string): Promise<AuditEntryEntity[]> {
    return this.entries.find({ where: { entityId }, order: { createdAt: 'ASC', id: 'ASC' } });
  }
}
