import { DataSource } from 'typeorm';
import { dataSourceOptions } from '../src/database/data-source-options';
import { runMigrations } from '../src/database/migrate';
import { createEmptyDatabase } from './support/test-database';

describe('migrations', () => {
  let database: { url: string; drop: () => Promise<void> };
  let dataSource: DataSource;
  beforeAll(async () => {
    database = await createEmptyDatabase();
    await runMigrations(database.url);
    dataSource = await new DataSource(dataSourceOptions(database.url)).initialize();
  });
  afterAll(async () => {
    await dataSource.destroy();
    await database.drop();
  });

  it('match the entities: generating a migration now would find nothing to do', async () => {
    // The same comparison `typeorm migration:generate` makes, in check mode.
    const pending = await dataSource.driver.createSchemaBuilder().log();
    expect(pending.upQueries.map((q) => q.query)).toEqual([]);
  });

  it('seed the reference data: countries with Chinese names and every vocabulary', async () => {
    const [{ countries, bri }] = await dataSource.query(`SELECT count(*)::int AS countries, count(*) FILTER (WHERE belt_and_road)::int AS bri FROM country`);
    expect(countries).toBe(249);
    expect(bri).toBeGreaterThan(140);
    const [lk] = await dataSource.query(`SELECT name_zh, region FROM country WHERE code = 'LK'`);
    expect(lk).toEqual({ name_zh: '斯里兰卡', region: 'Asia' });
    const kinds = await dataSource.query(`SELECT kind, count(*)::int AS n FROM taxonomy_term GROUP BY kind ORDER BY kind`);
    expect(kinds).toEqual([
      { kind: 'COOPERATION_MODE', n: 9 },
      { kind: 'SDG_TARGET', n: 8 },
      { kind: 'TECHNOLOGY_CATEGORY', n: 15 },
      { kind: 'WATER_SECTOR', n: 13 },
    ]);
  });

  it('put enterprises back in the search outbox when their documents change shape', async () => {
    const [{ id }] = await dataSource.query(`INSERT INTO organization (kind, name_en, country_code, description) VALUES ('ENTERPRISE', 'Outbox Test Works', 'CN', '') RETURNING id`);
    await dataSource.query(`DELETE FROM search_outbox`);
    // Undo the migrations down to and including EnterpriseDeclaredCategories, then apply them again.
    for (;;) {
      const [{ name }] = await dataSource.query(`SELECT name FROM migration ORDER BY id DESC LIMIT 1`);
      await dataSource.undoLastMigration({ transaction: 'each' });
      if (name.startsWith('EnterpriseDeclaredCategories')) break;
    }
    await runMigrations(database.url);
    expect(await dataSource.query(`SELECT kind, entity_id FROM search_outbox`)).toEqual([{ kind: 'organization', entity_id: id }]);
    await dataSource.query(`DELETE FROM organization WHERE id = $1`, [id]);
    await dataSource.query(`DELETE FROM search_outbox`);
  });

  it('roll back completely and apply again', async () => {
    const applied = dataSource.migrations.length;
    for (let i = 0; i < applied; i++) await dataSource.undoLastMigration({ transaction: 'each' });
    const tables = await dataSource.query(`SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_name <> 'migration'`);
    expect(tables).toEqual([]);
    expect(await runMigrations(database.url)).toHaveLength(applied);
    expect((await dataSource.driver.createSchemaBuilder().log()).upQueries).toEqual([]);
  });
});
