import { DataSource } from 'typeorm';
import { TestDataSource, useTestDataSource } from '../../test/support/test-data-source';
import { OrganizationEntity, OrganizationKind } from '../organizations/organization.entity';
import { SearchDocumentsRepository } from './search-documents.repository';
import { SearchIndex } from './search-indexes';

describe('SearchDocumentsRepository (real database)', () => {
  let t: TestDataSource;
  let db: DataSource;
  let sources: SearchDocumentsRepository;
  useTestDataSource((opened) => {
    t = opened;
    db = t.dataSource;
    sources = new SearchDocumentsRepository(db);
  });

  it('feeds the enterprises index with enterprises only, page by page in id order', async () => {
    const f = t.factory;
    const existing = (await db.getRepository(OrganizationEntity).findBy({ kind: OrganizationKind.ENTERPRISE })).map((o) => o.id);
    const [enterprises, needs] = [await sources.count(SearchIndex.Enterprises), await sources.count(SearchIndex.Needs)];
    const added = await Promise.all([1, 2, 3].map(() => f.organization({ kind: OrganizationKind.ENTERPRISE })));
    const agency = await f.organization({ kind: OrganizationKind.AGENCY });
    await f.need(agency.id);
    await f.need(agency.id);
    const ids = [...existing, ...added.map((e) => e.id)].sort();

    expect(await sources.count(SearchIndex.Enterprises)).toBe(enterprises + 3);
    expect(await sources.count(SearchIndex.Needs)).toBe(needs + 2);
    const pages: string[][] = [];
    for (let after = '00000000-0000-0000-0000-000000000000'; ;) {
      const page = await sources.idsAfter(SearchIndex.Enterprises, after, 2);
      if (page.length === 0) break;
      pages.push(page);
      after = page[page.length - 1];
    }
    expect(pages.every((page) => page.length <= 2)).toBe(true);
    expect(pages.flat()).toEqual(ids);
    expect(await sources.idsAfter(SearchIndex.Needs, '00000000-0000-0000-0000-000000000000', 1000)).toHaveLength(needs + 2);
  });

  it('finds the needs and reference projects of the organisations named, and no others', async () => {
    const f = t.factory;
    const agency = await f.organization({ kind: OrganizationKind.AGENCY });
    const otherAgency = await f.organization({ kind: OrganizationKind.AGENCY });
    const enterprise = await f.organization({ kind: OrganizationKind.ENTERPRISE });
    const needs = [await f.need(agency.id), await f.need(agency.id)];
    await f.need(otherAgency.id);
    const project = await f.referenceProject(enterprise.id);

    expect((await sources.idsOwnedBy('need', [agency.id, enterprise.id])).sort()).toEqual(needs.map((n) => n.id).sort());
    expect(await sources.idsOwnedBy('reference_project', [agency.id, enterprise.id])).toEqual([project.id]);
    expect(await sources.idsOwnedBy('need', [])).toEqual([]);
  });

  it("summarises an enterprise's track record: counts, countries, sectors, categories, and titles newest first", async () => {
    const f = t.factory;
    const enterprise = await f.organization({ kind: OrganizationKind.ENTERPRISE });
    const bare = await f.organization({ kind: OrganizationKind.ENTERPRISE });
    await f.referenceProject(enterprise.id, {
      title: 'Old dam',
      countryCode: 'SD',
      year: 2001,
      sectorCode: '14021',
      technologyCategories: ['DAMS'],
    });
    await f.referenceProject(enterprise.id, {
      title: 'New plant',
      countryCode: 'EG',
      year: 2019,
      sectorCode: '14021',
      technologyCategories: ['DESALINATION', 'DAMS'],
    });
    await f.referenceProject(enterprise.id, {
      title: 'Undated stadium',
      countryCode: null,
      year: null,
      sectorCode: null,
      technologyCategories: [],
    });

    const [summary, ...others] = await sources.projectSummaries([enterprise.id, bare.id]);
    expect(others).toEqual([]);
    expect(summary).toMatchObject({
      organization_id: enterprise.id,
      project_count: 3,
      water_count: 1 + 1,
      titles: ['New plant', 'Old dam', 'Undated stadium'],
    });
    expect([...summary.countries].sort()).toEqual(['EG', 'SD']);
    expect(summary.sectors).toEqual(['14021']);
    expect([...summary.categories].sort()).toEqual(['DAMS', 'DESALINATION']);
  });

  it('keeps the 30 newest titles of a long track record', async () => {
    const enterprise = await t.factory.organization({ kind: OrganizationKind.ENTERPRISE });
    for (let year = 1980; year < 2020; year++) await t.factory.referenceProject(enterprise.id, { title: `Plant of ${year}`, year });
    const [summary] = await sources.projectSummaries([enterprise.id]);
    expect(summary.project_count).toBe(40);
    expect(summary.titles).toHaveLength(30);
    expect(summary.titles[0]).toBe('Plant of 2019');
    expect(summary.titles[29]).toBe('Plant of 1990');
  });

  it("reads the database's clock", async () => {
    const now = await sources.now();
    expect(now).toBeInstanceOf(Date);
    expect(Math.abs(now.getTime() - Date.now())).toBeLessThan(60_000);
  });
});
