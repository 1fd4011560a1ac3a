import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { ConnectionType } from '../common/pagination';
import { NotificationEventType } from './notification-event-type';
import { NotificationEntity } from './notification.entity';

@ObjectType('Notification', { description: 'An in-app notification, in the language the recipient had chosen when it was sent.' })
export class NotificationModel {
  @Field(() => ID, { description: 'Identifier.' })
  id: string;

  @Field(() => NotificationEventType, { description: 'What happened.' })
  type: NotificationEventType;

  @Field({ description: 'One line.' })
  title: string;

  @Field({ description: 'The message.' })
  body: string;

  @Field(() => ID, { nullable: true, description: 'The match it is about, if any.' })
  matchId: string | null;

  @Field(() => ID, { nullable: true, description: 'The need it is about, if any.' })
  needId: string | null;

  @Field(() => ID, { nullable: true, description: 'The activity it is about, if any (its page is /activities/<id>).' })
  activityId: string | null;

  @Field(() => ID, { nullable: true, description: 'The equipment donation it is about, if any (`donation(id)`).' })
  donationId: string | null;

  @Field(() => ID, { nullable: true, description: 'The training course it is about, if any (`trainingCourse(id)`).' })
  trainingCourseId: string | null;

  @Field({ description: 'Whether the recipient has marked it read.' })
  read: boolean;

  @Field(() => Date, { nullable: true, description: 'When it was marked read.' })
  readAt: Date | null;

  @Field({ description: 'When it was sent.' })
  createdAt: Date;
}

export const toNotificationModel = (n: NotificationEntity): NotificationModel => ({
  id: n.id,
  type: n.type,
  title: n.title,
  body: n.body,
  matchId: n.matchId,
  needId: n.needId,
  activityId: n.activityId,
  donationId: n.donationId,
  trainingCourseId: n.trainingCourseId,
  read: n.readAt !== null,
  readAt: n.readAt,
  createdAt: n.createdAt,
});

const BaseConnection = ConnectionType(NotificationModel, 'Notification');

@ObjectType('NotificationPage', { description: 'A page of your notifications, newest first, with the number still unread.' })
export class NotificationPageModel extends BaseConnection {
  @Field(() => Int, { description: 'Your unread notifications, across all pages.' })
  unreadCount: number;
}
