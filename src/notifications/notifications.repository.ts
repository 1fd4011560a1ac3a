import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { Language, Role } from '../access/actor';
import { PersonalChannel } from './notification-defaults';
import { DigestFrequency, NotificationEventType } from './notification-event-type';
import { NotificationPayload } from './notification-payload';
import { NOTIFICATION_CHANNEL } from './notification-stream.service';

/** An event of the outbox (`notification_event`). */
export interface StoredEvent {
  id: string;
  type: NotificationEventType;
  payload: NotificationPayload;
  createdAt: Date;
}

/** A user who hears of an event, with what the texts and the deliveries need. */
export interface Recipient {
  id: string;
  email: string;
  displayName: string;
  preferredLanguage: Language;
  organizationId: string;
  role: Role;
}

/** One in-app notification to add. */
export interface NewNotification {
  userId: string;
  eventId: string;
  type: string;
  title: string;
  body: string;
  matchId: string | null;
  needId: string | null;
  activityId: string | null;
  donationId: string | null;
  trainingCourseId: string | null;
}

/** A user's stored choice for one event type and channel. */
export interface StoredPreference {
  userId: string;
  eventType: NotificationEventType;
  channel: PersonalChannel;
  enabled: boolean;
  frequency: DigestFrequency;
}

/**
 * What the notification jobs read and write besides the deliveries: the events of the outbox, the in-app
 * notifications, and the recipients and preferences an event is fanned out by. Every method runs in the caller's
 * transaction (`manager`).
 */
@Injectable()
export class NotificationsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Locks (SKIP LOCKED) up to `limit` events not yet fanned out, oldest first. */
  lockPendingEvents(limit: number, manager: EntityManager): Promise<Array<Omit<StoredEvent, 'createdAt'>>> {
    return manager.query(
      `SELECT id, type, payload FROM notification_event WHERE fanned_out_at IS NULL ORDER BY created_at, id LIMIT $1 FOR UPDATE SKIP LOCKED`,
      [limit],
    );
  }

  async markFannedOut(eventIds: string[], manager: EntityManager): Promise<void> {
    await manager.query(`UPDATE notification_event SET fanned_out_at = now() WHERE id = ANY($1)`, [eventIds]);
  }

  async findEvent(id: string, manager: EntityManager = this.dataSource.manager): Promise<StoredEvent | undefined> {
    const [event]: StoredEvent[] = await manager.query(
      `SELECT type, payload, created_at AS "createdAt" FROM notification_event WHERE id = $1`,
      [id],
    );
    return event && { ...event, id };
  }

  /**
   * Adds the in-app notifications not there yet (one per event and user), and announces each on the NOTIFY channel
   * the API processes listen on. NOTIFY is delivered on commit, so a subscriber never hears of one rolled back.
   */
  async addInApp(notifications: NewNotification[], manager: EntityManager): Promise<void> {
    await manager.query(
      `WITH added AS (
         INSERT INTO notification (user_id, event_id, type, title, body, match_id, need_id, activity_id, donation_id, training_course_id)
         SELECT * FROM jsonb_to_recordset($1::jsonb)
           AS n("userId" uuid, "eventId" uuid, type text, title text, body text, "matchId" uuid, "needId" uuid, "activityId" uuid,
                "donationId" uuid, "trainingCourseId" uuid)
         ON CONFLICT (event_id, user_id) DO NOTHING
         RETURNING id, user_id)
       SELECT count(pg_notify($2, json_build_object('userId', user_id, 'id', id)::text)) FROM added`,
      [JSON.stringify(notifications), NOTIFICATION_CHANNEL],
    );
  }

  /** Active users of the organisations named, the users named, and (when asked) every active coordinator. */
  findRecipients(
    audience: { organizationIds: string[]; userIds: string[]; coordinators: boolean },
    manager: EntityManager,
  ): Promise<Recipient[]> {
    return manager.query(
      `SELECT id, email, display_name AS "displayName", preferred_language AS "preferredLanguage", organization_id AS "organizationId", role
       FROM app_user
       WHERE active AND (organization_id = ANY($1) OR id = ANY($2) OR ($3 AND role = 'COORDINATOR'))
       ORDER BY id`,
      [audience.organizationIds, audience.userIds, audience.coordinators],
    );
  }

  /** The reader of an e-mail, or none when the user no longer exists. */
  async findReader(userId: string, manager: EntityManager): Promise<Omit<Recipient, 'id' | 'email'> | undefined> {
    const [user]: Array<Omit<Recipient, 'id' | 'email'>> = await manager.query(
      `SELECT display_name AS "displayName", preferred_language AS "preferredLanguage", organization_id AS "organizationId", role FROM app_user WHERE id = $1`,
      [userId],
    );
    return user;
  }

  /** The choices the users made (what they did not choose has no row). */
  preferencesOf(userIds: string[], manager: EntityManager): Promise<StoredPreference[]> {
    return manager.query(
      `SELECT user_id AS "userId", event_type AS "eventType", channel, enabled, frequency FROM notification_preference WHERE user_id = ANY($1)`,
      [userIds],
    );
  }

  /** How often the user gets e-mails of `eventType`: their choice, else daily. */
  async emailFrequency(userId: string, eventType: NotificationEventType, manager: EntityManager): Promise<DigestFrequency> {
    const [{ frequency }]: Array<{ frequency: DigestFrequency }> = await manager.query(
      `SELECT coalesce((SELECT frequency FROM notification_preference WHERE user_id = $1 AND event_type = $2 AND channel = 'EMAIL'), 'DAILY') AS frequency`,
      [userId, eventType],
    );
    return frequency;
  }
}
