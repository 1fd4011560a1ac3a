import { DataSource } from 'typeorm';
import { TestDataSource, useTestDataSource } from '../../test/support/test-data-source';
import { OrganizationEntity, OrganizationKind, VerificationStatus } from '../organizations/organization.entity';
import { TrackRecordRepository } from './track-record.repository';

const FIRST = '00000000-0000-0000-0000-000000000000';

describe('TrackRecordRepository (real database)', () => {
  let t: TestDataSource;
  let db: DataSource;
  let records: TrackRecordRepository;
  let verified: OrganizationEntity;
  let pending: OrganizationEntity;
  let agency: OrganizationEntity;
  useTestDataSource(async (opened) => {
    t = opened;
    db = t.dataSource;
    records = new TrackRecordRepository(db);
    const f = t.factory;
    verified = await f.organization({ kind: OrganizationKind.ENTERPRISE, nameEn: 'Verified Water Works', parentGroup: 'BLUE GROUP' });
    pending = await f.organization({ kind: OrganizationKind.ENTERPRISE, verificationStatus: VerificationStatus.PENDING });
    agency = await f.organization({ kind: OrganizationKind.AGENCY });
    for (const title of ['Dam one', 'Dam two', 'Dam three'])
      await f.referenceProject(verified.id, { title, value: 1250000.5, currency: 'USD', sourceSector: 'WATER SUPPLY AND SANITATION' });
    await f.referenceProject(pending.id, { title: 'Pending project' });
    await f.referenceProject(agency.id, { title: 'Agency project' });
    await f.capability(verified.id, { technologyCategory: 'DAMS', cooperationModes: ['EPC', 'FINANCING'] });
    await f.capability(verified.id, { technologyCategory: 'DAMS', cooperationModes: ['EPC'] });
    await f.capability(verified.id, { technologyCategory: 'HYDROPOWER', cooperationModes: [] });
    await f.capability(pending.id, { technologyCategory: 'DAMS' });
  });

  it("reads verified enterprises' projects only, page by page in id order, all or for the enterprises named", async () => {
    const first = await records.projectsAfter(FIRST, 2);
    const rest = await records.projectsAfter(first[1].id, 2);
    const all = [...first, ...rest];
    expect(first).toHaveLength(2);
    expect(all.map((r) => r.title).sort()).toEqual(['Dam one', 'Dam three', 'Dam two']);
    expect(all.map((r) => r.id)).toEqual(all.map((r) => r.id).sort());
    expect(all[0]).toMatchObject({
      organization_id: verified.id,
      organization_name: 'Verified Water Works',
      parent_group: 'BLUE GROUP',
      description: 'A 100,000 m³/day plant.',
      country_code: 'SD',
      year: 2015,
      sector_code: '14021',
      source_sector: 'WATER SUPPLY AND SANITATION',
      technology_categories: [],
      role: 'EPC_CONTRACTOR',
      value: '1250000.50',
      currency: 'USD',
    });
    expect(await records.projectsAfter(FIRST, 10, [verified.id])).toHaveLength(3);
    expect(await records.projectsAfter(FIRST, 10, [pending.id, agency.id])).toEqual([]);
  });

  it("folds a verified enterprise's capabilities into one row of distinct categories and modes", async () => {
    const rows = await records.capabilities();
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ organization_id: verified.id, organization_name: 'Verified Water Works', parent_group: 'BLUE GROUP' });
    expect([...rows[0].categories].sort()).toEqual(['DAMS', 'HYDROPOWER']);
    expect([...rows[0].modes].sort()).toEqual(['EPC', 'FINANCING']);
    expect(await records.capabilities([pending.id])).toEqual([]);
    expect(await records.capabilities([verified.id])).toHaveLength(1);
  });

  it('gives each verified enterprise a signature that moves when its projects or capabilities change', async () => {
    const before = await records.signatures();
    expect([...before.keys()]).toEqual([verified.id]);
    const project = await t.factory.referenceProject(verified.id, { title: 'Dam four' });
    const added = await records.signatures();
    expect(added.get(verified.id)).not.toBe(before.get(verified.id));
    await db.query('DELETE FROM reference_project WHERE id = $1', [project.id]);
    const removed = await records.signatures();
    expect(removed.get(verified.id)).not.toBe(added.get(verified.id));
    await t.factory.capability(verified.id, { technologyCategory: 'IRRIGATION' });
    expect((await records.signatures()).get(verified.id)).not.toBe(removed.get(verified.id));
  });

  it('has a fingerprint that moves once PostgreSQL has counted a change to a table it reads', async () => {
    const before = await records.fingerprint();
    expect(before).toMatch(/^capability:\d+\/organization:\d+\/reference_project:\d+$/);
    await t.factory.referenceProject(verified.id, { title: 'Dam five' });
    // The statistics counters reach pg_stat_user_tables within about a second of the commit.
    const deadline = Date.now() + 10_000;
    let after = before;
    while (after === before && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 200));
      after = await records.fingerprint();
    }
    expect(after).not.toBe(before);
  });
});
