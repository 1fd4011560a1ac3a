import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Enterprise documents gained `declaredCategories` (matching finds newcomers by what they declare). No table changes:
 * every enterprise goes back into the search outbox, so the sync worker rebuilds its document after the upgrade.
 */
export class EnterpriseDeclaredCategories1795952917493 implements MigrationInterface {
  name = 'EnterpriseDeclaredCategories1795952917493';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `INSERT INTO search_outbox (kind, entity_id) SELECT 'organization', id FROM organization WHERE kind = 'ENTERPRISE'`,
    );
  }

  public async down(): Promise<void> {
    // Nothing to undo: a document with one field more is still a valid document.
  }
}
