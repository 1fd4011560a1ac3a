import { DataSource } from 'typeorm';
import { startTestApp, TestApp } from '../../test/support/test-app';
import demoData from './demo-data.json';
import { DemoSeedService } from './demo-seed.service';

describe('DemoSeedService (real database)', () => {
  let t: TestApp;
  let seeder: DemoSeedService;
  let db: DataSource;
  beforeAll(async () => {
    t = await startTestApp({ DEMO_PASSWORD: 'demo-password-for-tests' });
    seeder = t.app.get(DemoSeedService);
    db = t.dataSource;
  });
  afterAll(() => t.close());

  const count = async (table: string) => (await db.query(`SELECT count(*)::int AS n FROM ${table}`))[0].n as number;

  const demoAccounts = async () => {
    const res = await t.gql<{ demoAccounts: Array<{ role: string; email: string; organization: string }> }>(
      '{ demoAccounts { role email organization } }',
    );
    expect(res.errors).toBeUndefined();
    return res.data!.demoAccounts;
  };

  it('seeds the real GCDF-derived data once, and a second run adds nothing', async () => {
    // Before the seed, no demo accounts are offered to the sign-in page.
    expect(await demoAccounts()).toEqual([]);
    const report = await seeder.seedIfFirstStart();
    expect(report).toMatchObject({
      organizations: 1 + demoData.enterprises.length + demoData.agencies.length,
      needs: demoData.needs.length,
      users: 2 + demoData.enterprises.length + demoData.agencies.length,
      alliance: { centres: 3, activities: 3, donations: 4, trainingCourses: 4 },
    });
    const before = {
      organizations: await count('organization'),
      users: await count('app_user'),
      needs: await count('need'),
      projects: await count('reference_project'),
    };
    expect(before.projects).toBe(demoData.enterprises.reduce((n, e) => n + e.referenceProjects.length, 0));

    expect(await seeder.seedIfFirstStart()).toBeNull();
    expect({
      organizations: await count('organization'),
      users: await count('app_user'),
      needs: await count('need'),
      projects: await count('reference_project'),
    }).toEqual(before);
  });

  it('seeds only once even when two instances start together', async () => {
    const other = await startTestApp();
    try {
      const results = await Promise.all([
        other.app.get(DemoSeedService).seedIfFirstStart(),
        other.app.get(DemoSeedService).seedIfFirstStart(),
      ]);
      expect(results.filter((r) => r !== null)).toHaveLength(1);
      // The data's needs, and the one the Sri Lankan joint centre posts.
      expect((await other.dataSource.query('SELECT count(*)::int AS n FROM need'))[0].n).toBe(demoData.needs.length + 1);
    } finally {
      await other.close();
    }
  });

  it('offers the sign-in page one demo account per role once the demo data is there, without passwords', async () => {
    const accounts = await demoAccounts();
    expect(accounts.map((a) => a.role)).toEqual(['COORDINATOR', 'ADMIN', 'ENTERPRISE_MEMBER', 'AGENCY_MEMBER']);
    expect(accounts).toEqual(seeder.demoAccounts());
    const withPassword = await t.gql('{ demoAccounts { password } }');
    expect(withPassword.errors?.[0].extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
  });

  it('gives every printed demo account a working login, and stores no plaintext password', async () => {
    // The demo accounts share one hash of the published demo password: at scrypt's N=2^17 a hash each would add a
    // second per account to the first start, and a shared salt reveals nothing the printed password does not.
    for (const account of seeder.demoAccounts()) {
      const res = await t.gql<{ login: { user: { role: string } } }>(
        'mutation($e: String!, $p: String!) { login(email: $e, password: $p) { user { role } } }',
        { e: account.email, p: 'demo-password-for-tests' },
      );
      expect(res.data?.login.user.role).toBe(account.role);
    }
    const [{ plaintext }] = await db.query(
      `SELECT count(*)::int AS plaintext FROM app_user WHERE password_hash LIKE '%demo-password-for-tests%' OR password_hash NOT LIKE 'scrypt$%'`,
    );
    expect(plaintext).toBe(0);
    const [{ distinct }] = await db.query('SELECT count(DISTINCT password_hash)::int AS distinct FROM app_user');
    expect(distinct).toBe(1);
  });

  it('prints the login of every seeded organisation, by role, each one a real account of that organisation', async () => {
    const banner = seeder.banner('demo-password-for-tests').join('\n');
    const rows: Array<{ email: string; name: string }> = await db.query(
      `SELECT u.email, o.name_en AS name FROM app_user u JOIN organization o ON o.id = u.organization_id`,
    );
    // The three joint centres' staff are the only accounts beyond the data's organisations.
    expect(rows.length).toBe(2 + demoData.enterprises.length + demoData.agencies.length + 3);
    for (const { email, name } of rows) expect(banner).toContain(`${email.padEnd(60)} ${name}`);
    expect(banner).toMatch(/^Enterprises \(92, same password\):$/m);
    expect(banner).toMatch(/^Agencies and joint centres \(78, same password\):$/m);
    expect(banner).toContain('centre-sri-lanka@demo.waterbridge.org');
    // Readable logins: no internal "n-" key prefix (e.g. hunan-hongyu-engineering@…).
    expect(banner).toContain('hunan-hongyu-engineering@demo.waterbridge.org');
    expect(banner).not.toMatch(/\bn-[a-z]/);
  });

  it('shows enterprises with their group by its real name, each group once, and Chinese names from the curated table', async () => {
    const list = async (after: string | null) =>
      (
        await t.gql<{
          organizations: {
            pageInfo: { endCursor: string; hasNextPage: boolean };
            edges: Array<{ node: { nameEn: string; nameZh: string | null; parentGroup: string | null } }>;
          };
        }>(
          'query($after: String) { organizations(kind: ENTERPRISE, first: 100, after: $after) { pageInfo { endCursor hasNextPage } edges { node { nameEn nameZh parentGroup } } } }',
          { after },
        )
      ).data!.organizations;
    const enterprises = [];
    for (let page = await list(null); ; page = await list(page.pageInfo.endCursor)) {
      enterprises.push(...page.edges.map((e) => e.node));
      if (!page.pageInfo.hasNextPage) break;
    }
    expect(enterprises).toHaveLength(demoData.enterprises.length);
    // Never an internal key such as "N:china light industrial …".
    for (const e of enterprises) expect(e.parentGroup ?? '').not.toMatch(/^N:/);
    // The Hunan group spelled two ways in the source ("Constructing", "Construction") is one group.
    const hunan = enterprises.filter((e) => /^Hunan Construct(?:ing|ion) Engineering/.test(e.nameEn));
    expect(hunan).toHaveLength(2);
    expect(new Set(hunan.map((e) => e.parentGroup))).toEqual(new Set(['Hunan Construction Engineering Group']));
    expect(enterprises.find((e) => e.nameEn.startsWith('Sinohydro'))).toMatchObject({
      nameZh: '中国水利水电建设集团公司（中国水电）',
      parentGroup: 'Power Construction Corporation of China (PowerChina)',
    });
    expect(enterprises.find((e) => e.nameEn.startsWith('China Gezhouba'))?.nameZh).toBe('中国葛洲坝集团有限公司');
  });

  it('seeds the alliance’s work: the three joint centres in their countries, a programme, held and open activities with valid meetings, donations and training', async () => {
    const centres = await db.query(`SELECT name_en, country_code FROM organization WHERE kind = 'RESEARCH_CENTRE' ORDER BY country_code`);
    expect(centres.map((c: { country_code: string }) => c.country_code)).toEqual(['IR', 'KH', 'LK']);
    expect(centres.find((c: { country_code: string }) => c.country_code === 'LK').name_en).toBe(
      'China–Sri Lanka Joint Center for Water Technology Research and Demonstration',
    );
    const activities = await db.query(`SELECT kind, status, starts_at < now() AS past FROM activity ORDER BY starts_at`);
    expect(activities).toEqual([
      { kind: 'FIELD_INVESTIGATION', status: 'REPORTED', past: true },
      { kind: 'SEMINAR', status: 'HELD', past: true },
      { kind: 'EXHIBITION', status: 'OPEN', past: false },
    ]);
    // Meetings held: placed by the scheduler, nobody twice in a slot, no table used twice, breaks respected.
    const [clash] = await db.query(`
      SELECT count(*)::int AS n FROM meeting_request a JOIN meeting_request b ON a.id < b.id AND a.slot_id = b.slot_id
       WHERE a.requester_id IN (b.requester_id, b.invitee_id) OR a.invitee_id IN (b.requester_id, b.invitee_id) OR a.table_number = b.table_number`);
    expect(clash.n).toBe(0);
    const [onBreak] = await db.query(`
      SELECT count(*)::int AS n FROM meeting_request m JOIN meeting_break b ON b.slot_id = m.slot_id AND b.registration_id IN (m.requester_id, m.invitee_id)`);
    expect(onBreak.n).toBe(0);
    const [held] = await db.query(`
      SELECT count(*)::int AS n FROM meeting_request m JOIN activity a ON a.id = m.activity_id
       WHERE a.status IN ('HELD', 'REPORTED') AND m.status = 'ACCEPTED' AND m.slot_id IS NOT NULL`);
    expect(held.n).toBe(9);
    expect(await db.query(`SELECT status FROM equipment_donation ORDER BY status::text`)).toEqual(
      ['HANDED_OVER', 'IN_OPERATION', 'PLEDGED', 'SHIPPED'].map((status) => ({ status })),
    );
    expect(await db.query(`SELECT status, count(*)::int AS n FROM training_course GROUP BY status ORDER BY status::text`)).toEqual([
      { status: 'APPROVED', n: 1 },
      { status: 'COMPLETED', n: 2 },
      { status: 'PLEDGED', n: 1 },
    ]);
  });

  it('keeps seeded titles within the limits the API enforces', async () => {
    const [{ longest }] = await db.query(
      'SELECT greatest((SELECT max(length(title)) FROM need), (SELECT max(length(title)) FROM reference_project))::int AS longest',
    );
    expect(longest).toBeLessThanOrEqual(200);
  });

  it('shows needs in the voice of a need, with the financier the record names', async () => {
    const res = await t.gql<{ needs: { edges: Array<{ node: { title: string; description: string; financier: string | null } }> } }>(
      '{ needs(first: 100, status: OPEN) { edges { node { title description financier } } } }',
    );
    const needs = res.data!.needs.edges.map((e) => e.node);
    for (const n of needs) expect(`${n.title}\n${n.description}`).not.toMatch(/\((?:linked to|see)[^)]*#\s?\d|Eximbank provides/i);
    // Each need shows the financier its record names (e.g. "Export-Import Bank of China" for a China Eximbank loan).
    for (const n of needs) {
      const source = demoData.needs.find((d) => d.description === n.description);
      // The joint centre's need is the demo's own, not a record's.
      if (source) expect(n.financier).toBe(source.financier);
    }
    expect(needs.filter((n) => n.financier === 'Export-Import Bank of China').length).toBeGreaterThan(0);
  });

  it('publishes the needs of verified demo agencies, with real countries and sectors', async () => {
    const res = await t.gql<{
      needs: {
        totalCount: number;
        edges: Array<{
          node: { country: { code: string }; sector: { code: string }; organization: { kind: string; verificationStatus: string } };
        }>;
      };
    }>(
      '{ needs(first: 100, status: OPEN) { totalCount edges { node { country { code } sector { code } organization { kind verificationStatus } } } } }',
    );
    expect(res.data?.needs.totalCount).toBe(demoData.needs.length + 1);
    for (const { node } of res.data!.needs.edges) {
      expect(['AGENCY', 'RESEARCH_CENTRE']).toContain(node.organization.kind);
      expect(node.organization.verificationStatus).toBe('VERIFIED');
      expect(node.country.code).toMatch(/^[A-Z]{2}$/);
    }
  });
});
