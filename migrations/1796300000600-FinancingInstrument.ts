import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * How a need or a past project is financed: the instrument (enum `financing_instrument`) on needs, and the financier
 * and instrument on reference projects. Their search documents gain `financier` and `financingInstrument` (filterable),
 * so every need and reference project goes back into the search outbox and the sync worker rebuilds its document.
 * Rows imported before keep no instrument until the next import of their file.
 */
export class FinancingInstrument1796300000600 implements MigrationInterface {
  name = 'FinancingInstrument1796300000600';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TYPE "public"."financing_instrument" AS ENUM('PREFERENTIAL_BUYERS_CREDIT', 'GOVERNMENT_CONCESSIONAL_LOAN', 'INTEREST_FREE_LOAN', 'GRANT', 'EXPORT_BUYERS_CREDIT', 'SUPPLIERS_CREDIT', 'COMMERCIAL_LOAN', 'LOAN', 'OTHER')`,
    );
    await queryRunner.query(`ALTER TABLE "need" ADD "financing_instrument" "public"."financing_instrument"`);
    await queryRunner.query(`ALTER TABLE "reference_project" ADD "financier" text`);
    await queryRunner.query(`ALTER TABLE "reference_project" ADD "financing_instrument" "public"."financing_instrument"`);
    await queryRunner.query(`INSERT INTO search_outbox (kind, entity_id) SELECT 'need', id FROM need`);
    await queryRunner.query(`INSERT INTO search_outbox (kind, entity_id) SELECT 'reference_project', id FROM reference_project`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    // Documents with two fields more are still valid documents: nothing to re-index.
    await queryRunner.query(`ALTER TABLE "reference_project" DROP COLUMN "financing_instrument"`);
    await queryRunner.query(`ALTER TABLE "reference_project" DROP COLUMN "financier"`);
    await queryRunner.query(`ALTER TABLE "need" DROP COLUMN "financing_instrument"`);
    await queryRunner.query(`DROP TYPE "public"."financing_instrument"`);
  }
}
