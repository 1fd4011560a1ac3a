import { ArgsType, Field, ID, InputType } from '@nestjs/graphql';
import {
  ArrayMaxSize,
  ArrayNotEmpty,
  ArrayUnique,
  IsArray,
  IsBoolean,
  IsEnum,
  IsOptional,
  IsString,
  IsUUID,
  MaxLength,
} from 'class-validator';
import { PageArgs } from '../../../common/pagination';
import { NotNullIfPresent } from '../../../common/validation';
import '../../notification-enums.model';
import { NotificationEventType } from '../../notification-event-type';
import { WEBHOOK_URL_MAX_LENGTH } from '../webhook-url';

/** More than there are event types: a list this long can only hold repeats. */
export const MAX_WEBHOOK_EVENTS = 20;

@InputType({ description: 'A new webhook.' })
export class CreateWebhookInput {
  @Field(() => ID, {
    nullable: true,
    description: 'The organisation whose events it receives; members may leave it out (their own), administrators must give it.',
  })
  @IsOptional()
  @IsUUID()
  organizationId?: string;

  @Field({ description: `Absolute https:// URL, without credentials (at most ${WEBHOOK_URL_MAX_LENGTH} characters).` })
  @IsString()
  @MaxLength(WEBHOOK_URL_MAX_LENGTH)
  url: string;

  @Field(() => [NotificationEventType], {
    description: `The events to call it for (at least one, no repeats, at most ${MAX_WEBHOOK_EVENTS}).`,
  })
  @IsArray()
  @ArrayNotEmpty({ message: 'events must name at least one event type' })
  @ArrayUnique({ message: 'events must not repeat an event type' })
  @ArrayMaxSize(MAX_WEBHOOK_EVENTS)
  @IsEnum(NotificationEventType, { each: true })
  events: NotificationEventType[];
}

@InputType({ description: 'Changes to a webhook: fields left out stay as they are.' })
export class UpdateWebhookInput {
  @Field(() => ID, { description: 'The webhook to change.' })
  @IsUUID()
  id: string;

  @Field({ nullable: true, description: 'New URL (same rules as on creation).' })
  @NotNullIfPresent()
  @IsString()
  @MaxLength(WEBHOOK_URL_MAX_LENGTH)
  url?: string;

  @Field(() => [NotificationEventType], { nullable: true, description: 'New list of events (replaces the old one).' })
  @NotNullIfPresent()
  @IsArray()
  @ArrayNotEmpty({ message: 'events must name at least one event type' })
  @ArrayUnique({ message: 'events must not repeat an event type' })
  @ArrayMaxSize(MAX_WEBHOOK_EVENTS)
  @IsEnum(NotificationEventType, { each: true })
  events?: NotificationEventType[];

  @Field({ nullable: true, description: 'Pause (false) or resume (true) the calls.' })
  @NotNullIfPresent()
  @IsBoolean()
  active?: boolean;
}

@ArgsType()
export class WebhooksArgs {
  @Field(() => ID, {
    nullable: true,
    description: 'The organisation whose webhooks to list; members may leave it out (their own), staff must give it.',
  })
  @IsOptional()
  @IsUUID()
  organizationId?: string;
}

@ArgsType()
export class WebhookIdArgs {
  @Field(() => ID, { description: 'Identifier of the webhook.' })
  @IsUUID()
  id: string;
}

@ArgsType()
export class WebhookDeliveriesArgs extends PageArgs {
  @Field(() => ID, { description: 'The webhook whose calls to list.' })
  @IsUUID()
  webhookId: string;
}
