import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Notifications about the alliance's activities (ACTIVITY_PUBLISHED, ACTIVITY_REGISTRATION_CHANGED): an in-app
 * notification names the activity it is about, as it names a match or a need (no foreign key, like those: a
 * notification outlives what it reports). The event types are stored as text (`notification_event.type`,
 * `notification.type`, `notification_preference.event_type`, `webhook_endpoint.events`), so no type changes.
 */
export class ActivityNotifications1796400000200 implements MigrationInterface {
  name = 'ActivityNotifications1796400000200';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "notification" ADD "activity_id" uuid`);
  }

  /** The version before knows neither type: what its GraphQL enum could not serve (the inbox, choices, webhooks) goes. */
  public async down(queryRunner: QueryRunner): Promise<void> {
    const types = `('ACTIVITY_PUBLISHED', 'ACTIVITY_REGISTRATION_CHANGED')`;
    await queryRunner.query(`DELETE FROM "notification" WHERE "type" IN ${types}`);
    await queryRunner.query(`DELETE FROM "notification_preference" WHERE "event_type" IN ${types}`);
    await queryRunner.query(
      `UPDATE "webhook_endpoint" SET "events" = array_remove(array_remove("events", 'ACTIVITY_PUBLISHED'), 'ACTIVITY_REGISTRATION_CHANGED')
       WHERE "events" && ARRAY['ACTIVITY_PUBLISHED', 'ACTIVITY_REGISTRATION_CHANGED']`,
    );
    await queryRunner.query(`ALTER TABLE "notification" DROP COLUMN "activity_id"`);
  }
}
