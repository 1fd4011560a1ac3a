import { Field, ObjectType } from '@nestjs/graphql';
import { DigestFrequency, NotificationChannel, NotificationEventType } from './notification-event-type';

@ObjectType('NotificationPreference', { description: 'Whether, and how often, you hear of one event type on one channel.' })
export class NotificationPreferenceModel {
  @Field(() => NotificationEventType, { description: 'The event type.' })
  eventType: NotificationEventType;

  @Field(() => NotificationChannel, { description: 'IN_APP or EMAIL.' })
  channel: NotificationChannel;

  @Field({ description: 'Whether you get it on this channel.' })
  enabled: boolean;

  @Field(() => DigestFrequency, { description: 'At once, or in a daily or weekly digest.' })
  frequency: DigestFrequency;

  @Field({ description: 'False while the default applies.' })
  chosen: boolean;
}
