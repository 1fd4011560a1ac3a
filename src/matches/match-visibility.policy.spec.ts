import { readersOfEveryRole } from '../../test/support/readers';
import { startTestApp, TestApp } from '../../test/support/test-app';
import { Actor } from '../access/actor';
import { NeedEntity } from '../needs/need.entity';
import { MatchEntity } from './match.entity';
import { MatchOrigin, MatchStatus } from './match-status';
import { MatchVisibility } from './match-visibility.policy';

/**
 * The two forms of the rule (SQL, in-memory check) name the same matches for every reader. Matches are in no search
 * index: there is no Meilisearch form to compare.
 */
describe('MatchVisibility (real PostgreSQL)', () => {
  let t: TestApp;
  let matches: Array<MatchEntity & { need: NeedEntity }>;
  const readers: Record<string, Actor | null> = {};

  beforeAll(async () => {
    t = await startTestApp();
    const f = t.factory;
    const { orgs, readers: everyRole } = await readersOfEveryRole(f);
    const { agency, matchedEnterprise } = orgs;
    // A match of the matched enterprise with the agency's needs in every status, from either origin, with and without
    // an introduction on record (a match closed after its introduction keeps introducedAt).
    matches = [];
    for (const status of Object.values(MatchStatus)) {
      for (const origin of Object.values(MatchOrigin)) {
        for (const introducedAt of [null, new Date('2026-01-05T10:00:00Z')]) {
          const need = await f.need(agency.id);
          const match = await f.match(need.id, matchedEnterprise.id, {
            status,
            origin,
            introducedAt,
            reason: `${status} ${origin} ${introducedAt ? 'introduced' : 'not introduced'}`,
          });
          matches.push({ ...match, need });
        }
      }
    }
    Object.assign(readers, everyRole);
  });
  afterAll(() => t.close());

  const bySql = async (reader: Actor | null) => {
    const visible = MatchVisibility.sql(reader, { match: 'm', need: 'need' });
    const rows = await t.dataSource
      .getRepository(MatchEntity)
      .createQueryBuilder('m')
      .innerJoin('m.need', 'need')
      .select('m.id')
      .where(visible.where, visible.parameters)
      .getMany();
    return rows.map((m) => m.id).sort();
  };
  const byCheck = (reader: Actor | null) =>
    matches
      .filter((m) => MatchVisibility.canSee(reader, m))
      .map((m) => m.id)
      .sort();
  /** What the reader sees, as "STATUS ORIGIN (not) introduced" labels. */
  const labels = (ids: string[]) =>
    matches
      .filter((m) => ids.includes(m.id))
      .map((m) => m.reason as string)
      .sort();

  it('the SQL condition and the check agree for every reader and every status', async () => {
    expect(matches).toHaveLength(Object.values(MatchStatus).length * 4);
    for (const [name, reader] of Object.entries(readers)) {
      expect({ name, ids: await bySql(reader) }).toEqual({ name, ids: byCheck(reader) });
    }
  });

  it('shows a match to its sides once introduced, to the enterprise its own interest, to the staff always, to nobody else', async () => {
    const all = matches.map((m) => m.reason as string);
    const introduced = ['INTRODUCED', 'DECLINED', 'ENGAGED', 'OUTCOME_RECORDED', 'EXPIRED'];
    const seenBySides = all.filter((label) => {
      const [status, , introducedAt] = label.split(' ');
      return introducedAt === 'introduced' || introduced.includes(status);
    });
    const expected: Record<string, string[]> = {
      anonymous: [],
      'agency member of the owning agency': seenBySides,
      'agency member of another agency': [],
      'enterprise member': [],
      'enterprise member of the matched enterprise': [...new Set([...seenBySides, ...all.filter((label) => label.includes(' INTEREST '))])],
      coordinator: all,
      admin: all,
    };
    expect(seenBySides).toHaveLength(30);
    for (const [name, reader] of Object.entries(readers)) {
      expect({ name, labels: labels(await bySql(reader)) }).toEqual({ name, labels: [...expected[name]].sort() });
    }
  });
});
