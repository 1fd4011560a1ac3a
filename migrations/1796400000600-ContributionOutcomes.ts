import { MigrationInterface, QueryRunner } from 'typeorm';

/** Issue 16: a donation handed over or a course completed can be recorded as the outcome of the match it served. */
export class ContributionOutcomes1796400000600 implements MigrationInterface {
  name = 'ContributionOutcomes1796400000600';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "training_course" ADD "match_id" uuid`);
    await queryRunner.query(`ALTER TABLE "equipment_donation" ADD "match_id" uuid`);
    await queryRunner.query(
      `ALTER TABLE "training_course" ADD CONSTRAINT "FK_7a660a2cbfe3e42ea642ad582bd" FOREIGN KEY ("match_id") REFERENCES "match"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "equipment_donation" ADD CONSTRAINT "FK_dc2ab2dca0c58a181a9dd8c4d6b" FOREIGN KEY ("match_id") REFERENCES "match"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "equipment_donation" DROP CONSTRAINT "FK_dc2ab2dca0c58a181a9dd8c4d6b"`);
    await queryRunner.query(`ALTER TABLE "training_course" DROP CONSTRAINT "FK_7a660a2cbfe3e42ea642ad582bd"`);
    await queryRunner.query(`ALTER TABLE "equipment_donation" DROP COLUMN "match_id"`);
    await queryRunner.query(`ALTER TABLE "training_course" DROP COLUMN "match_id"`);
  }
}
