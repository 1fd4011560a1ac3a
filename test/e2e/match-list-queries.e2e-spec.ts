import { Client } from 'pg';
import { MatchStatus, SideResponse } from '../../src/matches/match-status';
import { OrganizationKind } from '../../src/organizations/organization.entity';
import { Role } from '../../src/access/actor';
import { startTestApp, TestApp } from '../support/test-app';

const LIST = `{ matches(first: 50) { edges { node { id need { title } enterprise { nameEn } agencyContact { organization people { name email } }
  enterpriseContact { organization people { name email } } } } } }`;
const MATCHES = '{ matches(first: 50) { edges { node { id agency { nameEn } outcomes { kind } stage } } } }';
const NEEDS = '{ needs(first: 50) { edges { node { id title organization { nameEn } } } } }';
const ENTERPRISES = '{ organizations(kind: ENTERPRISE, first: 50) { edges { node { id nameEn country { nameEn } } } } }';
const MEMBERS = '{ users(first: 50) { edges { node { id displayName organization { nameEn } } } } }';

/** How many SQL statements `run` sends (those `only` accepts), counted at the pg client (every pool connection goes through it). */
async function countStatements(run: () => Promise<void>, only: (sql: string) => boolean = () => true): Promise<number> {
  // Put back as it was below; called with the client as `this`.
  // eslint-disable-next-line @typescript-eslint/unbound-method
  const query = Client.prototype.query;
  let statements = 0;
  Client.prototype.query = function (this: Client, ...args: unknown[]) {
    const sql = args[0];
    if (only(typeof sql === 'string' ? sql : ((sql as { text?: string }).text ?? ''))) statements++;
    return (query as (...a: unknown[]) => unknown).apply(this, args);
  } as typeof query;
  try {
    await run();
  } finally {
    Client.prototype.query = query;
  }
  return statements;
}

/**
 * How many SQL statements a page of rows costs with the fields resolved per row: with the per-request DataLoaders
 * (issue 13) a fixed number, whatever the page size. The bounds are today's counts, so a change that adds reads per
 * row fails here.
 */
describe('the SQL statements of a page', () => {
  let t: TestApp;
  let coordinatorToken: string;
  let adminToken: string;

  beforeAll(async () => {
    t = await startTestApp();
    const f = t.factory;
    const coordinator = await f.user(Role.COORDINATOR);
    coordinatorToken = t.tokenFor(coordinator.id);
    adminToken = t.tokenFor((await f.user(Role.ADMIN)).id);
    const agencies = await Promise.all(
      ['LK', 'KE', 'KH', 'PK', 'UZ'].map((countryCode) => f.organization({ kind: OrganizationKind.AGENCY, countryCode })),
    );
    const enterprises = await Promise.all(
      Array.from({ length: 10 }, () => f.organization({ kind: OrganizationKind.ENTERPRISE, countryCode: 'CN' })),
    );
    for (const org of [...agencies, ...enterprises])
      await f.user(org.kind === OrganizationKind.AGENCY ? Role.AGENCY_MEMBER : Role.ENTERPRISE_MEMBER, { organizationId: org.id });
    for (const [i, agency] of agencies.entries()) {
      for (let n = 0; n < 2; n++) {
        const need = await f.need(agency.id, { countryCode: agency.countryCode });
        for (let e = 0; e < 5; e++) {
          const enterprise = enterprises[(i * 2 + n + e) % enterprises.length];
          await f.match(need.id, enterprise.id, {
            status: MatchStatus.ENGAGED,
            agencyResponse: SideResponse.ACCEPTED,
            enterpriseResponse: SideResponse.ACCEPTED,
            introducedAt: new Date(),
          });
        }
      }
      // A full page of needs, from five agencies.
      for (let n = 0; n < 8; n++) await f.need(agency.id, { countryCode: agency.countryCode });
    }
  });
  afterAll(() => t.close());

  it('lists 50 engaged matches with both contacts in a bounded number of statements', async () => {
    const statements = await countStatements(async () => {
      const res = await t.gql<{
        matches: {
          edges: Array<{ node: { agencyContact: { people: unknown[] } | null; enterpriseContact: { people: unknown[] } | null } }>;
        };
      }>(LIST, {}, coordinatorToken);
      expect(res.errors).toBeUndefined();
      const nodes = res.data!.matches.edges.map((e) => e.node);
      expect(nodes).toHaveLength(50);
      for (const node of nodes) expect([node.agencyContact?.people.length, node.enterpriseContact?.people.length]).toEqual([1, 1]);
    });
    process.stdout.write(`SQL statements for matches(first: 50) with both contacts: ${statements}\n`);
    expect(statements).toBeLessThanOrEqual(BASELINE);
  });

  it.each([
    ['matches(first: 50) with their agency and outcomes', MATCHES, () => coordinatorToken, 'matches', 50, 6],
    ['needs(first: 50) with their agency', NEEDS, () => coordinatorToken, 'needs', 50, 5],
    ['organizations(kind: ENTERPRISE, first: 50)', ENTERPRISES, () => coordinatorToken, 'organizations', 10, 4],
    ['users(first: 50) with their organisation', MEMBERS, () => adminToken, 'users', 17, 5],
  ])('%s in a bounded number of statements', async (label, document, token, field, count, bound) => {
    let rows = 0;
    const statements = await countStatements(async () => {
      const res = await t.gql<Record<string, { edges: unknown[] }>>(document, {}, token());
      expect(res.errors).toBeUndefined();
      rows = res.data![field].edges.length;
    });
    process.stdout.write(`SQL statements for ${label}: ${statements} (${rows} rows)\n`);
    expect(rows).toBe(count);
    expect(statements).toBeLessThanOrEqual(bound);
  });

  it('approveMatches reads the approved matches back in one query, not one per match', async () => {
    const f = t.factory;
    const agency = await f.organization({ kind: OrganizationKind.AGENCY, countryCode: 'LK' });
    const input: Array<{ id: string; version: number }> = [];
    for (let i = 0; i < 10; i++) {
      const need = await f.need(agency.id, { countryCode: 'LK' });
      const match = await f.match(need.id, (await f.organization({ kind: OrganizationKind.ENTERPRISE, countryCode: 'CN' })).id);
      input.push({ id: match.id, version: match.version });
    }
    // The reads of matches as the API returns them (MatchesService's query, alias "m"); the locking reads are the workflow's own.
    const readsBack = await countStatements(
      async () => {
        const res = await t.gql<{ approveMatches: Array<{ id: string; status: string }> }>(
          'mutation($input: [MatchVersionInput!]!) { approveMatches(input: $input) { id status } }',
          { input },
          coordinatorToken,
        );
        expect(res.errors).toBeUndefined();
        expect(res.data!.approveMatches).toEqual(input.map(({ id }) => ({ id, status: 'INTRODUCED' })));
      },
      (sql) => sql.includes('FROM "match" "m"'),
    );
    expect(readsBack).toBe(1);
  });
});

/**
 * Measured on 2026-12-06: 204 before the DataLoaders of issue 13 (two reads per match per side, and four for the
 * request); 6 with them (the four, then one read of the sides' organisations and one of their members).
 */
const BASELINE = 6;
