import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Issue 16: an in-app notification of a donation or a training course links to it (it could only link to the
 * contributions page). The notifications already sent get their link from their event's payload.
 */
export class NotificationContributionLinks1796400000700 implements MigrationInterface {
  name = 'NotificationContributionLinks1796400000700';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "notification" ADD "donation_id" uuid`);
    await queryRunner.query(`ALTER TABLE "notification" ADD "training_course_id" uuid`);
    await queryRunner.query(
      `UPDATE "notification" n
       SET donation_id = CASE WHEN e.payload->>'contribution' = 'DONATION' THEN (e.payload->>'contributionId')::uuid END,
           training_course_id = CASE WHEN e.payload->>'contribution' = 'TRAINING' THEN (e.payload->>'contributionId')::uuid END
       FROM "notification_event" e
       WHERE e.id = n.event_id AND e.payload ? 'contributionId'`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "notification" DROP COLUMN "training_course_id"`);
    await queryRunner.query(`ALTER TABLE "notification" DROP COLUMN "donation_id"`);
  }
}
