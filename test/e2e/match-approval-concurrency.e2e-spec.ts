import { randomUUID } from 'node:crypto';
import { MatchEntity } from '../../src/matches/match.entity';
import { errorCode, startTestApp, TestApp } from '../support/test-app';
import { waitUntil } from '../support/wait';
import { buildWorld, World } from '../support/world';

const APPROVE_ALL = 'mutation($input: [MatchVersionInput!]!) { approveMatches(input: $input) { id status } }';

/**
 * Bulk approvals that overlap on their needs, run at once: each takes the same locks (the needs, then the matches, each
 * in id order), so none deadlocks, and a database conflict that does happen reaches the client as CONFLICT, not
 * INTERNAL_SERVER_ERROR.
 */
describe('concurrent match approvals', () => {
  let t: TestApp;
  let w: World;

  beforeAll(async () => {
    t = await startTestApp();
    w = await buildWorld(t);
  });
  afterAll(() => t?.close());

  /**
   * Two open needs and four suggestions, two enterprises on each need, with ids chosen so that approving
   * `first` ([a1, b1]) and `second` ([a2, b2]) in id order visits the needs in opposite orders: N1 then N2, and N2
   * then N1 — the interleaving that deadlocked.
   */
  async function crossedPair() {
    const [n1, n2] = [await t.factory.need(w.orgs.agencyOrg.id), await t.factory.need(w.orgs.otherAgencyOrg.id, { countryCode: 'KE' })];
    const [u0, u1, u2, u3] = [randomUUID(), randomUUID(), randomUUID(), randomUUID()].sort();
    const a1 = await t.factory.match(n1.id, w.orgs.enterpriseOrg.id, { id: u0 });
    const b2 = await t.factory.match(n2.id, w.orgs.otherEnterpriseOrg.id, { id: u1 });
    const b1 = await t.factory.match(n2.id, w.orgs.enterpriseOrg.id, { id: u2 });
    const a2 = await t.factory.match(n1.id, w.orgs.otherEnterpriseOrg.id, { id: u3 });
    return { first: [a1, b1], second: [a2, b2], all: [a1, a2, b1, b2] };
  }
  const approve = (matches: MatchEntity[], token = w.token('coordinator')) =>
    t.gql<{ approveMatches: Array<{ id: string; status: string }> }>(
      APPROVE_ALL,
      { input: matches.map((m) => ({ id: m.id, version: m.version })) },
      token,
    );

  /** Every match introduced, each with exactly one approval in the audit trail. */
  async function expectApprovedOnce(matches: MatchEntity[]) {
    const ids = matches.map((m) => m.id);
    const rows: Array<{ status: string; approvals: number }> = await t.dataSource.query(
      `SELECT m.status, (SELECT count(*)::int FROM audit_entry a WHERE a.entity_id = m.id AND a.action = 'approve') AS approvals FROM match m WHERE m.id = ANY($1)`,
      [ids],
    );
    expect(rows).toEqual(ids.map(() => ({ status: 'INTRODUCED', approvals: 1 })));
  }

  it('does not deadlock when two bulk approvals reach the same two needs in opposite orders', async () => {
    const { first, second, all } = await crossedPair();
    // A transaction of the test's own holds the second match of each call, so both calls stop half way, each
    // holding what it took so far; then it lets go and both continue at once. Before the fix, each then waited for
    // the need the other had moved, and PostgreSQL broke the cycle by failing one of them (40P01).
    const blocker = t.dataSource.createQueryRunner();
    await blocker.connect();
    await blocker.startTransaction();
    await blocker.query(`SELECT id FROM match WHERE id = ANY($1) FOR UPDATE`, [[first[1].id, second[0].id]]);
    const calls = [
      approve(first),
      approve(second, t.tokenFor((await t.factory.user(w.users.coordinator.role, { organizationId: w.orgs.secretariat.id })).id)),
    ];
    await waitUntil(async () => {
      const [{ waiting }] = await t.dataSource.query(
        `SELECT count(*)::int AS waiting FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'`,
      );
      return waiting >= 2;
    }, 'both approvals to wait for a lock');
    await blocker.commitTransaction();
    await blocker.release();

    const results = await Promise.all(calls);
    expect(results.map((r) => r.errors ?? null)).toEqual([null, null]);
    await expectApprovedOnce(all);
  });

  it('approves every match exactly once over 20 rounds of overlapping bulk approvals', async () => {
    const other = t.tokenFor((await t.factory.user(w.users.coordinator.role, { organizationId: w.orgs.secretariat.id })).id);
    for (let round = 0; round < 20; round++) {
      const { first, second, all } = await crossedPair();
      const results = await Promise.all([approve(first), approve(second, other)]);
      expect({ round, errors: results.map(errorCode) }).toEqual({ round, errors: [undefined, undefined] });
      await expectApprovedOnce(all);
    }
  });
});
