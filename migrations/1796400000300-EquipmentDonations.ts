import { MigrationInterface, QueryRunner } from 'typeorm';

/** Issue 16: equipment donations from enterprises to joint centres and partner agencies, with their lifecycle. */
export class EquipmentDonations1796400000300 implements MigrationInterface {
  name = 'EquipmentDonations1796400000300';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TYPE "public"."donation_status" AS ENUM('PLEDGED', 'APPROVED', 'SHIPPED', 'HANDED_OVER', 'IN_OPERATION', 'REFUSED', 'WITHDRAWN')`,
    );
    await queryRunner.query(`
            CREATE TABLE "equipment_donation" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "donor_id" uuid NOT NULL,
                "recipient_id" uuid NOT NULL,
                "need_id" uuid,
                "programme_id" uuid,
                "title" text NOT NULL,
                "items" jsonb NOT NULL,
                "value" numeric(16,2),
                "currency" character(3),
                "status" "public"."donation_status" NOT NULL DEFAULT 'PLEDGED',
                "handed_over_on" date,
                "reason" text,
                "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(),
                "updated_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(),
                "version" integer NOT NULL DEFAULT 1,
                CONSTRAINT "CHK_equipment_donation_value" CHECK (value IS NULL OR value >= 0),
                CONSTRAINT "PK_equipment_donation_id" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`CREATE INDEX "IDX_f5ad56f2fe2d8205dcce0f7dcb" ON "equipment_donation" ("donor_id")`);
    await queryRunner.query(`CREATE INDEX "IDX_f768e1a6ac30614ca25773d17a" ON "equipment_donation" ("recipient_id")`);
    for (const [name, column, table] of [
      ['FK_f5ad56f2fe2d8205dcce0f7dcbf', 'donor_id', 'organization'],
      ['FK_f768e1a6ac30614ca25773d17a8', 'recipient_id', 'organization'],
      ['FK_405beecb51991506f3cde6d2e9e', 'need_id', 'need'],
      ['FK_ed193dc2722664df2cac8fc2403', 'programme_id', 'programme'],
    ])
      await queryRunner.query(
        `ALTER TABLE "equipment_donation" ADD CONSTRAINT "${name}" FOREIGN KEY ("${column}") REFERENCES "${table}"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
      );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "equipment_donation"`);
    await queryRunner.query(`DROP TYPE "public"."donation_status"`);
  }
}
