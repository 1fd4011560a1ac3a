import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { buildOnce, ROOT } from './support/build';
import { TEST_JWT_SECRET, TEST_WEBHOOK_SECRETS_KEY } from './support/test-app';
import { createTestDatabase } from './support/test-database';

/** The command line, run as a user would (compiled, in its own process), against this run's servers. */
describe('npm run cli', () => {
  let database: { url: string; drop: () => Promise<void> };
  let dir: string;
  let db: Client;
  const prefix = `cli_${process.pid}_`;

  const cli = (...args: string[]) => {
    const result = spawnSync(process.execPath, [join(ROOT, 'dist', 'src', 'cli', 'main.js'), ...args], {
      cwd: ROOT,
      encoding: 'utf8',
      env: {
        PATH: process.env.PATH,
        DATABASE_URL: database.url,
        MEILI_URL: process.env.WB_TEST_MEILI_URL,
        MEILI_MASTER_KEY: process.env.WB_TEST_MEILI_MASTER_KEY,
        MEILI_INDEX_PREFIX: prefix,
        JWT_SECRET: TEST_JWT_SECRET,
        WEBHOOK_SECRETS_KEY: TEST_WEBHOOK_SECRETS_KEY,
        METRICS_PUBLIC: 'true',
      },
    });
    return { code: result.status, stdout: result.stdout, stderr: result.stderr };
  };
  const count = async (sql: string) => Number((await db.query(sql)).rows[0].n);

  beforeAll(async () => {
    buildOnce();
    database = await createTestDatabase();
    db = new Client({ connectionString: database.url });
    await db.connect();
    dir = mkdtempSync(join(tmpdir(), 'waterbridge-cli-'));
  });
  afterAll(async () => {
    // The indexes this file's commands created on the shared Meilisearch.
    const headers = { authorization: `Bearer ${process.env.WB_TEST_MEILI_MASTER_KEY}` };
    const { results } = (await (await fetch(`${process.env.WB_TEST_MEILI_URL}/indexes?limit=1000`, { headers })).json()) as {
      results: Array<{ uid: string }>;
    };
    for (const { uid } of results.filter((i) => i.uid.startsWith(prefix)))
      await fetch(`${process.env.WB_TEST_MEILI_URL}/indexes/${uid}`, { method: 'DELETE', headers });
    await db.end();
    await database.drop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('imports companies, names each bad line by number, and writes nothing of it', async () => {
    const file = join(dir, 'companies.jsonl');
    const project = (id: string, country: string, title = `Water supply project ${id}`) => ({
      id,
      title,
      description: 'Construction of a water treatment plant and pipelines.',
      country,
      sector: 'WATER SUPPLY AND SANITATION',
      year: 2015,
    });
    writeFileSync(
      file,
      [
        JSON.stringify({
          id: 'ACME',
          name: 'Acme Water Engineering',
          parentGroup: 'ACME GROUP',
          projects: [
            // A real GCDF title (gcdf-63932): the lender as subject, then the instrument.
            project(
              'p-1',
              'Sri Lanka',
              'China Eximbank provides $62 million preferential buyer’s credit for Chico River Pump Irrigation Project',
            ),
            project('p-2', 'Viet Nam'),
          ],
        }),
        '{"id": "BROKEN", "name": ',
        JSON.stringify({
          id: 'ATLANTIS',
          name: 'Atlantis Works',
          parentGroup: null,
          projects: [project('p-3', 'Kenya'), project('p-4', 'Atlantis')],
        }),
        JSON.stringify({ id: 'NONAME', projects: [] }),
        JSON.stringify({ id: 'BETA', name: 'Beta Pumps', parentGroup: null, projects: [project('p-5', 'Africa, regional')] }),
      ].join('\n') + '\n',
    );

    const run = cli('import-companies', file);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(`${file}:2: not valid JSON`);
    expect(run.stderr).toContain(`${file}:3: project 2 (p-4): unknown country "Atlantis"`);
    expect(run.stderr).toContain(`${file}:4: "name" is missing`);
    expect(run.stdout).toMatch(/Imported 2 companies .*refused 3 lines/);

    expect(await count(`SELECT count(*) AS n FROM organization WHERE external_id IN ('ACME', 'BETA')`)).toBe(2);
    // Line 3 had a good project too: none of it was written.
    expect(await count(`SELECT count(*) AS n FROM organization WHERE external_id = 'ATLANTIS'`)).toBe(0);
    expect(await count(`SELECT count(*) AS n FROM reference_project WHERE external_id = 'p-3'`)).toBe(0);
    const projects = (
      await db.query(`SELECT external_id, country_code, financier, financing_instrument FROM reference_project ORDER BY external_id`)
    ).rows;
    // Who financed each project and how, as its text says (nothing when it names neither).
    expect(projects).toEqual([
      {
        external_id: 'p-1',
        country_code: 'LK',
        financier: 'Export-Import Bank of China',
        financing_instrument: 'PREFERENTIAL_BUYERS_CREDIT',
      },
      { external_id: 'p-2', country_code: 'VN', financier: null, financing_instrument: null },
      { external_id: 'p-5', country_code: null, financier: null, financing_instrument: null },
    ]);
    expect(
      (await db.query(`SELECT external_id, sector_code FROM reference_project WHERE external_id IN ('p-2', 'p-5') ORDER BY 1`)).rows,
    ).toEqual([
      { external_id: 'p-2', sector_code: '14021' },
      { external_id: 'p-5', sector_code: '14021' },
    ]);
    // And the search index followed.
    expect(await count('SELECT count(*) AS n FROM search_outbox')).toBe(0);
  });

  it('infers capabilities from what a company name states', async () => {
    const rows = (
      await db.query(
        `SELECT c.technology_category, c.description FROM capability c JOIN organization o ON o.id = c.organization_id WHERE o.external_id = 'BETA'`,
      )
    ).rows;
    expect(rows).toEqual([
      { technology_category: 'PUMPING_STATIONS', description: 'Inferred from the company name "Beta Pumps": pumping stations.' },
    ]);
  });

  it('is idempotent: the same file again changes nothing', async () => {
    const rowsOf = async (sql: string) => (await db.query(sql)).rows.map((r) => Object.values(r).join(':'));
    const projects = 'SELECT id, title, financier, financing_instrument FROM reference_project ORDER BY id';
    const capabilities = 'SELECT id, technology_category, description FROM capability ORDER BY id';
    const before = { projects: await rowsOf(projects), capabilities: await rowsOf(capabilities) };
    const organizations = await count('SELECT count(*) AS n FROM organization');
    // A row edited since (here: its financing cleared) is brought back to what the file says.
    await db.query(`UPDATE reference_project SET financier = NULL, financing_instrument = NULL WHERE external_id = 'p-1'`);
    cli('import-companies', join(dir, 'companies.jsonl'));
    expect({ projects: await rowsOf(projects), capabilities: await rowsOf(capabilities) }).toEqual(before);
    expect(await count('SELECT count(*) AS n FROM organization')).toBe(organizations);
  });

  it('imports needs under one agency per country and publishes them', async () => {
    const file = join(dir, 'needs.jsonl');
    writeFileSync(
      file,
      [
        JSON.stringify({
          id: 'n-1',
          title: 'China provides $28.9 million loan for Wad Medani Water Treatment Plant',
          description: 'Construction of a 100,000-ton water treatment plant.',
          country: 'Sudan',
          region: 'Africa',
          sector: 'WATER SUPPLY AND SANITATION',
          subtype: 'water treatment',
          year: 2006,
          goldCompanyIds: ['X'],
        }),
        JSON.stringify({
          id: 'n-2',
          title: 'Boreholes for Mali',
          description: 'Drilling 50 boreholes.',
          country: 'Mali',
          region: 'Africa',
          sector: 'WATER SUPPLY AND SANITATION',
          subtype: 'wells/boreholes',
          year: 2011,
        }),
        JSON.stringify({ id: 'n-3', title: 'Somewhere', description: 'No country.', country: null }),
        // No country in the record, but the title names one (and China, which does not count).
        JSON.stringify({
          id: 'n-4',
          title: 'China-Lesotho Friendship Fund donates boreholes to Thaba Tseka',
          description: 'Ten boreholes.',
          country: null,
          year: 2019,
        }),
      ].join('\n'),
    );
    const run = cli('import-needs', file);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(`${file}:3: "country" is missing`);
    const needs = (
      await db.query(
        `SELECT external_id, country_code, sector_code, status, budget_max::float AS budget, currency FROM need ORDER BY external_id`,
      )
    ).rows;
    expect(needs).toEqual([
      { external_id: 'n-1', country_code: 'SD', sector_code: '14021', status: 'OPEN', budget: 28_900_000, currency: 'USD' },
      { external_id: 'n-2', country_code: 'ML', sector_code: '14031', status: 'OPEN', budget: null, currency: null },
      { external_id: 'n-4', country_code: 'LS', sector_code: '14031', status: 'OPEN', budget: null, currency: null },
    ]);
    expect(await count(`SELECT count(*) AS n FROM organization WHERE kind = 'AGENCY'`)).toBe(3);
    // Who finances each need and how, read from its text.
    expect((await db.query(`SELECT external_id, financier, financing_instrument FROM need ORDER BY external_id`)).rows).toEqual([
      { external_id: 'n-1', financier: 'Government of China', financing_instrument: 'LOAN' },
      { external_id: 'n-2', financier: null, financing_instrument: null },
      { external_id: 'n-4', financier: 'China-Lesotho Friendship Fund', financing_instrument: 'GRANT' },
    ]);

    // New needs are published: each gets the job that ranks its candidates for the review queue, for a worker to run.
    const queued = async () =>
      (
        await db.query(
          `SELECT n.external_id FROM pgboss.job j JOIN need n ON n.id = (j.data->>'needId')::uuid WHERE j.name = 'need-published' ORDER BY 1`,
        )
      ).rows.map((r) => r.external_id as string);
    expect(await queued()).toEqual(['n-1', 'n-2', 'n-4']);
    expect(run.stderr).toContain('Candidates queued for review for 3 new needs');
    // Updating needs already there queues nothing more; nor does --no-suggest for a new one.
    expect(cli('import-needs', file).stderr).not.toContain('Candidates queued');
    const more = join(dir, 'more-needs.jsonl');
    writeFileSync(
      more,
      JSON.stringify({
        id: 'n-5',
        title: 'Irrigation canal rehabilitation',
        description: 'Lining 40 km of canals.',
        country: 'Egypt',
        year: 2015,
      }),
    );
    expect(cli('import-needs', more, '--no-suggest').code).toBe(0);
    expect(await count(`SELECT count(*) AS n FROM need WHERE external_id = 'n-5'`)).toBe(1);
    expect(await queued()).toEqual(['n-1', 'n-2', 'n-4']);
  });

  it('match-batch ranks every need in a world of its own, best first, the same on every run', async () => {
    const project = (id: string, title: string, country: string, year: number, sector = 'WATER SUPPLY AND SANITATION') => ({
      id,
      title,
      description: `${title}, built under contract.`,
      country,
      sector,
      year,
    });
    const companies = join(dir, 'batch-companies.jsonl');
    const twin = (name: string) => [project(`${name}-1`, 'Mombasa water supply pipeline', 'Kenya', 2014)];
    writeFileSync(
      companies,
      [
        {
          id: 'NILE',
          name: 'Nile Water Works',
          parentGroup: null,
          projects: [
            project('nile-1', 'Wad Medani water treatment plant', 'Sudan', 2010),
            project('nile-2', 'Kassala water treatment plant', 'Sudan', 2012),
          ],
        },
        {
          id: 'ROADS',
          name: 'Great Wall Roads',
          parentGroup: null,
          projects: [project('roads-1', 'Khartoum ring road', 'Sudan', 2011, 'TRANSPORT AND STORAGE')],
        },
        // Two companies with the same record: a tie, broken by name.
        { id: 'ZETA', name: 'Zeta Builders', parentGroup: null, projects: twin('zeta') },
        { id: 'ALPHA', name: 'Alpha Builders', parentGroup: null, projects: twin('alpha') },
      ]
        .map((line) => JSON.stringify(line))
        .join('\n'),
    );
    const needs = join(dir, 'batch-needs.jsonl');
    writeFileSync(
      needs,
      [
        {
          id: 'need-ke',
          title: 'Nairobi water supply pipeline',
          description: 'A new water supply pipeline.',
          country: 'Kenya',
          region: 'Africa',
          sector: 'WATER SUPPLY AND SANITATION',
          subtype: 'water supply',
          year: 2015,
        },
        {
          id: 'need-sd',
          title: 'Gedaref water treatment plant',
          description: 'A drinking water treatment plant for Gedaref.',
          country: 'Sudan',
          region: 'Africa',
          sector: 'WATER SUPPLY AND SANITATION',
          subtype: 'water treatment',
          year: 2012,
        },
      ]
        .map((line) => JSON.stringify(line))
        .join('\n'),
    );
    const organizations = await count('SELECT count(*) AS n FROM organization');
    const rankings: string[] = [];
    for (const run of [1, 2]) {
      const out = join(dir, `ranking-${run}.jsonl`);
      const result = cli('match-batch', '--companies', companies, '--needs', needs, '--out', out, '--k', '3');
      expect(result.code).toBe(0);
      rankings.push(readFileSync(out, 'utf8'));
    }
    const lines = rankings[0]
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as { needId: string; companyIds: string[] });
    expect(lines.map((l) => l.needId)).toEqual(['need-ke', 'need-sd']);
    expect(lines.every((l) => l.companyIds.length === 3)).toBe(true);
    expect(lines[0].companyIds.slice(0, 2)).toEqual(['ALPHA', 'ZETA']);
    expect(lines[1].companyIds[0]).toBe('NILE');
    expect(rankings[1]).toBe(rankings[0]);
    // The installation's own database was not touched.
    expect(await count('SELECT count(*) AS n FROM organization')).toBe(organizations);
  });

  it('explains how to call it', () => {
    const run = cli('import-companies');
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('Usage: npm run cli -- import-companies FILE.jsonl');
    expect(cli('no-such-command').stderr).toContain('Unknown command "no-such-command"');
  });
});
