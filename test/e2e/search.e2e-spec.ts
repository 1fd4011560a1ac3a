import { NeedStatus } from '../../src/needs/need-status';
import { OrganizationKind } from '../../src/organizations/organization.entity';
import { errorCode, TestApp } from '../support/test-app';
import { useWorld, World } from '../support/world';

type SearchResult = {
  edges: Array<{
    node: { id: string; title?: string; nameEn?: string };
    score: number | null;
    highlights: { title: string | null; snippet: string | null };
  }>;
  totalCount: number;
  facets: Array<{ field: string; values: Array<{ value: string; count: number }> }>;
  pageInfo: { hasNextPage: boolean; endCursor: string };
};

describe('search', () => {
  let t: TestApp;
  let w: World;
  useWorld((app, world) => ((t = app), (w = world)), { WORKERS_ENABLED: 'true' });

  const needs = async (args: string, token?: string) => {
    const res = await t.gql<{ searchNeeds: SearchResult }>(
      `{ searchNeeds(${args}) { totalCount edges { node { id title } score highlights { title snippet } } facets { field values { value count } } pageInfo { hasNextPage endCursor } } }`,
      {},
      token,
    );
    expect(res.errors).toBeUndefined();
    return res.data!.searchNeeds;
  };
  const enterprises = async (args: string, token?: string) => {
    const res = await t.gql<{ searchEnterprises: SearchResult }>(
      `{ searchEnterprises(${args}) { totalCount edges { node { id nameEn } score highlights { title snippet } } facets { field values { value count } } } }`,
      {},
      token,
    );
    expect(res.errors).toBeUndefined();
    return res.data!.searchEnterprises;
  };
  const titles = (r: SearchResult) => r.edges.map((e) => e.node.title ?? e.node.nameEn);

  beforeAll(async () => {
    const f = t.factory;
    await f.need(w.orgs.agencyOrg.id, {
      title: 'Seawater reverse osmosis plant for Jaffna',
      description: 'A 10,000 m³/day SWRO desalination plant with intake and brine outfall.',
      countryCode: 'LK',
      sectorCode: '14021',
      sdgTargets: ['6.1', '6.4'],
      technologyCategories: ['DESALINATION', 'MEMBRANE_TECHNOLOGY'],
      budgetMin: 8e6,
      budgetMax: 12e6,
      currency: 'USD',
    });
    await f.need(w.orgs.otherAgencyOrg.id, {
      title: '内罗毕污水处理厂扩建',
      description: '扩建城市污水处理厂，日处理能力五万立方米，包括污泥处理。',
      countryCode: 'KE',
      sectorCode: '14022',
      sdgTargets: ['6.3'],
      technologyCategories: ['WASTEWATER_TREATMENT'],
      budgetMin: 3e7,
      budgetMax: 4e7,
      currency: 'USD',
    });
    await f.need(w.orgs.otherAgencyOrg.id, {
      title: 'Boreholes with solar pumps for Turkana villages',
      description: 'Drill 40 boreholes and fit solar-powered pumps.',
      countryCode: 'KE',
      sectorCode: '14031',
      sdgTargets: ['6.1'],
      technologyCategories: ['GROUNDWATER_WELLS'],
    });
    await f.need(w.orgs.agencyOrg.id, {
      title: 'Secret draft: desalination for Mannar',
      description: 'Not published yet.',
      countryCode: 'LK',
      sectorCode: '14021',
      technologyCategories: ['DESALINATION'],
      status: NeedStatus.DRAFT,
      publishedAt: null,
    });
    // Two needs whose labels say nothing of their technology: only the glossary links the languages.
    await f.need(w.orgs.agencyOrg.id, {
      title: 'Units for Puttalam schools',
      description: 'Containerised reverse osmosis units for twelve schools.',
      countryCode: 'LK',
      sectorCode: '14030',
      sdgTargets: [],
      technologyCategories: [],
    });
    await f.need(w.orgs.otherAgencyOrg.id, {
      title: '蒙巴萨泵站',
      description: '新建污水泵站和压力管道。',
      countryCode: 'KE',
      sectorCode: '14030',
      sdgTargets: [],
      technologyCategories: [],
    });
    const membranes = await f.organization({ kind: OrganizationKind.ENTERPRISE, nameEn: 'Jade Membrane Technology', nameZh: '翡翠膜科技' });
    await f.capability(membranes.id, {
      technologyCategory: 'DESALINATION',
      description: '海水淡化反渗透膜组件与成套设备',
      countriesServed: ['LK', 'MV'],
    });
    await f.referenceProject(membranes.id, {
      title: 'Malé desalination plant expansion',
      countryCode: 'MV',
      year: 2019,
      sectorCode: '14021',
      technologyCategories: ['DESALINATION'],
    });
    await f.organization({
      kind: OrganizationKind.ENTERPRISE,
      nameEn: 'Hidden Pumps (unverified)',
      verificationStatus: 'PENDING' as never,
      description: 'Desalination pumps',
    });
    await t.indexEverything();
  });

  it('finds needs by free text, best match first, with highlights and a score', async () => {
    const result = await needs('query: "reverse osmosis desalination", first: 10');
    expect(titles(result)[0]).toBe('Seawater reverse osmosis plant for Jaffna');
    expect(result.edges[0].highlights.title).toContain('<mark>');
    expect(result.edges[0].score).toBeGreaterThan(0);
  });

  it('never shows a draft to another organisation or to anonymous callers, but shows it to its agency and coordinators', async () => {
    const draft = 'Secret draft: desalination for Mannar';
    expect(titles(await needs('query: "desalination", first: 20'))).not.toContain(draft);
    expect(titles(await needs('query: "desalination", first: 20', w.token('enterprise')))).not.toContain(draft);
    expect(titles(await needs('query: "Mannar", first: 20', w.token('otherAgency')))).toEqual([]);
    expect(titles(await needs('query: "desalination", first: 20, status: DRAFT', w.token('enterprise')))).toEqual([]);
    expect(titles(await needs('query: "desalination", first: 20', w.token('agency')))).toContain(draft);
    expect(titles(await needs('query: "desalination", first: 20', w.token('coordinator')))).toContain(draft);
  });

  it('links English and Chinese through the water glossary', async () => {
    // Chinese query, English document.
    expect(titles(await needs('query: "反渗透", first: 10'))).toContain('Units for Puttalam schools');
    expect(titles(await needs('query: "海水淡化", first: 10'))).toContain('Seawater reverse osmosis plant for Jaffna');
    // English query, Chinese document.
    expect(titles(await needs('query: "sewage", first: 10'))).toContain('蒙巴萨泵站');
    expect(titles(await needs('query: "pumping station", first: 10'))).toContain('蒙巴萨泵站');
    expect(titles(await needs('query: "wastewater treatment plant", first: 10'))).toContain('内罗毕污水处理厂扩建');
    // An enterprise described only in Chinese, found in English.
    expect(titles(await enterprises('query: "desalination", first: 10'))).toContain('Jade Membrane Technology');
  });

  it('filters by country, region, sector, SDG target, category and budget, and counts facets', async () => {
    expect(titles(await needs('countryCode: "KE", first: 10')).sort()).toEqual([
      'Boreholes with solar pumps for Turkana villages',
      '内罗毕污水处理厂扩建',
      '蒙巴萨泵站',
    ]);
    expect(titles(await needs('region: "Africa", sdgTarget: "6.1", first: 10'))).toEqual([
      'Boreholes with solar pumps for Turkana villages',
    ]);
    expect(titles(await needs('technologyCategory: "MEMBRANE_TECHNOLOGY", first: 10'))).toEqual([
      'Seawater reverse osmosis plant for Jaffna',
    ]);
    expect(titles(await needs('budgetMin: 20000000, first: 10'))).toEqual(['内罗毕污水处理厂扩建']);
    expect(titles(await needs('budgetMax: 9000000, first: 10'))).toEqual(['Seawater reverse osmosis plant for Jaffna']);
    const all = await needs('first: 10');
    const country = all.facets.find((f) => f.field === 'countryCode');
    expect(country?.values).toEqual(
      expect.arrayContaining([
        { value: 'KE', count: 3 },
        { value: 'LK', count: 3 },
      ]),
    );
    // The open need of the world plus the five published here; the draft is not counted for anonymous callers.
    expect(all.totalCount).toBe(6);
  });

  it('pages with cursors', async () => {
    const first = await needs('first: 2');
    expect(first.edges).toHaveLength(2);
    expect(first.pageInfo.hasNextPage).toBe(true);
    const second = await needs(`first: 4, after: "${first.pageInfo.endCursor}"`);
    expect(second.edges).toHaveLength(4);
    expect(second.pageInfo.hasNextPage).toBe(false);
    expect(new Set([...titles(first), ...titles(second)]).size).toBe(6);
  });

  it('shows verified enterprises only, filtered by country served and category', async () => {
    const found = await enterprises('query: "desalination", first: 10');
    expect(titles(found)).not.toContain('Hidden Pumps (unverified)');
    expect(titles(await enterprises('countryCode: "MV", technologyCategory: "DESALINATION", first: 10'))).toEqual([
      'Jade Membrane Technology',
    ]);
    expect(titles(await enterprises('query: "desalination", first: 10', w.token('coordinator')))).toContain('Hidden Pumps (unverified)');
  });

  it('follows writes: a published need becomes searchable, a withdrawn one disappears', async () => {
    const created = await t.gql<{ createNeed: { id: string } }>(
      'mutation { createNeed(input: { title: "Flood early warning for Ratnapura", description: "Telemetry gauges on the Kalu Ganga.", countryCode: "LK", sectorCode: "41050" }) { id } }',
      {},
      w.token('agency'),
    );
    const id = created.data!.createNeed.id;
    await t.gql('mutation($id: ID!) { publishNeed(id: $id) { id } }', { id }, w.token('agency'));
    await t.searchSynced();
    expect(titles(await needs('query: "Ratnapura", first: 5'))).toEqual(['Flood early warning for Ratnapura']);
    await t.gql('mutation($id: ID!) { withdrawNeed(id: $id) { id } }', { id }, w.token('agency'));
    await t.searchSynced();
    expect(titles(await needs('query: "Ratnapura", first: 5'))).toEqual([]);
  });

  it('refuses a cursor it did not make', async () => {
    expect(errorCode(await t.gql('{ searchNeeds(first: 2, after: "Zm9v") { totalCount } }'))).toBe('BAD_USER_INPUT');
  });
});
