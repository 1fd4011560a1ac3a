import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Learned matching weights, one versioned record per refit (the active one ranks; refused ones stay as a record of
 * why), and on every match the version of the weights that ranked it (null for matches made before).
 */
export class MatchingWeights1796300000700 implements MigrationInterface {
  name = 'MatchingWeights1796300000700';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TYPE "public"."matching_weights_status" AS ENUM('ACTIVE', 'RETIRED', 'REFUSED')`);
    await queryRunner.query(`
            CREATE TABLE "matching_weights" (
                "version" SERIAL NOT NULL,
                "weights" jsonb NOT NULL,
                "status" "public"."matching_weights_status" NOT NULL,
                "learned_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL,
                "learned_by" text NOT NULL,
                "historical_examples" integer NOT NULL,
                "decisions" integer NOT NULL,
                "figures" jsonb NOT NULL,
                "reason" text,
                CONSTRAINT "PK_matching_weights_version" PRIMARY KEY ("version")
            )
        `);
    await queryRunner.query(
      `CREATE UNIQUE INDEX "IDX_matching_weights_one_active" ON "matching_weights" ("status") WHERE status = 'ACTIVE'`,
    );
    await queryRunner.query(`ALTER TABLE "match" ADD "weights_version" integer`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "match" DROP COLUMN "weights_version"`);
    await queryRunner.query(`DROP TABLE "matching_weights"`);
    await queryRunner.query(`DROP TYPE "public"."matching_weights_status"`);
  }
}
