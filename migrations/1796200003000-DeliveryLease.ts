import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A delivery is claimed with a short lease instead of a row lock held through the send: `lease_until` says until when
 * the claiming worker owns it, `lease_token` which claim may record the outcome.
 */
export class DeliveryLease1796200003000 implements MigrationInterface {
  name = 'DeliveryLease1796200003000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "notification_delivery" ADD "lease_until" TIMESTAMP(3) WITH TIME ZONE`);
    await queryRunner.query(`ALTER TABLE "notification_delivery" ADD "lease_token" uuid`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "notification_delivery" DROP COLUMN "lease_token"`);
    await queryRunner.query(`ALTER TABLE "notification_delivery" DROP COLUMN "lease_until"`);
  }
}
