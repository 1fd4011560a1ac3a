import { Language } from '../access/actor';
import { EXPLANATION_TEXTS, hasReason } from './explanation-texts';
import { DEFAULT_WEIGHTS, FACTOR_KEYS, parseMatchWeights } from './match-factors';
import { citeEvidence, firstBy, NeedProfile, scorePair, spreadGroups, summarise } from './match-scoring';
import { distinctiveTerms, terms } from './text-terms';
import { summariseRecord, TrackRecord } from './track-record-index.service';

const need: NeedProfile = {
  countryCode: 'SD',
  countryName: 'Sudan',
  countryNameZh: '苏丹',
  region: 'Africa',
  year: 2012,
  sectorCode: '14021',
  technologyCategories: ['DRINKING_WATER_TREATMENT'],
  cooperationModes: ['EPC', 'TECHNICAL_TRAINING'],
  budgetMax: 30e6,
  currency: 'USD',
  financier: null,
  financingInstrument: null,
};

const record = (partial: Array<Partial<TrackRecord['projects'][number]>>, modes: string[] = [], declared: string[] = []): TrackRecord => {
  const projects = partial.map((p, i) => ({
    id: `p${i}`,
    title: `Project ${i}`,
    countryCode: null,
    region: null,
    year: null,
    sectorCode: null,
    sourceSector: null,
    technologyCategories: [],
    role: 'EPC_CONTRACTOR',
    value: null,
    currency: null,
    financier: null,
    financingInstrument: null,
    ...p,
  }));
  return {
    organizationId: 'org',
    name: 'Org',
    parentGroup: null,
    projects,
    summary: summariseRecord(projects),
    cooperationModes: new Set(modes),
    declaredModes: new Set(modes),
    declaredCategories: new Set(declared),
    termIds: new Int32Array(),
    termCounts: new Float32Array(),
    termProjects: new Int32Array(),
    length: 0,
  };
};

