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
      matches: { engaged: 4, outcomes: 3 },
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
    // The needs of the demo's engaged matches are matched: the Sri Lankan centre's and two agencies' (match-demo.ts).
    expect(res.data?.needs.totalCount).toBe(demoData.needs.length + 1 - 3);
    for (const { node } of res.data!.needs.edges) {
      expect(['AGENCY', 'RESEARCH_CENTRE']).toContain(node.organization.kind);
      expect(node.organization.verificationStatus).toBe('VERIFIED');
      expect(node.country.code).toMatch(/^[A-Z]{2}$/);
    }
  });

  const REPORT = `query($groupBy: AllianceReportGrouping!, $from: String!, $to: String!) {
    allianceReport(groupBy: $groupBy, from: $from, to: $to) {
      rows { key nameEn figures { matches { engaged outcomesRecorded outcomesByKind { kind count } } } }
      totals { matches { engaged outcomesRecorded outcomesByKind { kind count } } }
    }
  }`;
  type Figures = { matches: { engaged: number; outcomesRecorded: number; outcomesByKind: Array<{ kind: string; count: number }> } };
  const report = async (groupBy: string) => {
    const [{ id }] = await db.query(`SELECT id FROM app_user WHERE email = 'coordinator@demo.waterbridge.org'`);
    const day = (offset: number) => new Date(Date.now() + offset * 24 * 3600_000).toISOString().slice(0, 10);
    const res = await t.gql<{
      allianceReport: { rows: Array<{ key: string | null; nameEn: string | null; figures: Figures }>; totals: Figures };
    }>(REPORT, { groupBy, from: day(-365), to: day(0) }, t.tokenFor(id));
    expect(res.errors).toBeUndefined();
    return res.data!.allianceReport;
  };

  it('seeds the matching loop: matches engaged through the workflow’s moves, the donation and the course recorded as their outcomes', async () => {
    const matches = await db.query(`
      SELECT o.external_id AS enterprise, m.status, m.origin, m.agency_response, m.enterprise_response,
             m.rank > 0 AS ranked, jsonb_array_length(m.explanation->'factors') > 0 AS explained, m.introduced_at < now() - interval '30 days' AS past
        FROM match m JOIN organization o ON o.id = m.enterprise_id ORDER BY o.external_id`);
    const engaged = {
      origin: 'INTEREST',
      agency_response: 'ACCEPTED',
      enterprise_response: 'ACCEPTED',
      ranked: true,
      explained: true,
      past: true,
    };
    expect(matches).toEqual([
      { enterprise: 'CGGC', status: 'OUTCOME_RECORDED', ...engaged },
      { enterprise: 'CMEC', status: 'ENGAGED', ...engaged },
      { enterprise: 'CWE', status: 'OUTCOME_RECORDED', ...engaged },
      { enterprise: 'SINOHYDRO', status: 'OUTCOME_RECORDED', ...engaged },
    ]);
    // The trail of each move, by whom, in order: interest, the coordinator's approval and introduction, both answers, the outcome.
    const trail = await db.query(`
      SELECT e.action, e.from_status AS "from", e.to_status AS "to", e.actor_role AS role FROM audit_entry e
        JOIN match m ON m.id = e.entity_id JOIN organization o ON o.id = m.enterprise_id
       WHERE e.entity_type = 'match' AND o.external_id = 'SINOHYDRO' ORDER BY e.created_at, e.id`);
    expect(trail).toEqual([
      { action: 'express interest', from: null, to: 'SUGGESTED', role: 'ENTERPRISE_MEMBER' },
      { action: 'approve', from: 'SUGGESTED', to: 'APPROVED', role: 'COORDINATOR' },
      { action: 'introduce', from: 'APPROVED', to: 'INTRODUCED', role: 'COORDINATOR' },
      { action: 'accept', from: 'INTRODUCED', to: 'INTRODUCED', role: 'ENTERPRISE_MEMBER' },
      { action: 'accept', from: 'INTRODUCED', to: 'ENGAGED', role: 'AGENCY_MEMBER' },
      { action: 'record outcome', from: 'ENGAGED', to: 'OUTCOME_RECORDED', role: 'COORDINATOR' },
    ]);
    // The outcomes: the donation's handover and the course's completion, linked both ways, on their own days.
    expect(
      await db.query(`
        SELECT o.kind, o.date = coalesce(d.handed_over_on, c.ends_on) AS on_its_day, o.value::float8 AS value, o.currency
          FROM match_outcome o LEFT JOIN equipment_donation d ON d.match_id = o.match_id LEFT JOIN training_course c ON c.match_id = o.match_id
         ORDER BY o.kind`),
    ).toEqual([
      { kind: 'MOU_SIGNED', on_its_day: null, value: null, currency: null },
      { kind: 'TRAINING_DELIVERED', on_its_day: true, value: null, currency: null },
      { kind: 'HANDOVER', on_its_day: true, value: 77_500, currency: 'USD' },
    ]);
    // Nobody is told of the old moves; both sides hear of each outcome — the demo's own accounts, on its e-mail domain.
    expect(await db.query(`SELECT type, count(*)::int AS n FROM notification_event WHERE type LIKE 'MATCH_%' GROUP BY type`)).toEqual([
      { type: 'MATCH_OUTCOME_RECORDED', n: 3 },
    ]);
    const [{ elsewhere }] = await db.query(`SELECT count(*)::int AS elsewhere FROM app_user WHERE email NOT LIKE '%@demo.waterbridge.org'`);
    expect(elsewhere).toBe(0);
  });

  it('shows the engagements and outcomes in the alliance report, by joint centre, country and programme', async () => {
    const byCentre = await report('CENTRE');
    const lk = byCentre.rows.find((r) => r.nameEn?.startsWith('China–Sri Lanka'));
    expect(lk?.figures.matches).toEqual({
      engaged: 2,
      outcomesRecorded: 2,
      outcomesByKind: [
        { kind: 'TRAINING_DELIVERED', count: 1 },
        { kind: 'HANDOVER', count: 1 },
      ],
    });
    // The agencies' engagements belong to no centre.
    expect(byCentre.rows.find((r) => r.key === null)?.figures.matches).toMatchObject({ engaged: 2, outcomesRecorded: 1 });
    expect(byCentre.totals.matches).toMatchObject({ engaged: 4, outcomesRecorded: 3 });

    const byCountry = await report('COUNTRY');
    expect(byCountry.rows.find((r) => r.key === 'LK')?.figures.matches).toMatchObject({ engaged: 3, outcomesRecorded: 2 });
    expect(byCountry.rows.find((r) => r.key === 'KH')?.figures.matches).toEqual({
      engaged: 1,
      outcomesRecorded: 1,
      outcomesByKind: [{ kind: 'MOU_SIGNED', count: 1 }],
    });
    // Matches belong to no programme.
    const byProgramme = await report('PROGRAMME');
    expect(byProgramme.rows.find((r) => r.key === null)?.figures.matches).toMatchObject({ engaged: 4, outcomesRecorded: 3 });
  });

  it('adds the matching loop to a demo database seeded before it, dated from that database’s own activities', async () => {
    const old = await startTestApp();
    try {
      const seeder = old.app.get(DemoSeedService);
      // A demo seeded 200 days ago, before the matches' seed existed.
      await old.dataSource.query(`INSERT INTO seed_run (name) VALUES ('demo-matches-v1')`);
      await seeder.seedIfFirstStart(demoData, new Date(Date.now() - 200 * 24 * 3600_000));
      await old.dataSource.query(`DELETE FROM seed_run WHERE name = 'demo-matches-v1'`);
      expect(await old.dataSource.query('SELECT count(*)::int AS n FROM match')).toEqual([{ n: 0 }]);

      expect(await seeder.seedIfFirstStart()).toMatchObject({ alliance: null, matches: { engaged: 4, outcomes: 3 } });
      // Engaged after the field investigation (350 days ago), before the handover (310 days ago) that is its outcome.
      const [row] = await old.dataSource.query(`
        SELECT (SELECT min(created_at) FROM audit_entry e WHERE e.entity_id = m.id AND e.to_status = 'ENGAGED') < d.handed_over_on AS before_handover,
               m.introduced_at > a.starts_at AS after_investigation
          FROM match m JOIN equipment_donation d ON d.match_id = m.id
          JOIN activity a ON a.kind = 'FIELD_INVESTIGATION'`);
      expect(row).toEqual({ before_handover: true, after_investigation: true });
      expect(await seeder.seedIfFirstStart()).toBeNull();
    } finally {
      await old.close();
    }
  });
});
