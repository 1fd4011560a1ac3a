import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { In, IsNull, Repository } from 'typeorm';
import { Actor } from '../access/actor';
import { PageArgs } from '../common/pagination';
import { paginate } from '../database/paginate';
import { NotificationEntity } from './notification.entity';
import { NotificationModel, NotificationPageModel, toNotificationModel } from './notification.model';

/** The in-app inbox of the signed-in user. Nobody reads another user's notifications, not even an admin. */
@Injectable()
export class NotificationsService {
  constructor(@InjectRepository(NotificationEntity) private readonly notifications: Repository<NotificationEntity>) {}

  async list(actor: Actor, unreadOnly: boolean, page: PageArgs): Promise<NotificationPageModel> {
    const query = this.notifications.createQueryBuilder('n').where('n.userId = :userId', { userId: actor.userId });
    if (unreadOnly) query.andWhere('n.readAt IS NULL');
    const [connection, unreadCount] = await Promise.all([
      paginate(query, page, toNotificationModel),
      this.notifications.countBy({ userId: actor.userId, readAt: IsNull() }),
    ]);
    return { ...connection, unreadCount };
  }

  /** Marks the given notifications (or all) read; returns how many changed. Ids of other users' notifications are ignored. */
  async markRead(actor: Actor, ids: string[] | undefined): Promise<number> {
    const where = { userId: actor.userId, readAt: IsNull(), ...(ids ? { id: In(ids) } : {}) };
    const result = await this.notifications.update(where, { readAt: new Date() });
    return result.affected ?? 0;
  }

  /** One of the user's notifications (for the subscription), or null when it is not theirs. */
  async ownedBy(actor: Actor, id: string): Promise<NotificationModel | null> {
    const row = await this.notifications.findOneBy({ id, userId: actor.userId });
    return row ? toNotificationModel(row) : null;
  }
}
