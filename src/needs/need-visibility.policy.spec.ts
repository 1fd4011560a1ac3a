import { idsFiltered, idsWhere, readersOfEveryRole } from '../../test/support/readers';
import { startTestApp, TestApp } from '../../test/support/test-app';
import { Actor } from '../access/actor';
import { NeedEntity } from './need.entity';
import { NeedStatus } from './need-status';
import { NeedVisibility } from './need-visibility.policy';

/** The three forms of the rule (SQL, Meilisearch filter, in-memory check) name the same needs for every reader. */
describe('NeedVisibility (real PostgreSQL and Meilisearch)', () => {
  let t: TestApp;
  let needs: NeedEntity[];
  const readers: Record<string, Actor | null> = {};

  beforeAll(async () => {
    t = await startTestApp();
    const f = t.factory;
    const { orgs, readers: everyRole } = await readersOfEveryRole(f);
    const { agency, otherAgency, matchedEnterprise } = orgs;
    // A need of every status for each agency, so each agency has drafts and withdrawn needs the other must not see.
    needs = [];
    for (const owner of [agency, otherAgency]) {
      for (const status of Object.values(NeedStatus))
        needs.push(await f.need(owner.id, { status, title: `${status} need of ${owner.countryCode}` }));
    }
    await f.match(needs.find((n) => n.organizationId === agency.id && n.status === NeedStatus.MATCHED)!.id, matchedEnterprise.id);
    Object.assign(readers, everyRole);
    await t.indexEverything();
  });
  afterAll(() => t.close());

  const bySql = (reader: Actor | null) => idsWhere(t, NeedEntity, 'n', NeedVisibility.sql(reader, 'n'));
  const bySearch = (reader: Actor | null) => idsFiltered(t, 'needs', NeedVisibility.searchFilter(reader));
  const byCheck = (reader: Actor | null) =>
    needs
      .filter((n) => NeedVisibility.canSee(reader, n))
      .map((n) => n.id)
      .sort();
  /** What the reader sees, as "STATUS need of COUNTRY" titles. */
  const titles = (ids: string[]) =>
    needs
      .filter((n) => ids.includes(n.id))
      .map((n) => n.title)
      .sort();

  it('the SQL condition, the search filter and the check agree for every reader and every status', async () => {
    expect(needs).toHaveLength(2 * Object.values(NeedStatus).length);
    for (const [name, reader] of Object.entries(readers)) {
      const expected = byCheck(reader);
      expect({ name, ids: await bySql(reader) }).toEqual({ name, ids: expected });
      expect({ name, ids: await bySearch(reader) }).toEqual({ name, ids: expected });
    }
  });

  it('shows published needs to everyone, drafts and withdrawn needs only to their agency and the staff', async () => {
    const published = ['OPEN', 'IN_REVIEW', 'MATCHED', 'CLOSED'].flatMap((s) => [`${s} need of LK`, `${s} need of KE`]);
    const expected: Record<string, string[]> = {
      anonymous: published,
      'agency member of the owning agency': [...published, 'DRAFT need of LK', 'WITHDRAWN need of LK'],
      'agency member of another agency': [...published, 'DRAFT need of KE', 'WITHDRAWN need of KE'],
      'enterprise member': published,
      'enterprise member of the matched enterprise': published,
      coordinator: needs.map((n) => n.title),
      admin: needs.map((n) => n.title),
    };
    for (const [name, reader] of Object.entries(readers)) {
      expect({ name, titles: titles(await bySql(reader)) }).toEqual({ name, titles: [...expected[name]].sort() });
    }
  });
});
