import { Args, Int, Mutation, Query, Resolver, Subscription } from '@nestjs/graphql';
import { Allow, ANY_ROLE, CurrentActor } from '../access/access.decorator';
import { Actor, Role } from '../access/actor';
import {
  DeliveryIdArgs,
  MarkNotificationsReadArgs,
  NotificationDeliveriesArgs,
  NotificationsArgs,
  SetNotificationPreferencesArgs,
} from './dto/notification.inputs';
import { DeliveryLogService } from './delivery-log.service';
import { NotificationDeliveryConnection, NotificationDeliveryModel } from './notification-delivery.model';
import { NotificationPreferenceModel } from './notification-preference.model';
import { NotificationPreferencesService } from './notification-preferences.service';
import { NotificationModel, NotificationPageModel } from './notification.model';
import { NotificationsService } from './notifications.service';
import { NotificationStreamService } from './notification-stream.service';
import './notification-enums.model';

@Resolver()
export class NotificationsResolver {
  constructor(
    private readonly inbox: NotificationsService,
    private readonly preferences: NotificationPreferencesService,
    private readonly stream: NotificationStreamService,
    private readonly deliveries: DeliveryLogService,
  ) {}

  @Allow(...ANY_ROLE)
  @Query(() => NotificationPageModel, { description: 'Your in-app notifications, newest first.' })
  notifications(@CurrentActor() actor: Actor, @Args() args: NotificationsArgs) {
    return this.inbox.list(actor, args.unreadOnly, args);
  }

  @Allow(...ANY_ROLE)
  @Mutation(() => Int, { description: 'Marks your notifications read (the given ones, or all); returns how many changed.' })
  markNotificationsRead(@CurrentActor() actor: Actor, @Args() args: MarkNotificationsReadArgs) {
    return this.inbox.markRead(actor, args.ids);
  }

  @Allow(...ANY_ROLE)
  @Subscription(() => NotificationModel, {
    description:
      'Your new in-app notifications as they arrive (graphql-ws over WebSocket; send `authorization: "Bearer <token>"` in the connection parameters).',
    resolve: (notification: NotificationModel) => notification,
  })
  notificationAdded(@CurrentActor() actor: Actor): AsyncIterableIterator<NotificationModel> {
    return this.stream.notificationsOf(actor.userId, (id) => this.inbox.ownedBy(actor, id));
  }

  @Allow(...ANY_ROLE)
  @Query(() => [NotificationPreferenceModel], {
    description: 'Your notification choices: every event type on in-app and e-mail, chosen or default.',
  })
  notificationPreferences(@CurrentActor() actor: Actor) {
    return this.preferences.of(actor);
  }

  @Allow(...ANY_ROLE)
  @Mutation(() => [NotificationPreferenceModel], { description: 'Saves some of your notification choices; returns them all.' })
  setNotificationPreferences(@CurrentActor() actor: Actor, @Args() args: SetNotificationPreferencesArgs) {
    return this.preferences.set(actor, args.input);
  }

  @Allow(Role.ADMIN)
  @Query(() => NotificationDeliveryConnection, {
    description: 'E-mail and webhook deliveries with their attempts, newest first (DEAD ones are the dead letters). Admins.',
  })
  notificationDeliveries(@Args() args: NotificationDeliveriesArgs) {
    return this.deliveries.list(args, args);
  }

  @Allow(Role.ADMIN)
  @Mutation(() => NotificationDeliveryModel, {
    description: 'Gives a DEAD delivery a fresh set of attempts (once its cause is fixed). Admins.',
  })
  retryNotificationDelivery(@CurrentActor() actor: Actor, @Args() args: DeliveryIdArgs) {
    return this.deliveries.retryDead(actor, args.id);
  }
}
