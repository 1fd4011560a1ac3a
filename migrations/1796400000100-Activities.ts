import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Issue 16: the alliance's activities (field investigations, conferences, exhibitions, seminars, training courses,
 * equipment handovers) with their lifecycle, and the delegates registered for them (seats, waiting list in arrival
 * order: `queue_number`, one live registration per e-mail address and activity).
 */
export class Activities1796400000100 implements MigrationInterface {
  name = 'Activities1796400000100';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TYPE "public"."activity_kind" AS ENUM('FIELD_INVESTIGATION', 'CONFERENCE', 'EXHIBITION', 'SEMINAR', 'TRAINING_COURSE', 'EQUIPMENT_HANDOVER')`,
    );
    await queryRunner.query(`CREATE TYPE "public"."activity_status" AS ENUM('DRAFT', 'OPEN', 'CLOSED', 'HELD', 'REPORTED', 'CANCELLED')`);
    await queryRunner.query(
      `CREATE TYPE "public"."registration_status" AS ENUM('PENDING', 'CONFIRMED', 'WAITLISTED', 'CANCELLED', 'REFUSED')`,
    );
    await queryRunner.query(`
            CREATE TABLE "activity" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "programme_id" uuid,
                "kind" "public"."activity_kind" NOT NULL,
                "title" text NOT NULL,
                "title_zh" text,
                "description" text NOT NULL DEFAULT '',
                "country_code" character(2) NOT NULL,
                "city" text,
                "host_centre_id" uuid,
                "starts_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL,
                "ends_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL,
                "time_zone" text NOT NULL DEFAULT 'UTC',
                "capacity" integer NOT NULL,
                "registration_deadline" TIMESTAMP(3) WITH TIME ZONE NOT NULL,
                "technology_categories" text array NOT NULL DEFAULT '{}',
                "sdg_targets" text array NOT NULL DEFAULT '{}',
                "status" "public"."activity_status" NOT NULL DEFAULT 'DRAFT',
                "report" text,
                "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(),
                "updated_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(),
                "version" integer NOT NULL DEFAULT 1,
                CONSTRAINT "CHK_activity_period" CHECK (ends_at >= starts_at),
                CONSTRAINT "CHK_activity_capacity" CHECK (capacity >= 0),
                CONSTRAINT "PK_activity_id" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE TABLE "activity_registration" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "activity_id" uuid NOT NULL,
                "organization_id" uuid NOT NULL,
                "delegate_name" text NOT NULL,
                "delegate_email" text NOT NULL,
                "delegate_position" text,
                "status" "public"."registration_status" NOT NULL,
                "queue_number" BIGSERIAL NOT NULL,
                "registered_by" uuid,
                "reason" text,
                "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(),
                "updated_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(),
                "version" integer NOT NULL DEFAULT 1,
                CONSTRAINT "PK_activity_registration_id" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`CREATE INDEX "IDX_a9e48a5e8773ed8a9167d69649" ON "activity" ("status", "starts_at")`);
    await queryRunner.query(
      `CREATE INDEX "IDX_a46970931d820590badc9735d7" ON "activity_registration" ("activity_id", "status", "queue_number")`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_1c0292154745783d6c2c0304fe" ON "activity_registration" ("organization_id")`);
    await queryRunner.query(
      `CREATE UNIQUE INDEX "UQ_activity_registration_live_email" ON "activity_registration" ("activity_id", "delegate_email") WHERE status IN ('PENDING', 'CONFIRMED', 'WAITLISTED')`,
    );
    await queryRunner.query(
      `ALTER TABLE "activity" ADD CONSTRAINT "FK_8dee2c20ee34cecb22a9bc77f33" FOREIGN KEY ("programme_id") REFERENCES "programme"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "activity" ADD CONSTRAINT "FK_36940477ded72e0f0165cfc25b3" FOREIGN KEY ("host_centre_id") REFERENCES "organization"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "activity_registration" ADD CONSTRAINT "FK_1ab76f00849e1eef682f3872d96" FOREIGN KEY ("activity_id") REFERENCES "activity"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "activity_registration" ADD CONSTRAINT "FK_1c0292154745783d6c2c0304fe6" FOREIGN KEY ("organization_id") REFERENCES "organization"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "activity_registration"`);
    await queryRunner.query(`DROP TABLE "activity"`);
    await queryRunner.query(`DROP TYPE "public"."registration_status"`);
    await queryRunner.query(`DROP TYPE "public"."activity_status"`);
    await queryRunner.query(`DROP TYPE "public"."activity_kind"`);
  }
}
