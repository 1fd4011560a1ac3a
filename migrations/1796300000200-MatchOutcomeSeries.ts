import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Outcomes become a dated series per match (MoU → training → pilot → contract → handover): the table match_outcome
 * takes the one outcome a match held (its recorder and time from the audit trail's "record outcome" entry, where
 * there is one) and the match loses its outcome columns. The kind type is made again with the stages in order and
 * HANDOVER added.
 */
export class MatchOutcomeSeries1796300000200 implements MigrationInterface {
  name = 'MatchOutcomeSeries1796300000200';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TYPE "public"."match_outcome_kind" RENAME TO "match_outcome_kind_old"`);
    await queryRunner.query(
      `CREATE TYPE "public"."match_outcome_kind" AS ENUM('MOU_SIGNED', 'TRAINING_DELIVERED', 'PILOT_OR_DEMONSTRATION', 'CONTRACT', 'HANDOVER', 'NONE')`,
    );
    await queryRunner.query(
      `CREATE TABLE "match_outcome" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "match_id" uuid NOT NULL, "kind" "public"."match_outcome_kind" NOT NULL, "date" date NOT NULL, "value" numeric(16,2), "currency" character(3), "note" text, "recorded_by" uuid, "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_b3c90feaeb06652550dbf745408" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_8ed08988b1a530ebc3ad64dd37" ON "match_outcome" ("match_id", "date") `);
    await queryRunner.query(
      `ALTER TABLE "match_outcome" ADD CONSTRAINT "FK_2e151fd68f3a822053785779966" FOREIGN KEY ("match_id") REFERENCES "match"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `INSERT INTO "match_outcome" ("match_id", "kind", "date", "note", "recorded_by", "created_at")
       SELECT m.id, m.outcome::text::"public"."match_outcome_kind", coalesce(m.outcome_date, (m.status_changed_at AT TIME ZONE 'UTC')::date), m.outcome_note,
              a.actor_user_id, coalesce(a.created_at, m.status_changed_at)
       FROM "match" m
       LEFT JOIN LATERAL (SELECT actor_user_id, created_at FROM "audit_entry" e WHERE e.entity_type = 'match' AND e.entity_id = m.id AND e.action = 'record outcome' ORDER BY e.created_at DESC, e.id DESC LIMIT 1) a ON TRUE
       WHERE m.outcome IS NOT NULL`,
    );
    await queryRunner.query(`ALTER TABLE "match" DROP COLUMN "outcome"`);
    await queryRunner.query(`ALTER TABLE "match" DROP COLUMN "outcome_date"`);
    await queryRunner.query(`ALTER TABLE "match" DROP COLUMN "outcome_note"`);
    await queryRunner.query(`DROP TYPE "public"."match_outcome_kind_old"`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TYPE "public"."match_outcome_kind_old" AS ENUM('MOU_SIGNED', 'PILOT_OR_DEMONSTRATION', 'CONTRACT', 'TRAINING_DELIVERED', 'NONE')`,
    );
    await queryRunner.query(`ALTER TABLE "match" ADD "outcome" "public"."match_outcome_kind_old"`);
    await queryRunner.query(`ALTER TABLE "match" ADD "outcome_date" date`);
    await queryRunner.query(`ALTER TABLE "match" ADD "outcome_note" text`);
    // One outcome per match again: the latest. The old type has no handover: it goes back as the contract it followed.
    await queryRunner.query(
      `UPDATE "match" m SET outcome = (CASE l.kind WHEN 'HANDOVER' THEN 'CONTRACT' ELSE l.kind::text END)::"public"."match_outcome_kind_old", outcome_date = l.date, outcome_note = l.note
       FROM (SELECT DISTINCT ON (match_id) match_id, kind, date, note FROM "match_outcome" ORDER BY match_id, date DESC, created_at DESC, id DESC) l
       WHERE l.match_id = m.id`,
    );
    await queryRunner.query(`ALTER TABLE "match_outcome" DROP CONSTRAINT "FK_2e151fd68f3a822053785779966"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_8ed08988b1a530ebc3ad64dd37"`);
    await queryRunner.query(`DROP TABLE "match_outcome"`);
    await queryRunner.query(`DROP TYPE "public"."match_outcome_kind"`);
    await queryRunner.query(`ALTER TYPE "public"."match_outcome_kind_old" RENAME TO "match_outcome_kind"`);
  }
}