describe('match scoring', () => {
  const experienced = record(
    [
      {
        countryCode: 'SD',
        region: 'Africa',
        year: 2010,
        sectorCode: '14021',
        technologyCategories: ['DRINKING_WATER_TREATMENT'],
        value: 28.9e6,
        currency: 'USD',
      },
      { countryCode: 'ET', region: 'Africa', year: 2014 },
      { countryCode: 'PK', region: 'Asia', year: 2003 },
    ],
    ['EPC'],
  );
  const projectSimilarity = new Map([['p0', 0.9]]);
  const signals = { text: 0.8, similar: { count: 1, best: 0.9 }, largestRecord: 10, groupInCountry: 0, coverage: 0.3, fieldCoverage: 0.3 };

  it('adds the factor contributions up to the score exactly', () => {
    const result = scorePair(need, experienced, signals, DEFAULT_WEIGHTS);
    expect(result.factors.map((f) => f.key).sort()).toEqual([...FACTOR_KEYS].sort());
    const sum = result.factors.reduce((s, f) => s + f.contribution, 0);
    expect(result.score).toBeCloseTo(sum, 10);
    for (const f of result.factors) expect(f.contribution).toBeCloseTo(f.value * f.weight, 3);
  });

  it('explains each factor with the facts behind it', () => {
    const byKey = Object.fromEntries(scorePair(need, experienced, signals, DEFAULT_WEIGHTS).factors.map((f) => [f.key, f]));
    expect(byKey.countryExperience.detail).toBe('1 project in Sudan');
    expect(byKey.countryRecency.detail).toBe('latest in Sudan: 2010');
    expect(byKey.regionExperience.detail).toBe('1 project elsewhere in Africa');
    expect(byKey.cooperationFit).toMatchObject({ value: 0.5, detail: 'offers 1 of 2 wanted modes (EPC)' });
    expect(byKey.budgetFit.detail).toBe('1 project of comparable value');
  });

  it('counts declared capabilities in the need’s technologies, even without a track record', () => {
    const newcomer = record([], [], ['DRINKING_WATER_TREATMENT', 'DESALINATION']);
    const withoutText = { text: 0, similar: undefined, largestRecord: 10, groupInCountry: 0, coverage: 0.3, fieldCoverage: 0.3 };
    const byKey = Object.fromEntries(scorePair(need, newcomer, withoutText, DEFAULT_WEIGHTS).factors.map((f) => [f.key, f]));
    expect(byKey.capabilityFit).toMatchObject({ value: 1, detail: "declares 1 of the need's 1 technologies (DRINKING_WATER_TREATMENT)" });
    expect(scorePair(need, newcomer, withoutText, DEFAULT_WEIGHTS).score).toBeGreaterThan(
      scorePair(need, record([]), withoutText, DEFAULT_WEIGHTS).score,
    );
  });

  it('scales the contributions down for an enterprise whose record is mostly in another trade', () => {
    const builder = record([
      { countryCode: 'SD', region: 'Africa', year: 2010, sourceSector: 'TRANSPORT AND STORAGE' },
      { countryCode: 'ET', region: 'Africa', year: 2012, sourceSector: 'COMMUNICATIONS' },
    ]);
    const telecom = record([
      ...[2008, 2009, 2010, 2011].map((year) => ({ countryCode: 'SD', region: 'Africa', year, sourceSector: 'COMMUNICATIONS' })),
      { countryCode: 'ET', region: 'Africa', year: 2012, sourceSector: 'TRANSPORT AND STORAGE' },
    ]);
    const same = { text: 0.5, similar: undefined, largestRecord: 10, groupInCountry: 0, coverage: 0.3, fieldCoverage: 0.3 };
    const result = scorePair(need, telecom, same, DEFAULT_WEIGHTS);
    // (5 − 4 + 1) ÷ (5 + 1) = ⅓ of the record builds works; a builder has at least half: ⅓ ÷ ½.
    expect(result.tradeFit).toEqual({
      value: 0.6667,
      detail: '4 of 5 projects in trades that build nothing (telecommunications, finance, aid in goods)',
    });
    const text = result.factors.find((f) => f.key === 'text')!;
    expect(text.contribution).toBeCloseTo(text.value * text.weight * 0.6667, 4);
    expect(result.score).toBeCloseTo(
      result.factors.reduce((s, f) => s + f.contribution, 0),
      10,
    );
    expect(summarise(3, 10, result)).toMatch(/; all scaled by 0\.67: 4 of 5 projects in trades that build nothing .*\.$/);
    // More projects in the country, but in another trade: the builder (half of its record builds works) ranks first.
    expect(scorePair(need, builder, same, DEFAULT_WEIGHTS).score).toBeGreaterThan(result.score);
    expect(scorePair(need, builder, same, DEFAULT_WEIGHTS).tradeFit.value).toBe(1);
  });

  it('ranks experience in the country and the sector above none', () => {
    const stranger = record([{ countryCode: 'PK', region: 'Asia', year: 2003 }]);
    const withoutText = { text: 0, similar: undefined, largestRecord: 10, groupInCountry: 0, coverage: 0.3, fieldCoverage: 0.3 };
    expect(scorePair(need, experienced, withoutText, DEFAULT_WEIGHTS).score).toBeGreaterThan(
      scorePair(need, stranger, withoutText, DEFAULT_WEIGHTS).score,
    );
  });

  it('cites the most similar projects as evidence, with reasons', () => {
    const [first] = citeEvidence(need, experienced, projectSimilarity);
    expect(first.project.id).toBe('p0');
    expect(first.reasons).toEqual(['same country (Sudan)', 'similar work (match 90%)', 'same sector or technology', 'recent (2010)']);
  });

  it('cites only projects with a reason, and says one exactly when hasReason holds, in both languages', () => {
    const projects = record([
      { countryCode: 'PK', region: 'Asia', year: 2000 },
      { countryCode: 'ET', region: 'Africa', year: 2000 },
      { countryCode: 'PK', region: 'Asia', year: 2014 },
    ]);
    expect(citeEvidence(need, projects, new Map()).map((e) => e.project.id)).toEqual(['p2', 'p1']);
    for (const language of [Language.EN, Language.ZH]) {
      for (let bits = 0; bits < 32; bits++) {
        const facts = {
          sameCountry: (bits & 1) > 0,
          sameRegion: (bits & 2) > 0,
          similarWork: bits & 4 ? 0.4 : 0,
          sameSector: (bits & 8) > 0,
          recentYear: bits & 16 ? 2011 : null,
        };
        expect(EXPLANATION_TEXTS[language].citation(need, facts).length > 0).toBe(hasReason(facts));
      }
    }
  });

  it('keeps the first few of a list in order as sorting it all would', () => {
    let seed = 5;
    const random = () => (seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31;
    const byValueThenId = (a: { v: number; id: number }, b: { v: number; id: number }) => b.v - a.v || a.id - b.id;
    for (const size of [0, 1, 2, 3, 7, 50]) {
      const items = Array.from({ length: size }, (_, id) => ({ v: Math.floor(random() * 4), id }));
      for (const limit of [0, 1, 3, 10]) {
        expect(firstBy(items, limit, byValueThenId)).toEqual([...items].sort(byValueThenId).slice(0, limit));
      }
    }
  });

  it('follows the configured weights', () => {
    const countryOnly = parseMatchWeights(
      JSON.stringify(Object.fromEntries(FACTOR_KEYS.map((k) => [k, k === 'countryExperience' ? 1 : 0]))),
    );
    const result = scorePair(need, experienced, signals, countryOnly);
    expect(result.score).toBe(0.5);
    expect(result.factors[0]).toMatchObject({ key: 'countryExperience', weight: 1, contribution: 0.5 });
  });
});

describe('match weights', () => {
  it('default to weights that add up to 1, and scale given ones to 1', () => {
    expect(FACTOR_KEYS.reduce((s, k) => s + parseMatchWeights(undefined)[k], 0)).toBeCloseTo(1, 10);
    const custom = parseMatchWeights('{"text": 2}');
    expect(FACTOR_KEYS.reduce((s, k) => s + custom[k], 0)).toBeCloseTo(1, 10);
    expect(custom.text).toBeGreaterThan(DEFAULT_WEIGHTS.text);
  });

  it('refuse unknown factors, negative weights and non-JSON with a readable reason', () => {
    expect(() => parseMatchWeights('{"luck": 1}')).toThrow(/unknown factor "luck"/);
    expect(() => parseMatchWeights('{"text": -1}')).toThrow(/not a number ≥ 0/);
    expect(() => parseMatchWeights('text=1')).toThrow(/JSON object/);
  });
});

describe('need words', () => {
  it('drop finance boilerplate and fold plurals', () => {
    expect(terms('China Eximbank provides $28.9 million loan for 50 Boreholes in Mali')).toEqual(['borehole', 'mali']);
  });

  it('keep at most ten distinctive words, rarest first', () => {
    const df = (t: string) => ({ borehole: 5, mali: 50, water: 900 })[t] ?? 0;
    const words = terms('water water borehole mali water supply');
    expect(distinctiveTerms(words, df, 1000)).toEqual(['borehole', 'mali', 'water']);
    expect(
      distinctiveTerms(
        Array.from({ length: 30 }, (_, i) => `w${i}`),
        () => 1,
        100,
      ),
    ).toHaveLength(10);
  });

  it('spreads a ranking over groups: further members of a listed group come three places later', () => {
    const ranked = [
      { name: 'Sinohydro', group: 'POWERCHINA' },
      { name: 'PowerChina', group: 'POWERCHINA' },
      { name: 'CMEC', group: 'SINOMACH' },
      { name: 'CGC', group: null },
      { name: 'CAMCE', group: 'SINOMACH' },
      { name: 'CR4', group: 'CREC' },
      { name: 'Weihai', group: null },
      { name: 'CR20', group: 'CREC' },
    ];
    const spread = spreadGroups(ranked, (r) => r.group).map((r) => r.name);
    expect(spread).toEqual(['Sinohydro', 'CMEC', 'CGC', 'PowerChina', 'CR4', 'Weihai', 'CAMCE', 'CR20']);
    expect(spreadGroups(ranked, () => null)).toEqual(ranked);
  });
});
