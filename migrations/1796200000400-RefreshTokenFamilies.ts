import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Refresh-token families: every sign-in starts one, each rotation stays in it, and a replayed token revokes its family
 * only. Tokens issued before have no known lineage: each becomes a family of its own.
 */
export class RefreshTokenFamilies1796200000400 implements MigrationInterface {
  name = 'RefreshTokenFamilies1796200000400';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "refresh_token" ADD "family_id" uuid`);
    await queryRunner.query(`UPDATE "refresh_token" SET "family_id" = "id"`);
    await queryRunner.query(`ALTER TABLE "refresh_token" ALTER COLUMN "family_id" SET NOT NULL`);
    await queryRunner.query(`CREATE INDEX "IDX_eb31f2a7917404a46e17f539f1" ON "refresh_token" ("family_id") `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."IDX_eb31f2a7917404a46e17f539f1"`);
    await queryRunner.query(`ALTER TABLE "refresh_token" DROP COLUMN "family_id"`);
  }
}
