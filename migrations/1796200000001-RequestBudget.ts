import { MigrationInterface, QueryRunner } from 'typeorm';

/** Per-client request budgets (token buckets). UNLOGGED: after a crash every bucket starts full, which is harmless. */
export class RequestBudget1796200000001 implements MigrationInterface {
  name = 'RequestBudget1796200000001';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE UNLOGGED TABLE "request_budget" ("client" text NOT NULL, "points" double precision NOT NULL, "updated_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL, CONSTRAINT "PK_request_budget" PRIMARY KEY ("client"))`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "request_budget"`);
  }
}
