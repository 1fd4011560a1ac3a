import { MigrationInterface, QueryRunner } from 'typeorm';

/** The countries besides its own where an agency posts needs (a river-basin commission, a regional body). */
export class AgencyCountriesServed1796300000000 implements MigrationInterface {
  name = 'AgencyCountriesServed1796300000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "organization" ADD "countries_served" text array NOT NULL DEFAULT '{}'`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "organization" DROP COLUMN "countries_served"`);
  }
}
