import { MigrationInterface, QueryRunner } from 'typeorm';

/** Failed sign-ins per e-mail address and per client address, and their lock-outs, shared by every API process. */
export class LoginThrottle1795960949600 implements MigrationInterface {
  name = 'LoginThrottle1795960949600';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TYPE "public"."login_throttle_kind" AS ENUM('ACCOUNT', 'ADDRESS')`);
    await queryRunner.query(
      `CREATE TABLE "login_throttle" ("kind" "public"."login_throttle_kind" NOT NULL, "key" text NOT NULL, "failures" integer NOT NULL DEFAULT '0', "window_started_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL, "locked_until" TIMESTAMP(3) WITH TIME ZONE, "lockouts" integer NOT NULL DEFAULT '0', "last_failure_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL, CONSTRAINT "PK_8f1b080bf498e6d516bae10628f" PRIMARY KEY ("kind", "key"))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_e018dcae8e238460e1a1dd96d5" ON "login_throttle" ("last_failure_at") `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."IDX_e018dcae8e238460e1a1dd96d5"`);
    await queryRunner.query(`DROP TABLE "login_throttle"`);
    await queryRunner.query(`DROP TYPE "public"."login_throttle_kind"`);
  }
}
