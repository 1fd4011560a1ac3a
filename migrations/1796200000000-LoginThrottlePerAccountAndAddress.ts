import { MigrationInterface, QueryRunner } from 'typeorm';

/** Sign-in attempts are also counted per (e-mail address, client address) pair: the tight limit, which strangers cannot trip. */
export class LoginThrottlePerAccountAndAddress1796200000000 implements MigrationInterface {
  name = 'LoginThrottlePerAccountAndAddress1796200000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TYPE "public"."login_throttle_kind" ADD VALUE 'ACCOUNT_ADDRESS'`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    // PostgreSQL cannot drop one value of an enum: the type is rebuilt without it.
    await queryRunner.query(`DELETE FROM "login_throttle" WHERE "kind" = 'ACCOUNT_ADDRESS'`);
    await queryRunner.query(`ALTER TYPE "public"."login_throttle_kind" RENAME TO "login_throttle_kind_old"`);
    await queryRunner.query(`CREATE TYPE "public"."login_throttle_kind" AS ENUM('ACCOUNT', 'ADDRESS')`);
    await queryRunner.query(
      `ALTER TABLE "login_throttle" ALTER COLUMN "kind" TYPE "public"."login_throttle_kind" USING "kind"::text::"public"."login_throttle_kind"`,
    );
    await queryRunner.query(`DROP TYPE "public"."login_throttle_kind_old"`);
  }
}
