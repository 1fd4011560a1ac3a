import { MigrationInterface, QueryRunner } from 'typeorm';

/** Issue 16: B2B meetings at activities: meeting slots and tables, delegates' breaks, 1:1 meeting requests and their placement. */
export class B2BMeetings1796400000500 implements MigrationInterface {
  name = 'B2BMeetings1796400000500';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "meeting_slot" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "activity_id" uuid NOT NULL, "starts_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL, "ends_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL, CONSTRAINT "CHK_meeting_slot_period" CHECK (ends_at > starts_at), CONSTRAINT "PK_7a185283cac6b280a290a852faa" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE UNIQUE INDEX "IDX_0586eb17dedb4d71c512c7ac27" ON "meeting_slot"  ("activity_id", "starts_at")`);
    await queryRunner.query(
      `CREATE TABLE "meeting_break" ("registration_id" uuid NOT NULL, "slot_id" uuid NOT NULL, CONSTRAINT "PK_845a61e6ef1e16055989b26977c" PRIMARY KEY ("registration_id", "slot_id"))`,
    );
    await queryRunner.query(`CREATE TYPE "public"."meeting_request_status" AS ENUM('REQUESTED', 'ACCEPTED', 'DECLINED', 'CANCELLED')`);
    await queryRunner.query(
      `CREATE TABLE "meeting_request" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "activity_id" uuid NOT NULL, "requester_id" uuid NOT NULL, "invitee_id" uuid NOT NULL, "message" text NOT NULL DEFAULT '', "status" "public"."meeting_request_status" NOT NULL DEFAULT 'REQUESTED', "reason" text, "requested_by" uuid, "slot_id" uuid, "table_number" integer, "unplaced_reason" text, "reminded_at" TIMESTAMP(3) WITH TIME ZONE, "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), "version" integer NOT NULL DEFAULT '1', CONSTRAINT "CHK_meeting_request_placement" CHECK ((slot_id IS NULL) = (table_number IS NULL)), CONSTRAINT "CHK_meeting_request_parties" CHECK (requester_id <> invitee_id), CONSTRAINT "PK_3f62245c08dea30d2df7d15bcd4" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_3af662123b501a0882930407c0" ON "meeting_request"  ("invitee_id")`);
    await queryRunner.query(`CREATE INDEX "IDX_0ce4b2149d07241db2a71a0bed" ON "meeting_request"  ("requester_id")`);
    await queryRunner.query(`CREATE INDEX "IDX_f34e5e11f23bc5f4e7315a2881" ON "meeting_request"  ("activity_id", "status")`);
    await queryRunner.query(`ALTER TABLE "activity" ADD "meeting_tables" integer NOT NULL DEFAULT '0'`);
    await queryRunner.query(`ALTER TABLE "activity" ADD CONSTRAINT "CHK_activity_meeting_tables" CHECK (meeting_tables >= 0)`);
    await queryRunner.query(
      `ALTER TABLE "meeting_slot" ADD CONSTRAINT "FK_b6d34049410300bb737e4affc29" FOREIGN KEY ("activity_id") REFERENCES "activity"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "meeting_break" ADD CONSTRAINT "FK_a9d706657ff9eb9a5b2e3bc7f96" FOREIGN KEY ("registration_id") REFERENCES "activity_registration"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "meeting_break" ADD CONSTRAINT "FK_c6f9a7e217b64740dae924dc140" FOREIGN KEY ("slot_id") REFERENCES "meeting_slot"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "meeting_request" ADD CONSTRAINT "FK_1ac03f7729762d05ae3f7e6bae7" FOREIGN KEY ("activity_id") REFERENCES "activity"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "meeting_request" ADD CONSTRAINT "FK_0ce4b2149d07241db2a71a0bedf" FOREIGN KEY ("requester_id") REFERENCES "activity_registration"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "meeting_request" ADD CONSTRAINT "FK_3af662123b501a0882930407c08" FOREIGN KEY ("invitee_id") REFERENCES "activity_registration"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "meeting_request" ADD CONSTRAINT "FK_796b77b4d99e690a1bbbfa42ec4" FOREIGN KEY ("slot_id") REFERENCES "meeting_slot"("id") ON DELETE SET NULL ON UPDATE NO ACTION`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "meeting_request" DROP CONSTRAINT "FK_796b77b4d99e690a1bbbfa42ec4"`);
    await queryRunner.query(`ALTER TABLE "meeting_request" DROP CONSTRAINT "FK_3af662123b501a0882930407c08"`);
    await queryRunner.query(`ALTER TABLE "meeting_request" DROP CONSTRAINT "FK_0ce4b2149d07241db2a71a0bedf"`);
    await queryRunner.query(`ALTER TABLE "meeting_request" DROP CONSTRAINT "FK_1ac03f7729762d05ae3f7e6bae7"`);
    await queryRunner.query(`ALTER TABLE "meeting_break" DROP CONSTRAINT "FK_c6f9a7e217b64740dae924dc140"`);
    await queryRunner.query(`ALTER TABLE "meeting_break" DROP CONSTRAINT "FK_a9d706657ff9eb9a5b2e3bc7f96"`);
    await queryRunner.query(`ALTER TABLE "meeting_slot" DROP CONSTRAINT "FK_b6d34049410300bb737e4affc29"`);
    await queryRunner.query(`ALTER TABLE "activity" DROP CONSTRAINT "CHK_activity_meeting_tables"`);
    await queryRunner.query(`ALTER TABLE "activity" DROP COLUMN "meeting_tables"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_f34e5e11f23bc5f4e7315a2881"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_0ce4b2149d07241db2a71a0bed"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_3af662123b501a0882930407c0"`);
    await queryRunner.query(`DROP TABLE "meeting_request"`);
    await queryRunner.query(`DROP TYPE "public"."meeting_request_status"`);
    await queryRunner.query(`DROP TABLE "meeting_break"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_0586eb17dedb4d71c512c7ac27"`);
    await queryRunner.query(`DROP TABLE "meeting_slot"`);
  }
}
