import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import '../notification-enums.model';
import { NotificationEventType } from '../notification-event-type';
import { WebhookEndpointEntity } from './webhook-endpoint.entity';

@ObjectType('Webhook', { description: "An organisation's HTTPS endpoint, called (signed) for the events it chose. See docs/WEBHOOKS.md." })
export class WebhookModel {
  @Field(() => ID, { description: 'Identifier.' })
  id: string;

  @Field(() => ID, { description: 'The organisation whose events it receives.' })
  organizationId: string;

  @Field({ description: 'Where the calls go.' })
  url: string;

  @Field(() => [NotificationEventType], { description: 'The events it is called for.' })
  events: NotificationEventType[];

  @Field({ description: 'Whether it is called; an inactive webhook keeps its settings and its log.' })
  active: boolean;

  @Field({ description: 'When the webhook was created.' })
  createdAt: Date;

  @Field({ description: 'When the webhook was last changed.' })
  updatedAt: Date;
}

@ObjectType('CreatedWebhook', { description: 'A webhook with its signing secret, shown this once (on creation or rotation).' })
export class CreatedWebhookModel {
  @Field(() => WebhookModel, { description: 'The webhook.' })
  webhook: WebhookModel;

  @Field({ description: 'The secret that signs its calls (WaterBridge-Signature). Keep it: it cannot be read again, only rotated.' })
  secret: string;
}

@ObjectType('WebhookTestResult', { description: 'What happened to a test call.' })
export class WebhookTestResultModel {
  @Field({ description: 'Whether the receiver answered 2xx.' })
  ok: boolean;

  @Field(() => Int, { nullable: true, description: 'HTTP status of the answer; null when none came (refused, unreachable, timed out).' })
  statusCode: number | null;

  @Field(() => Int, { description: 'How long the call took, in milliseconds.' })
  durationMs: number;

  @Field(() => String, { nullable: true, description: 'What went wrong, in short; null on success.' })
  error: string | null;
}

/** Never maps the secret: it leaves the server only in CreatedWebhook. */
export function toWebhookModel(entity: WebhookEndpointEntity): WebhookModel {
  return {
    id: entity.id,
    organizationId: entity.organizationId,
    url: entity.url,
    events: entity.events,
    active: entity.active,
    createdAt: entity.createdAt,
    updatedAt: entity.updatedAt,
  };
}
