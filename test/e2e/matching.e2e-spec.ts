import { OrganizationKind } from '../../src/organizations/organization.entity';
import { Language, Role } from '../../src/access/actor';
import { errorCode, TestApp } from '../support/test-app';
import { useWorld, World } from '../support/world';

interface Candidate {
  rank: number;
  score: number;
  enterprise: { nameEn: string };
  explanation: {
    summary: string;
    tradeFit: { value: number; detail: string };
    factors: Array<{ key: string; label: string; value: number; weight: number; contribution: number; detail: string }>;
    evidence: Array<{ referenceProject: { title: string; year: number; country: { code: string } }; reasons: string[] }>;
  };
}

const CANDIDATE_FIELDS =
  'rank score enterprise { nameEn } explanation { summary tradeFit { value detail } factors { key label value weight contribution detail } evidence { referenceProject { title year country { code } } reasons } }';

describe('matching', () => {
  let t: TestApp;
  let w: World;
  let needId: string;
  let nileId: string;
  useWorld((app, world) => ((t = app), (w = world)), { WORKERS_ENABLED: 'true' });

  beforeAll(async () => {
    const f = t.factory;
    const nile = await f.organization({ kind: OrganizationKind.ENTERPRISE, nameEn: 'Nile Water Works', parentGroup: 'RIVERS GROUP' });
    nileId = nile.id;
    await f.referenceProject(nile.id, {
      title: 'Wad Medani water treatment plant',
      description: 'Construction of a 100,000 m³/day drinking water treatment plant and transmission pipeline.',
      countryCode: 'SD',
      year: 2010,
      sectorCode: '14021',
      technologyCategories: ['DRINKING_WATER_TREATMENT'],
    });
    await f.referenceProject(nile.id, {
      title: 'Kassala water supply',
      description: 'Water treatment plant and distribution network.',
      countryCode: 'SD',
      year: 2013,
      sectorCode: '14021',
      technologyCategories: ['WATER_SUPPLY_NETWORKS'],
    });
    const roads = await f.organization({ kind: OrganizationKind.ENTERPRISE, nameEn: 'Great Wall Roads' });
    await f.referenceProject(roads.id, {
      title: 'Khartoum ring road',
      description: 'Construction of a 40 km highway with bridges.',
      countryCode: 'SD',
      year: 2011,
      sectorCode: null,
      sourceSector: 'TRANSPORT AND STORAGE',
    });
    const far = await f.organization({ kind: OrganizationKind.ENTERPRISE, nameEn: 'Mekong Hydraulics', parentGroup: 'RIVERS GROUP' });
    await f.referenceProject(far.id, {
      title: 'Vientiane water treatment plant',
      description: 'A drinking water treatment plant of 60,000 m³/day.',
      countryCode: 'LA',
      year: 2012,
      sectorCode: '14021',
      technologyCategories: ['DRINKING_WATER_TREATMENT'],
    });
    // A newcomer: no reference project yet, only what it declares.
    const newcomer = await f.organization({ kind: OrganizationKind.ENTERPRISE, nameEn: 'Sahel Purification Newco' });
    await f.capability(newcomer.id, {
      technologyCategory: 'DRINKING_WATER_TREATMENT',
      description: 'Packaged drinking water treatment plants.',
    });
    const need = await f.need(w.orgs.agencyOrg.id, {
      title: 'Gedaref water treatment plant',
      description: 'A new drinking water treatment plant and pipeline for Gedaref town.',
      countryCode: 'SD',
      sectorCode: '14021',
      technologyCategories: ['DRINKING_WATER_TREATMENT'],
      cooperationModes: ['EPC'],
      publishedAt: new Date('2012-06-01'),
    });
    needId = need.id;
    await t.indexEverything();
  });

  const candidates = async (token = w.token('coordinator'), language?: Language) => {
    const res = await t.gql<{ matchCandidates: Candidate[] }>(
      `query($id: ID!, $language: Language) { matchCandidates(needId: $id, first: 10, language: $language) { ${CANDIDATE_FIELDS} } }`,
      { id: needId, language },
      token,
    );
    expect(res.errors).toBeUndefined();
    return res.data!.matchCandidates;
  };

  it('ranks the enterprise with similar work in the country first, and explains why', async () => {
    const ranked = await candidates();
    // The world's own enterprise also has a water treatment plant in Sudan (test/support/factory.ts).
    expect(ranked[0].enterprise.nameEn).toBe('Nile Water Works');
    expect(ranked.map((c) => c.enterprise.nameEn).sort()).toEqual([
      'Blue River Water Engineering',
      'Great Wall Roads',
      'Mekong Hydraulics',
      'Nile Water Works',
      'Sahel Purification Newco',
    ]);
    expect(ranked.map((c) => c.rank)).toEqual([1, 2, 3, 4, 5]);
    const [best] = ranked;
    expect(best.explanation.summary).toMatch(/^Ranked 1 of 5/);
    const country = best.explanation.factors.find((f) => f.key === 'countryExperience');
    expect(country?.detail).toBe('2 projects in Sudan');
    expect(best.explanation.evidence[0]).toMatchObject({
      referenceProject: { title: 'Wad Medani water treatment plant', year: 2010, country: { code: 'SD' } },
    });
    expect(best.explanation.evidence[0].reasons).toContain('same country (Sudan)');
  });

  it('lists a further member of a group a few places later, and says why', async () => {
    const ranked = await candidates();
    const mekong = ranked.find((c) => c.enterprise.nameEn === 'Mekong Hydraulics')!;
    expect(mekong.explanation.summary).toMatch(/; listed after Nile Water Works, of the same group \(RIVERS GROUP\)\.$/);
    // Its own score would have placed it right after Nile Water Works.
    const byScore = [...ranked].sort((a, b) => b.score - a.score).map((c) => c.enterprise.nameEn);
    expect(byScore.indexOf('Mekong Hydraulics')).toBeLessThan(ranked.indexOf(mekong));
  });

  it('finds an enterprise without a track record by the capabilities it declares', async () => {
    const newcomer = (await candidates()).find((c) => c.enterprise.nameEn === 'Sahel Purification Newco')!;
    const fit = newcomer.explanation.factors.find((f) => f.key === 'capabilityFit')!;
    expect(fit).toMatchObject({ value: 1, detail: "declares 1 of the need's 1 technologies (DRINKING_WATER_TREATMENT)" });
    expect(fit.contribution).toBeGreaterThan(0);
  });

  it('explains in Chinese when asked, with the same ranking, scores and contributions', async () => {
    const [english, chinese] = [await candidates(), await candidates(w.token('coordinator'), Language.ZH)];
    expect(chinese.map((c) => [c.enterprise.nameEn, c.score])).toEqual(english.map((c) => [c.enterprise.nameEn, c.score]));
    expect(chinese.map((c) => c.explanation.factors.map((f) => [f.key, f.contribution]))).toEqual(
      english.map((c) => c.explanation.factors.map((f) => [f.key, f.contribution])),
    );
    const [best] = chinese;
    expect(best.explanation.summary).toMatch(/^在 5 个候选中排名第 1，得分 \d\.\d{3}：/);
    const country = best.explanation.factors.find((f) => f.key === 'countryExperience')!;
    expect(country).toMatchObject({ label: '在需求所在国有项目', detail: '在苏丹有 2 个项目' });
    expect(best.explanation.evidence[0].reasons).toContain('同一国家（苏丹）');
    expect(chinese[0].explanation.tradeFit.detail).toBe('没有不从事工程建设行业的项目');
    const mekong = chinese.find((c) => c.enterprise.nameEn === 'Mekong Hydraulics')!;
    expect(mekong.explanation.summary).toMatch(/；排在同一集团（RIVERS GROUP）的 Nile Water Works 之后。$/);
    // No Latin words left in a Chinese explanation, beyond names and codes.
    for (const c of chinese)
      for (const f of c.explanation.factors) expect(`${f.label} ${f.detail}`.replace(/[A-Z][A-Z_]+|Sudan/g, '')).not.toMatch(/[a-z]{3,}/);
  });

  it('explains opportunities in the language of the member’s account, unless asked otherwise', async () => {
    const member = await t.factory.user(Role.ENTERPRISE_MEMBER, { organizationId: nileId, preferredLanguage: Language.ZH });
    const ask = (language?: Language) =>
      t.gql<{ opportunities: Array<{ need: { title: string }; explanation: { summary: string } }> }>(
        'query($id: ID!, $language: Language) { opportunities(organizationId: $id, first: 5, language: $language) { need { title } explanation { summary } } }',
        { id: nileId, language },
        t.tokenFor(member.id),
      );
    expect((await ask()).data!.opportunities[0].explanation.summary).toMatch(/^在 \d+ 个候选中排名第 1，/);
    expect((await ask(Language.EN)).data!.opportunities[0].explanation.summary).toMatch(/^Ranked 1 of \d+/);
    expect((await candidates()).every((c) => c.explanation.summary.startsWith('Ranked'))).toBe(true);
  });

  it('says so, of every candidate, when no candidate has done the kind of work a need asks for', async () => {
    const lunar = await t.factory.need(w.orgs.agencyOrg.id, {
      title: 'Lunar regolith ice extraction for a polar research station',
      description: 'Thermal mining of regolith ice, sublimation capture and cryogenic storage.',
      countryCode: 'SD',
      sectorCode: '14081',
      technologyCategories: ['WATER_QUALITY_MONITORING'],
      publishedAt: new Date('2012-06-01'),
    });
    const ask = (needId: string, language?: Language) =>
      t.gql<{ matchCandidates: Array<{ score: number; explanation: { caveat: string | null; summary: string } }> }>(
        'query($id: ID!, $language: Language) { matchCandidates(needId: $id, first: 10, language: $language) { score explanation { caveat summary } } }',
        { id: needId, language },
        w.token('coordinator'),
      );
    const weak = (await ask(lunar.id)).data!.matchCandidates;
    expect(weak.length).toBeGreaterThan(0);
    for (const c of weak) {
      expect(c.explanation.caveat).toMatch(/^No candidate has done this kind of work: none has a reference project in the need’s sector/);
      // Said once per candidate, beside its summary, not in it (a page shows it once above the candidates).
      expect(c.explanation.summary).not.toContain('No candidate has done');
    }
    // Scores mean the same across needs: a weak field scores low, not 100% of its own best.
    expect(weak[0].score).toBeLessThan((await candidates())[0].score);
    expect((await ask(lunar.id, Language.ZH)).data!.matchCandidates[0].explanation.caveat).toMatch(/^没有候选企业做过此类工作：/);
    // A need its field has done: no caveat.
    expect((await ask(needId)).data!.matchCandidates.every((c) => c.explanation.caveat === null)).toBe(true);
  });

  it('makes every candidate’s contributions add up to its score', async () => {
    for (const candidate of await candidates()) {
      // No imported sectors here: every candidate is a builder, and its contributions are value × weight.
      expect(candidate.explanation.tradeFit).toEqual({ value: 1, detail: 'no project in trades that build nothing' });
      const sum = candidate.explanation.factors.reduce((s, f) => s + f.contribution, 0);
      expect(candidate.score).toBeCloseTo(sum, 6);
      expect(candidate.explanation.factors.reduce((s, f) => s + f.weight, 0)).toBeCloseTo(1, 3);
    }
  });

  it('shows candidates only to the secretariat', async () => {
    expect(errorCode(await t.gql('query($id: ID!) { matchCandidates(needId: $id) { rank } }', { id: needId }, w.token('agency')))).toBe(
      'FORBIDDEN',
    );
    expect(errorCode(await t.gql('query($id: ID!) { matchCandidates(needId: $id) { rank } }', { id: needId }, w.token('enterprise')))).toBe(
      'FORBIDDEN',
    );
    expect(errorCode(await t.gql('query($id: ID!) { matchCandidates(needId: $id) { rank } }', { id: needId }))).toBe('UNAUTHENTICATED');
  });

  it('ranks open needs for an enterprise, for its own members and the secretariat only', async () => {
    const res = await t.gql<{
      opportunities: Array<{
        rank: number;
        score: number;
        need: { title: string };
        explanation: { factors: Array<{ contribution: number }> };
      }>;
    }>(
      'query($id: ID!) { opportunities(organizationId: $id, first: 5) { rank score need { title } explanation { factors { contribution } } } }',
      { id: nileId },
      w.token('coordinator'),
    );
    expect(res.errors).toBeUndefined();
    expect(res.data!.opportunities[0].need.title).toBe('Gedaref water treatment plant');
    expect(res.data!.opportunities[0].score).toBeCloseTo(
      res.data!.opportunities[0].explanation.factors.reduce((s, f) => s + f.contribution, 0),
      6,
    );
    expect(
      errorCode(await t.gql('query($id: ID!) { opportunities(organizationId: $id) { rank } }', { id: nileId }, w.token('enterprise'))),
    ).toBe('FORBIDDEN');
  });

  it('refuses a need it cannot see and a bad page size', async () => {
    expect(
      errorCode(await t.gql('{ matchCandidates(needId: "8d1b0c1e-8f7e-4d2a-9d55-6c1f6f2f4a10") { rank } }', {}, w.token('coordinator'))),
    ).toBe('NOT_FOUND');
    expect(
      errorCode(
        await t.gql('query($id: ID!) { matchCandidates(needId: $id, first: 500) { rank } }', { id: needId }, w.token('coordinator')),
      ),
    ).toBe('BAD_USER_INPUT');
  });
});
