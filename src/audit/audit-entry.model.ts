import { Field, ID, ObjectType } from '@nestjs/graphql';
import { Role } from '../access/actor';
import { AuditEntryView } from './audit-trail.service';

@ObjectType('AuditActor', { description: 'Who made a recorded change, with their role and organisation at the time.' })
export class AuditActorModel {
  @Field(() => ID, { description: 'The user.' })
  userId: string;

  @Field(() => String, {
    nullable: true,
    description: "The user's name: shown to the secretariat, and to members for their own organisation's people only (null otherwise).",
  })
  name: string | null;

  @Field(() => String, { nullable: true, description: "The user's e-mail address, shown as the name is (null otherwise)." })
  email: string | null;

  @Field(() => Role, { nullable: true, description: 'Their role when they acted (null for entries older than this record).' })
  role: Role | null;

  @Field(() => ID, { nullable: true, description: 'Their organisation when they acted.' })
  organizationId: string | null;

  @Field(() => String, { nullable: true, description: "That organisation's English name." })
  organizationName: string | null;
}

@ObjectType('AuditFieldChange', {
  description: 'One field a recorded change changed. A secret (password, signing secret, token) shows as changed, never with its values.',
})
export class AuditFieldChangeModel {
  @Field({ description: 'The field, as named in the API or the data model (e.g. "title", "verificationStatus").' })
  field: string;

  @Field(() => String, {
    nullable: true,
    description: 'The value before, as JSON; null when there was none (a row created) or it is a secret.',
  })
  before: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'The value after, as JSON; null when there is none (a row deleted) or it is a secret.',
  })
  after: string | null;

  @Field({ description: 'Whether the field is a secret, recorded without its values.' })
  secret: boolean;
}

@ObjectType('AuditEntry', {
  description: 'One recorded change: who, when, to what, which fields from what to what, and why. Entries are never changed or deleted.',
})
export class AuditEntryModel {
  @Field(() => ID, { description: 'Identifier (increasing in time).' })
  id: string;

  @Field({
    description: 'Kind of entity changed: need, match, organization, user, webhook, capability, reference_project, notification_delivery.',
  })
  entityType: string;

  @Field(() => ID, { description: 'The entity.' })
  entityId: string;

  @Field(() => ID, { nullable: true, description: 'Who acted; null when the system did (expiry, reminders).' })
  actorUserId: string | null;

  @Field(() => AuditActorModel, { nullable: true, description: 'Who acted, in more detail; null when the system did.' })
  actor: AuditActorModel | null;

  @Field({ description: 'What was done, e.g. "create", "publish", "approve", "accept", "expire".' })
  action: string;

  @Field(() => String, { nullable: true, description: 'Status before (workflow moves).' })
  fromStatus: string | null;

  @Field(() => String, { nullable: true, description: 'Status after (workflow moves).' })
  toStatus: string | null;

  @Field(() => String, { nullable: true, description: 'The reason given, when there was one.' })
  reason: string | null;

  @Field(() => [AuditFieldChangeModel], { description: 'The fields that changed (empty for entries older than this record).' })
  changes: AuditFieldChangeModel[];

  @Field({ description: 'When.' })
  at: Date;
}

const json = (value: unknown): string | null => (value === null || value === undefined ? null : JSON.stringify(value));

export const toAuditEntryModel = ({ entry: e, actorName, actorEmail, actorOrganizationName }: AuditEntryView): AuditEntryModel => ({
  id: e.id,
  entityType: e.entityType,
  entityId: e.entityId,
  actorUserId: e.actorUserId,
  actor: e.actorUserId
    ? {
        userId: e.actorUserId,
        name: actorName,
        email: actorEmail,
        role: e.actorRole,
        organizationId: e.actorOrganizationId,
        organizationName: actorOrganizationName,
      }
    : null,
  action: e.action,
  fromStatus: e.fromStatus,
  toStatus: e.toStatus,
  reason: e.reason,
  changes: e.changes.map((c) => ({ field: c.field, before: json(c.before), after: json(c.after), secret: c.secret })),
  at: e.createdAt,
});
