import { MigrationInterface, QueryRunner } from 'typeorm';

/** The financier a need names (a bank, a fund, a government), beside its funding status. */
export class NeedFinancier1796300000100 implements MigrationInterface {
  name = 'NeedFinancier1796300000100';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "need" ADD "financier" text`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "need" DROP COLUMN "financier"`);
  }
}
