import { MigrationInterface, QueryRunner } from 'typeorm';

/** Issue 16: technical training courses given by enterprises and joint centres to partners' staff, with their lifecycle. */
export class TrainingCourses1796400000400 implements MigrationInterface {
  name = 'TrainingCourses1796400000400';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TYPE "public"."training_status" AS ENUM('PLEDGED', 'APPROVED', 'COMPLETED', 'REFUSED', 'WITHDRAWN')`);
    await queryRunner.query(`
            CREATE TABLE "training_course" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "trainer_id" uuid NOT NULL,
                "recipient_id" uuid NOT NULL,
                "need_id" uuid,
                "programme_id" uuid,
                "activity_id" uuid,
                "title" text NOT NULL,
                "description" text NOT NULL DEFAULT '',
                "starts_on" date NOT NULL,
                "ends_on" date,
                "hours" numeric(8,1) NOT NULL,
                "trainees" integer NOT NULL,
                "certificates_issued" integer NOT NULL DEFAULT 0,
                "status" "public"."training_status" NOT NULL DEFAULT 'PLEDGED',
                "reason" text,
                "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(),
                "updated_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(),
                "version" integer NOT NULL DEFAULT 1,
                CONSTRAINT "CHK_training_course_figures" CHECK (trainees >= 0 AND certificates_issued >= 0 AND certificates_issued <= trainees AND hours >= 0),
                CONSTRAINT "PK_training_course_id" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`CREATE INDEX "IDX_aaa5274389904612d17d3174cc" ON "training_course" ("trainer_id")`);
    await queryRunner.query(`CREATE INDEX "IDX_190a02777e026690d44384f362" ON "training_course" ("recipient_id")`);
    for (const [name, column, table] of [
      ['FK_aaa5274389904612d17d3174cc7', 'trainer_id', 'organization'],
      ['FK_190a02777e026690d44384f3623', 'recipient_id', 'organization'],
      ['FK_30aa4ee2f150a80ab08fd1c093d', 'need_id', 'need'],
      ['FK_c96e5b04dbb86ca5d8bfda4c33b', 'programme_id', 'programme'],
      ['FK_8286fb2556e44fc55b13fe5ddf2', 'activity_id', 'activity'],
    ])
      await queryRunner.query(
        `ALTER TABLE "training_course" ADD CONSTRAINT "${name}" FOREIGN KEY ("${column}") REFERENCES "${table}"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
      );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "training_course"`);
    await queryRunner.query(`DROP TYPE "public"."training_status"`);
  }
}
