import { MigrationInterface, QueryRunner } from 'typeorm';

/** A counter on each user that a password change increments: access tokens carry it and stop working when it moves. */
export class TokenVersion1796100000000 implements MigrationInterface {
  name = 'TokenVersion1796100000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "app_user" ADD "token_version" integer NOT NULL DEFAULT 0`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "app_user" DROP COLUMN "token_version"`);
  }
}
