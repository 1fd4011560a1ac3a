import { MigrationInterface, QueryRunner } from 'typeorm';

export class InitialSchema1795939226919 implements MigrationInterface {
  name = 'InitialSchema1795939226919';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            CREATE TYPE "public"."organization_kind" AS ENUM('ENTERPRISE', 'AGENCY', 'SECRETARIAT')
        `);
    await queryRunner.query(`
            CREATE TYPE "public"."verification_status" AS ENUM('PENDING', 'VERIFIED', 'REJECTED')
        `);
    await queryRunner.query(`
            CREATE TABLE "organization" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "kind" "public"."organization_kind" NOT NULL,
                "name_en" text NOT NULL,
                "name_zh" text,
                "name_local" text,
                "country_code" character(2) NOT NULL,
                "website" text,
                "description" text NOT NULL DEFAULT '',
                "verification_status" "public"."verification_status" NOT NULL DEFAULT 'PENDING',
                "parent_group" text,
                "contact_email" text,
                "contact_phone" text,
                "external_id" text,
                "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(),
                "updated_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(),
                "version" integer NOT NULL DEFAULT '1',
                CONSTRAINT "PK_472c1f99a32def1b0abb219cd67" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE UNIQUE INDEX "IDX_6444b25c2b501eb2bd75917f00" ON "organization" ("external_id")
            WHERE external_id IS NOT NULL
        `);
    await queryRunner.query(`
            CREATE INDEX "IDX_e32b348222bdc2f291ab572b05" ON "organization" ("kind", "country_code")
        `);
    await queryRunner.query(`
            CREATE TYPE "public"."capacity_unit" AS ENUM(
                'M3_PER_DAY',
                'HECTARES',
                'KILOMETRES',
                'MEGAWATTS',
                'PEOPLE_SERVED',
                'UNITS'
            )
        `);
    await queryRunner.query(`
            CREATE TABLE "capability" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "organization_id" uuid NOT NULL,
                "technology_category" text NOT NULL,
                "description" text NOT NULL,
                "trl" smallint,
                "capacity_min" numeric(16, 2),
                "capacity_max" numeric(16, 2),
                "capacity_unit" "public"."capacity_unit",
                "cooperation_modes" text array NOT NULL DEFAULT '{}',
                "certifications" text array NOT NULL DEFAULT '{}',
                "countries_served" text array NOT NULL DEFAULT '{}',
                "regions_served" text array NOT NULL DEFAULT '{}',
                "languages" text array NOT NULL DEFAULT '{}',
                "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(),
                "updated_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "PK_a30c8f80d9cbf7c1315b30acfe4" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "IDX_4c690af649616ee4b148749cff" ON "capability" ("organization_id")
        `);
    await queryRunner.query(`
            CREATE TABLE "country" (
                "code" character(2) NOT NULL,
                "name_en" text NOT NULL,
                "name_zh" text NOT NULL,
                "region" text NOT NULL,
                "subregion" text NOT NULL,
                "belt_and_road" boolean NOT NULL,
                "aliases" text array NOT NULL DEFAULT '{}',
                CONSTRAINT "PK_8ff4c23dc9a3f3856555bd86186" PRIMARY KEY ("code")
            )
        `);
    await queryRunner.query(`
            CREATE TYPE "public"."funding_status" AS ENUM('UNFUNDED', 'SEEKING', 'PARTIAL', 'SECURED')
        `);
    await queryRunner.query(`
            CREATE TYPE "public"."need_status" AS ENUM(
                'DRAFT',
                'OPEN',
                'IN_REVIEW',
                'MATCHED',
                'CLOSED',
                'WITHDRAWN'
            )
        `);
    await queryRunner.query(`
            CREATE TABLE "need" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "organization_id" uuid NOT NULL,
                "title" text NOT NULL,
                "description" text NOT NULL,
                "country_code" character(2) NOT NULL,
                "site" text,
                "sector_code" text NOT NULL,
                "sdg_targets" text array NOT NULL DEFAULT '{}',
                "cooperation_modes" text array NOT NULL DEFAULT '{}',
                "technology_categories" text array NOT NULL DEFAULT '{}',
                "budget_min" numeric(16, 2),
                "budget_max" numeric(16, 2),
                "currency" character(3),
                "funding_status" "public"."funding_status" NOT NULL DEFAULT 'SEEKING',
                "population_served" integer,
                "deadline" date,
                "languages" text array NOT NULL DEFAULT '{}',
                "status" "public"."need_status" NOT NULL DEFAULT 'DRAFT',
                "published_at" TIMESTAMP(3) WITH TIME ZONE,
                "created_by_id" uuid,
                "external_id" text,
                "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(),
                "updated_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(),
                "version" integer NOT NULL DEFAULT '1',
                CONSTRAINT "PK_218b14514f334ee6f39954f86ba" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE UNIQUE INDEX "IDX_be3d19283e51e2ba710a0867b2" ON "need" ("external_id")
            WHERE external_id IS NOT NULL
        `);
    await queryRunner.query(`
            CREATE INDEX "IDX_a2fba25a47d9cf005101faea37" ON "need" ("organization_id", "status")
        `);
    await queryRunner.query(`
            CREATE INDEX "IDX_d1c109ec06aebaaa16dcb0dbe3" ON "need" ("status", "country_code")
        `);
    await queryRunner.query(`
            CREATE TABLE "taxonomy_term" (
                "kind" text NOT NULL,
                "code" text NOT NULL,
                "label_en" text NOT NULL,
                "label_zh" text NOT NULL,
                "sort_order" integer NOT NULL,
                CONSTRAINT "PK_da001ccf0a83b82f635bdf634bb" PRIMARY KEY ("kind", "code")
            )
        `);
    await queryRunner.query(`
            CREATE TYPE "public"."project_role" AS ENUM(
                'EPC_CONTRACTOR',
                'SUPPLIER',
                'DESIGNER',
                'SUPERVISOR',
                'TRAINER',
                'OPERATOR'
            )
        `);
    await queryRunner.query(`
            CREATE TABLE "reference_project" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "organization_id" uuid NOT NULL,
                "title" text NOT NULL,
                "description" text NOT NULL DEFAULT '',
                "country_code" character(2),
                "year" smallint,
                "sector_code" text,
                "source_sector" text,
                "role" "public"."project_role" NOT NULL DEFAULT 'EPC_CONTRACTOR',
                "technology_categories" text array NOT NULL DEFAULT '{}',
                "value" numeric(16, 2),
                "currency" character(3),
                "external_id" text,
                "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(),
                "updated_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "PK_a549e6e4a6770b4d08bca27a086" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE UNIQUE INDEX "IDX_a1eb713b2dec6b73d107ff5fc2" ON "reference_project" ("organization_id", "external_id")
            WHERE external_id IS NOT NULL
        `);
    await queryRunner.query(`
            CREATE INDEX "IDX_69e16c0b4efa56b2ba71b04c39" ON "reference_project" ("country_code")
        `);
    await queryRunner.query(`
            CREATE INDEX "IDX_871132d2629717d65100988c5e" ON "reference_project" ("organization_id")
        `);
    await queryRunner.query(`
            CREATE TYPE "public"."language" AS ENUM('EN', 'ZH')
        `);
    await queryRunner.query(`
            CREATE TYPE "public"."user_role" AS ENUM(
                'ENTERPRISE_MEMBER',
                'AGENCY_MEMBER',
                'COORDINATOR',
                'ADMIN'
            )
        `);
    await queryRunner.query(`
            CREATE TABLE "app_user" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "email" text NOT NULL,
                "display_name" text NOT NULL,
                "preferred_language" "public"."language" NOT NULL DEFAULT 'EN',
                "password_hash" text NOT NULL,
                "organization_id" uuid NOT NULL,
                "role" "public"."user_role" NOT NULL,
                "active" boolean NOT NULL DEFAULT true,
                "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(),
                "updated_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "PK_22a5c4a3d9b2fb8e4e73fc4ada1" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE UNIQUE INDEX "IDX_3fa909d0e37c531ebc23770339" ON "app_user" ("email")
        `);
    await queryRunner.query(`
            CREATE INDEX "IDX_c4c90a083fb10c1386782b5aac" ON "app_user" ("organization_id")
        `);
    await queryRunner.query(`
            CREATE TABLE "seed_run" (
                "name" text NOT NULL,
                "applied_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "PK_59a6e9cf76f8ea3c01e2d992f0c" PRIMARY KEY ("name")
            )
        `);
    await queryRunner.query(`
            ALTER TABLE "capability"
            ADD CONSTRAINT "FK_4c690af649616ee4b148749cff4" FOREIGN KEY ("organization_id") REFERENCES "organization"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "need"
            ADD CONSTRAINT "FK_508ea9dec9a1bdce7606fd3908c" FOREIGN KEY ("organization_id") REFERENCES "organization"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "need"
            ADD CONSTRAINT "FK_315ab41144547a5abd8b4d16e44" FOREIGN KEY ("country_code") REFERENCES "country"("code") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "reference_project"
            ADD CONSTRAINT "FK_871132d2629717d65100988c5e2" FOREIGN KEY ("organization_id") REFERENCES "organization"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "app_user"
            ADD CONSTRAINT "FK_c4c90a083fb10c1386782b5aac5" FOREIGN KEY ("organization_id") REFERENCES "organization"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            ALTER TABLE "app_user" DROP CONSTRAINT "FK_c4c90a083fb10c1386782b5aac5"
        `);
    await queryRunner.query(`
            ALTER TABLE "reference_project" DROP CONSTRAINT "FK_871132d2629717d65100988c5e2"
        `);
    await queryRunner.query(`
            ALTER TABLE "need" DROP CONSTRAINT "FK_315ab41144547a5abd8b4d16e44"
        `);
    await queryRunner.query(`
            ALTER TABLE "need" DROP CONSTRAINT "FK_508ea9dec9a1bdce7606fd3908c"
        `);
    await queryRunner.query(`
            ALTER TABLE "capability" DROP CONSTRAINT "FK_4c690af649616ee4b148749cff4"
        `);
    await queryRunner.query(`
            DROP TABLE "seed_run"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."IDX_c4c90a083fb10c1386782b5aac"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."IDX_3fa909d0e37c531ebc23770339"
        `);
    await queryRunner.query(`
            DROP TABLE "app_user"
        `);
    await queryRunner.query(`
            DROP TYPE "public"."user_role"
        `);
    await queryRunner.query(`
            DROP TYPE "public"."language"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."IDX_871132d2629717d65100988c5e"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."IDX_69e16c0b4efa56b2ba71b04c39"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."IDX_a1eb713b2dec6b73d107ff5fc2"
        `);
    await queryRunner.query(`
            DROP TABLE "reference_project"
        `);
    await queryRunner.query(`
            DROP TYPE "public"."project_role"
        `);
    await queryRunner.query(`
            DROP TABLE "taxonomy_term"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."IDX_d1c109ec06aebaaa16dcb0dbe3"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."IDX_a2fba25a47d9cf005101faea37"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."IDX_be3d19283e51e2ba710a0867b2"
        `);
    await queryRunner.query(`
            DROP TABLE "need"
        `);
    await queryRunner.query(`
            DROP TYPE "public"."need_status"
        `);
    await queryRunner.query(`
            DROP TYPE "public"."funding_status"
        `);
    await queryRunner.query(`
            DROP TABLE "country"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."IDX_4c690af649616ee4b148749cff"
        `);
    await queryRunner.query(`
            DROP TABLE "capability"
        `);
    await queryRunner.query(`
            DROP TYPE "public"."capacity_unit"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."IDX_e32b348222bdc2f291ab572b05"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."IDX_6444b25c2b501eb2bd75917f00"
        `);
    await queryRunner.query(`
            DROP TABLE "organization"
        `);
    await queryRunner.query(`
            DROP TYPE "public"."verification_status"
        `);
    await queryRunner.query(`
            DROP TYPE "public"."organization_kind"
        `);
  }
}
