import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { ConnectionType } from '../common/pagination';
import './notification-enums.model';
import { DeliveryAttemptEntity, DeliveryStatus, NotificationDeliveryEntity } from './notification-delivery.entity';
import { NotificationChannel } from './notification-event-type';

@ObjectType('DeliveryAttempt', { description: 'One attempt at a delivery (the delivery log).' })
export class DeliveryAttemptModel {
  @Field(() => Int, { description: 'Number of the attempt, from 1.' })
  attempt: number;

  @Field({ description: 'Whether the receiver accepted it (HTTP 2xx, or the mail server took the message).' })
  succeeded: boolean;

  @Field(() => Int, {
    nullable: true,
    description: 'HTTP status of a webhook call, or SMTP reply code of an e-mail; null when nothing answered.',
  })
  statusCode: number | null;

  @Field(() => String, { nullable: true, description: 'What went wrong, in short; null on success.' })
  error: string | null;

  @Field(() => Int, { description: 'How long the attempt took, in milliseconds.' })
  durationMs: number;

  @Field({ description: 'When the attempt was made.' })
  createdAt: Date;
}

@ObjectType('NotificationDelivery', { description: 'One e-mail or webhook call to send, with its attempts.' })
export class NotificationDeliveryModel {
  @Field(() => ID, { description: 'Identifier.' })
  id: string;

  @Field({ description: 'Unique key of the delivery; webhook receivers get it as WaterBridge-Delivery to drop repeats.' })
  idempotencyKey: string;

  @Field(() => NotificationChannel, { description: 'E-mail or webhook.' })
  channel: NotificationChannel;

  @Field(() => ID, { nullable: true, description: 'The event reported; null for a digest.' })
  eventId: string | null;

  @Field(() => ID, { nullable: true, description: 'The user written to (e-mail).' })
  userId: string | null;

  @Field(() => ID, { nullable: true, description: 'The webhook called (it may since have been deleted).' })
  webhookId: string | null;

  @Field({ description: 'E-mail address or URL, as it was when the delivery was planned.' })
  address: string;

  @Field(() => DeliveryStatus, { description: 'Where the delivery stands.' })
  status: DeliveryStatus;

  @Field(() => Int, { description: 'Attempts made so far.' })
  attempts: number;

  @Field(() => String, { nullable: true, description: 'Error of the last failed attempt.' })
  lastError: string | null;

  @Field(() => Date, { nullable: true, description: 'When it was delivered.' })
  deliveredAt: Date | null;

  @Field({ description: 'When the delivery was planned.' })
  createdAt: Date;

  @Field({ description: 'When the delivery last changed.' })
  updatedAt: Date;

  @Field(() => [DeliveryAttemptModel], { description: 'Every attempt, oldest first.' })
  attemptLog: DeliveryAttemptModel[];
}

export const NotificationDeliveryConnection = ConnectionType(NotificationDeliveryModel, 'NotificationDelivery');

export function toDeliveryAttemptModel(entity: DeliveryAttemptEntity): DeliveryAttemptModel {
  return {
    attempt: entity.attempt,
    succeeded: entity.succeeded,
    statusCode: entity.statusCode,
    error: entity.error,
    durationMs: entity.durationMs,
    createdAt: entity.createdAt,
  };
}

/** `attempts`: the delivery's attempt rows, in any order. */
export function toNotificationDeliveryModel(
  entity: NotificationDeliveryEntity,
  attempts: DeliveryAttemptEntity[],
): NotificationDeliveryModel {
  return {
    id: entity.id,
    idempotencyKey: entity.idempotencyKey,
    channel: entity.channel,
    eventId: entity.eventId,
    userId: entity.userId,
    webhookId: entity.webhookId,
    address: entity.address,
    status: entity.status,
    attempts: entity.attempts,
    lastError: entity.lastError,
    deliveredAt: entity.deliveredAt,
    createdAt: entity.createdAt,
    updatedAt: entity.updatedAt,
    attemptLog: [...attempts].sort((a, b) => a.attempt - b.attempt).map(toDeliveryAttemptModel),
  };
}
