import { Field, ID, ObjectType } from '@nestjs/graphql';
import { AuditEntryEntity } from './audit-entry.entity';

@ObjectType('AuditEntry', { description: 'One recorded move of a workflow entity: who, when, from what to what, and why.' })
export class AuditEntryModel {
  @Field(() => ID, { description: 'Identifier (increasing in time).' })
  id: string;

  @Field({ description: 'Kind of entity, e.g. "match".' })
  entityType: string;

  @Field(() => ID, { description: 'The entity.' })
  entityId: string;

  @Field(() => ID, { nullable: true, description: 'Who acted; null when the system did (expiry, reminders).' })
  actorUserId: string | null;

  @Field({ description: 'What was done, e.g. "approve", "accept", "expire".' })
  action: string;

  @Field(() => String, { nullable: true, description: 'Status before.' })
  fromStatus: string | null;

  @Field(() => String, { nullable: true, description: 'Status after.' })
  toStatus: string | null;

  @Field(() => String, { nullable: true, description: 'The reason given, when there was one.' })
  reason: string | null;

  @Field({ description: 'When.' })
  at: Date;
}

export const toAuditEntryModel = (e: AuditEntryEntity): AuditEntryModel => ({
  id: e.id,
  entityType: e.entityType,
  entityId: e.entityId,
  actorUserId: e.actorUserId,
  action: e.action,
  fromStatus: e.fromStatus,
  toStatus: e.toStatus,
  reason: e.reason,
  at: e.createdAt,
});
