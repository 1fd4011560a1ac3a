import { DataSource } from 'typeorm';
import { appDataSourceOptions } from '../src/entities';
import { runMigrations } from '../src/database/migrate';
import { createEmptyDatabase } from './support/test-database';

describe('migrations', () => {
  let database: { url: string; drop: () => Promise<void> };
  let dataSource: DataSource;
  beforeAll(async () => {
    database = await createEmptyDatabase();
    await runMigrations(database.url);
    dataSource = await new DataSource(appDataSourceOptions(database.url)).initialize();
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
    const [{ countries, bri }] = await dataSource.query(
      `SELECT count(*)::int AS countries, count(*) FILTER (WHERE belt_and_road)::int AS bri FROM country`,
    );
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
    const [{ id }] = await dataSource.query(
      `INSERT INTO organization (kind, name_en, country_code, description) VALUES ('ENTERPRISE', 'Outbox Test Works', 'CN', '') RETURNING id`,
    );
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

  it('move each match’s one outcome into its series of outcomes, and back', async () => {
    /** Undoes the migrations down to and including MatchOutcomeSeries. */
    const undoOutcomeSeries = async () => {
      for (;;) {
        const [{ name }] = await dataSource.query(`SELECT name FROM migration ORDER BY id DESC LIMIT 1`);
        await dataSource.undoLastMigration({ transaction: 'each' });
        if (name.startsWith('MatchOutcomeSeries')) break;
      }
    };
    await undoOutcomeSeries();
    const [agency] = await dataSource.query(
      `INSERT INTO organization (kind, name_en, country_code, description) VALUES ('AGENCY', 'Outcome Test Board', 'LK', '') RETURNING id`,
    );
    const [enterprise] = await dataSource.query(
      `INSERT INTO organization (kind, name_en, country_code, description) VALUES ('ENTERPRISE', 'Outcome Test Works', 'CN', '') RETURNING id`,
    );
    const [need] = await dataSource.query(
      `INSERT INTO need (organization_id, title, description, country_code, sector_code) VALUES ($1, 'Intake', '', 'LK', '14021') RETURNING id`,
      [agency.id],
    );
    const [match] = await dataSource.query(
      `INSERT INTO match (need_id, enterprise_id, origin, status, score, explanation, status_changed_at, outcome, outcome_date, outcome_note)
       VALUES ($1, $2, 'SUGGESTION', 'OUTCOME_RECORDED', 0.5, '{}', '2026-05-02T10:00:00Z', 'PILOT_OR_DEMONSTRATION', '2026-04-30', 'Pilot plant running') RETURNING id`,
      [need.id, enterprise.id],
    );
    const recorder = '7b0a5c55-3f5e-4c61-9a43-0f3f3b1d2c11';
    await dataSource.query(
      `INSERT INTO audit_entry (entity_type, entity_id, actor_user_id, action, from_status, to_status, created_at) VALUES ('match', $1, $2, 'record outcome', 'ENGAGED', 'OUTCOME_RECORDED', '2026-05-02T10:00:00Z')`,
      [match.id, recorder],
    );

    await runMigrations(database.url);
    const series = await dataSource.query(
      `SELECT kind, to_char(date, 'YYYY-MM-DD') AS date, value, currency, note, recorded_by, created_at FROM match_outcome WHERE match_id = $1`,
      [match.id],
    );
    expect(series).toEqual([
      {
        kind: 'PILOT_OR_DEMONSTRATION',
        date: '2026-04-30',
        value: null,
        currency: null,
        note: 'Pilot plant running',
        recorded_by: recorder,
        created_at: new Date('2026-05-02T10:00:00Z'),
      },
    ]);

    // Back down: the match keeps its latest outcome; a handover, which the old kinds lack, goes back as the contract it followed.
    await dataSource.query(
      `INSERT INTO match_outcome (match_id, kind, date) VALUES ($1, 'CONTRACT', '2026-06-01'), ($1, 'HANDOVER', '2026-08-15')`,
      [match.id],
    );
    await undoOutcomeSeries();
    expect(
      await dataSource.query(`SELECT outcome, to_char(outcome_date, 'YYYY-MM-DD') AS outcome_date, outcome_note FROM match WHERE id = $1`, [
        match.id,
      ]),
    ).toEqual([{ outcome: 'CONTRACT', outcome_date: '2026-08-15', outcome_note: null }]);
    await runMigrations(database.url);
    // The need takes its match and that match's outcomes with it.
    await dataSource.query(`DELETE FROM need WHERE id = $1`, [need.id]);
    await dataSource.query(`DELETE FROM organization WHERE id = ANY($1)`, [[agency.id, enterprise.id]]);
    // Its audit entry stays: the trail is append-only (AuditEveryMutation's triggers refuse the DELETE).
  });

  it('put needs and reference projects back in the search outbox when they gain their financing fields', async () => {
    const undoFinancing = async () => {
      for (;;) {
        const [{ name }] = await dataSource.query(`SELECT name FROM migration ORDER BY id DESC LIMIT 1`);
        await dataSource.undoLastMigration({ transaction: 'each' });
        if (name.startsWith('FinancingInstrument')) break;
      }
    };
    await undoFinancing();
    const [org] = await dataSource.query(
      `INSERT INTO organization (kind, name_en, country_code, description) VALUES ('AGENCY', 'Financing Test Board', 'LK', '') RETURNING id`,
    );
    const [need] = await dataSource.query(
      `INSERT INTO need (organization_id, title, description, country_code, sector_code) VALUES ($1, 'Intake', '', 'LK', '14021') RETURNING id`,
      [org.id],
    );
    const [project] = await dataSource.query(`INSERT INTO reference_project (organization_id, title) VALUES ($1, 'Weir') RETURNING id`, [
      org.id,
    ]);
    await dataSource.query(`DELETE FROM search_outbox`);
    await runMigrations(database.url);
    expect(await dataSource.query(`SELECT kind, entity_id FROM search_outbox ORDER BY kind`)).toEqual([
      { kind: 'need', entity_id: need.id },
      { kind: 'reference_project', entity_id: project.id },
    ]);
    await dataSource.query(`UPDATE reference_project SET financier = 'Embassy of China', financing_instrument = 'GRANT' WHERE id = $1`, [
      project.id,
    ]);
    await dataSource.query(`DELETE FROM need WHERE id = $1`, [need.id]);
    await dataSource.query(`DELETE FROM organization WHERE id = $1`, [org.id]);
    await dataSource.query(`DELETE FROM search_outbox`);
  });

  it('roll back completely and apply again', async () => {
    const applied = dataSource.migrations.length;
    for (let i = 0; i < applied; i++) await dataSource.undoLastMigration({ transaction: 'each' });
    const tables = await dataSource.query(
      `SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_name <> 'migration'`,
    );
    expect(tables).toEqual([]);
    expect(await runMigrations(database.url)).toHaveLength(applied);
    expect((await dataSource.driver.createSchemaBuilder().log()).upQueries).toEqual([]);
  });
});
