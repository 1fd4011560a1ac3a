import { ArgsType, Field, ID, InputType } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, ArrayUnique, IsBoolean, IsEnum, IsIn, IsOptional, IsUUID, ValidateNested } from 'class-validator';
import { PageArgs } from '../../common/pagination';
import { PERSONAL_CHANNELS, PersonalChannel } from '../notification-defaults';
import { DeliveryStatus } from '../notification-delivery.entity';
import { DigestFrequency, NotificationChannel, NotificationEventType } from '../notification-event-type';

@ArgsType()
export class NotificationsArgs extends PageArgs {
  @Field({ defaultValue: false, description: 'Only the notifications not yet marked read.' })
  @IsBoolean()
  unreadOnly: boolean = false;
}

@ArgsType()
export class MarkNotificationsReadArgs {
  @Field(() => [ID], { nullable: true, description: 'The notifications to mark read (at most 100); leave out to mark all of yours read.' })
  @IsOptional()
  @ArrayMinSize(1)
  @ArrayMaxSize(100)
  @IsUUID('all', { each: true })
  ids?: string[];
}

@InputType({ description: 'Your choice for one event type on one channel.' })
export class NotificationPreferenceInput {
  @Field(() => NotificationEventType, { description: 'The event type.' })
  @IsEnum(NotificationEventType)
  eventType: NotificationEventType;

  @Field(() => NotificationChannel, { description: 'IN_APP or EMAIL (webhooks are chosen per organisation endpoint).' })
  @IsIn(PERSONAL_CHANNELS, { message: 'channel must be IN_APP or EMAIL (webhooks choose their events themselves)' })
  channel: PersonalChannel;

  @Field({ description: 'Whether you get it on this channel.' })
  @IsBoolean()
  enabled: boolean;

  @Field(() => DigestFrequency, {
    nullable: true,
    description: 'At once, or gathered in a daily or weekly digest (opportunity alerts by e-mail only). Default IMMEDIATE.',
  })
  @IsOptional()
  @IsEnum(DigestFrequency)
  frequency?: DigestFrequency;
}

@ArgsType()
export class SetNotificationPreferencesArgs {
  @Field(() => [NotificationPreferenceInput], { description: 'The choices to save (all or none are saved).' })
  @ArrayMinSize(1)
  @ArrayMaxSize(100)
  @ArrayUnique((p: NotificationPreferenceInput) => `${p.eventType}:${p.channel}`, {
    message: 'input must name each event type and channel once',
  })
  @ValidateNested({ each: true })
  @Type(() => NotificationPreferenceInput)
  input: NotificationPreferenceInput[];
}

@ArgsType()
export class NotificationDeliveriesArgs extends PageArgs {
  @Field(() => DeliveryStatus, { nullable: true, description: 'Only deliveries in this status (DEAD: the dead letters).' })
  @IsOptional()
  @IsEnum(DeliveryStatus)
  status?: DeliveryStatus;

  @Field(() => NotificationChannel, { nullable: true, description: 'Only this channel (EMAIL or WEBHOOK).' })
  @IsOptional()
  @IsEnum(NotificationChannel)
  channel?: NotificationChannel;

  @Field(() => ID, { nullable: true, description: 'Only e-mails to this user.' })
  @IsOptional()
  @IsUUID()
  userId?: string;

  @Field(() => ID, { nullable: true, description: 'Only calls to this webhook.' })
  @IsOptional()
  @IsUUID()
  webhookId?: string;
}

@ArgsType()
export class DeliveryIdArgs {
  @Field(() => ID, { description: 'The delivery.' })
  @IsUUID()
  id: string;
}
