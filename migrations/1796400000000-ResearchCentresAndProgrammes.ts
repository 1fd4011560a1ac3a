import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Issue 16: joint research centres as a kind of organisation (with their host institutions on both sides), and the
 * alliance's sponsored programmes with their member organisations.
 */
export class ResearchCentresAndProgrammes1796400000000 implements MigrationInterface {
  name = 'ResearchCentresAndProgrammes1796400000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    // A new enum value cannot be used in the transaction that adds it; nothing below uses it.
    await queryRunner.query(`ALTER TYPE "public"."organization_kind" ADD VALUE IF NOT EXISTS 'RESEARCH_CENTRE'`);
    await queryRunner.query(`ALTER TABLE "organization" ADD "host_institutions" jsonb NOT NULL DEFAULT '[]'`);
    await queryRunner.query(`
            CREATE TABLE "programme" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "name_en" text NOT NULL,
                "name_zh" text,
                "sponsor" text NOT NULL,
                "description" text NOT NULL DEFAULT '',
                "starts_on" date NOT NULL,
                "ends_on" date,
                "budget" numeric(16,2),
                "currency" character(3),
                "sdg_targets" text array NOT NULL DEFAULT '{}',
                "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(),
                "updated_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(),
                "version" integer NOT NULL DEFAULT 1,
                CONSTRAINT "CHK_programme_period" CHECK (ends_on IS NULL OR ends_on >= starts_on),
                CONSTRAINT "PK_programme_id" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE TABLE "programme_member" (
                "programme_id" uuid NOT NULL,
                "organization_id" uuid NOT NULL,
                "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "PK_programme_member" PRIMARY KEY ("programme_id", "organization_id"),
                CONSTRAINT "FK_984bef072f459b445785d70da1a" FOREIGN KEY ("programme_id") REFERENCES "programme"("id") ON DELETE CASCADE,
                CONSTRAINT "FK_bad12fb1f625442be6fec4d28a9" FOREIGN KEY ("organization_id") REFERENCES "organization"("id") ON DELETE RESTRICT
            )
        `);
    await queryRunner.query(`CREATE INDEX "IDX_bad12fb1f625442be6fec4d28a" ON "programme_member" ("organization_id")`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "programme_member"`);
    await queryRunner.query(`DROP TABLE "programme"`);
    await queryRunner.query(`ALTER TABLE "organization" DROP COLUMN "host_institutions"`);
    // PostgreSQL cannot drop an enum value; RESEARCH_CENTRE organisations must be removed by hand before reverting.
  }
}
