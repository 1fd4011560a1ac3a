import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The audit trail covers every state-changing mutation: the actor's role and organisation at the time, and the fields
 * that changed. Its entries cannot be changed or removed by the application: triggers refuse UPDATE, DELETE and
 * TRUNCATE, whichever role asks (only a role that may drop the triggers could, and that is an operator's act).
 */
export class AuditEveryMutation1796300000300 implements MigrationInterface {
  name = 'AuditEveryMutation1796300000300';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "audit_entry" ADD "actor_role" text`);
    await queryRunner.query(`ALTER TABLE "audit_entry" ADD "actor_organization_id" uuid`);
    // Existing entries (match moves) predate field changes: an empty list. New entries always say.
    await queryRunner.query(`ALTER TABLE "audit_entry" ADD "changes" jsonb NOT NULL DEFAULT '[]'`);
    await queryRunner.query(`ALTER TABLE "audit_entry" ALTER COLUMN "changes" DROP DEFAULT`);
    // The actor's role and organisation for entries written before they were recorded: their current ones.
    await queryRunner.query(
      `UPDATE "audit_entry" a SET "actor_role" = u."role"::text, "actor_organization_id" = u."organization_id" FROM "app_user" u WHERE u."id" = a."actor_user_id"`,
    );
    await queryRunner.query(`
      CREATE FUNCTION "audit_entry_append_only"() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'audit_entry is append-only: % refused', TG_OP USING ERRCODE = 'insufficient_privilege';
      END
      $$`);
    await queryRunner.query(
      `CREATE TRIGGER "audit_entry_no_update_or_delete" BEFORE UPDATE OR DELETE ON "audit_entry" FOR EACH ROW EXECUTE FUNCTION "audit_entry_append_only"()`,
    );
    await queryRunner.query(
      `CREATE TRIGGER "audit_entry_no_truncate" BEFORE TRUNCATE ON "audit_entry" FOR EACH STATEMENT EXECUTE FUNCTION "audit_entry_append_only"()`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TRIGGER "audit_entry_no_truncate" ON "audit_entry"`);
    await queryRunner.query(`DROP TRIGGER "audit_entry_no_update_or_delete" ON "audit_entry"`);
    await queryRunner.query(`DROP FUNCTION "audit_entry_append_only"()`);
    await queryRunner.query(`ALTER TABLE "audit_entry" DROP COLUMN "changes"`);
    await queryRunner.query(`ALTER TABLE "audit_entry" DROP COLUMN "actor_organization_id"`);
    await queryRunner.query(`ALTER TABLE "audit_entry" DROP COLUMN "actor_role"`);
  }
}
