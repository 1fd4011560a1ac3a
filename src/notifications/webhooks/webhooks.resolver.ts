import { Args, Mutation, Query, Resolver } from '@nestjs/graphql';
import { Allow, CurrentActor } from '../../access/access.decorator';
import { Actor, Role } from '../../access/actor';
import { NotificationDeliveryConnection } from '../notification-delivery.model';
import { CreateWebhookInput, UpdateWebhookInput, WebhookDeliveriesArgs, WebhookIdArgs, WebhooksArgs } from './dto/webhook.inputs';
import { CreatedWebhookModel, WebhookModel, WebhookTestResultModel } from './webhook.model';
import { WebhooksService } from './webhooks.service';

const MANAGERS = [Role.ENTERPRISE_MEMBER, Role.AGENCY_MEMBER, Role.ADMIN];
const READERS = [...MANAGERS, Role.COORDINATOR];

@Resolver(() => WebhookModel)
export class WebhooksResolver {
  constructor(private readonly service: WebhooksService) {}

  @Allow(...READERS)
  @Query(() => [WebhookModel], { description: "An organisation's webhooks (your own by default; staff name the organisation)." })
  webhooks(@CurrentActor() actor: Actor, @Args() args: WebhooksArgs) {
    return this.service.list(actor, args.organizationId);
  }

  @Allow(...READERS)
  @Query(() => NotificationDeliveryConnection, { description: 'The calls made to a webhook, newest first, each with its attempts.' })
  webhookDeliveries(@CurrentActor() actor: Actor, @Args() args: WebhookDeliveriesArgs) {
    return this.service.deliveries(actor, args.webhookId, args);
  }

  @Allow(...MANAGERS)
  @Mutation(() => CreatedWebhookModel, { description: 'Add a webhook; its signing secret is returned this once.' })
  createWebhook(@CurrentActor() actor: Actor, @Args('input', { description: 'The webhook to add.' }) input: CreateWebhookInput) {
    return this.service.create(actor, input);
  }

  @Allow(...MANAGERS)
  @Mutation(() => WebhookModel, { description: 'Change the URL, the events or the activity of a webhook.' })
  updateWebhook(@CurrentActor() actor: Actor, @Args('input', { description: 'What to change.' }) input: UpdateWebhookInput) {
    return this.service.update(actor, input);
  }

  @Allow(...MANAGERS)
  @Mutation(() => Boolean, { description: 'Remove a webhook; the log of its past calls stays.' })
  deleteWebhook(@CurrentActor() actor: Actor, @Args() args: WebhookIdArgs) {
    return this.service.delete(actor, args.id);
  }

  @Allow(...MANAGERS)
  @Mutation(() => CreatedWebhookModel, {
    description: 'Replace the signing secret of a webhook (the old one stops at once); the new one is returned this once.',
  })
  rotateWebhookSecret(@CurrentActor() actor: Actor, @Args() args: WebhookIdArgs) {
    return this.service.rotateSecret(actor, args.id);
  }

  @Allow(...MANAGERS)
  @Mutation(() => WebhookTestResultModel, {
    description: 'Send a signed WEBHOOK_TEST call to a webhook now and report the answer (not logged as a delivery).',
  })
  testWebhook(@CurrentActor() actor: Actor, @Args() args: WebhookIdArgs) {
    return this.service.test(actor, args.id);
  }
}
