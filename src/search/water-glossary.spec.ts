import { glossaryGroups, headTerm, validateGlossary, WATER_GLOSSARY, WaterGlossary } from './water-glossary';
import { glossarySynonyms } from './search-indexes';

const section = (groups: string[][], sources = ['GB/T 50125-2010']) => ({ id: 'test', title: 'Test', sources, groups });
const glossary = (...sections: WaterGlossary['sections']): WaterGlossary => ({ description: 'test', sections });

describe('the water glossary', () => {
  it('is a vocabulary of several hundred groups and well over a thousand terms, in sections that name their sources', () => {
    const groups = glossaryGroups();
    expect(groups.length).toBeGreaterThanOrEqual(400);
    expect(groups.flat().length).toBeGreaterThanOrEqual(1400);
    expect(WATER_GLOSSARY.sections.length).toBeGreaterThanOrEqual(10);
    for (const s of WATER_GLOSSARY.sections) expect(s.sources.length).toBeGreaterThan(0);
  });

  it('holds the everyday words people type, and the parts of compound Chinese words as well as the wholes', () => {
    const headOf = new Map(glossaryGroups().flatMap((g) => g.map((t) => [t, headTerm(g)] as const)));
    const expected: Record<string, string> = {
      农村: 'rural',
      城市: 'urban',
      村: 'village',
      管道: 'pipeline',
      管网: 'pipe network',
      泵站: 'pumping station',
      灌渠: 'irrigation canal',
      水厂: 'water treatment plant',
      污水管网: 'sewerage',
      排水: 'drainage',
      大坝: 'dam',
      水库: 'reservoir',
      防洪: 'flood control',
      水电: 'hydropower',
      海水淡化: 'desalination',
      反渗透: 'reverse osmosis',
      农村供水: 'rural water supply',
      供水: 'water supply',
      污水处理厂: 'wastewater treatment plant',
      污水处理: 'wastewater treatment',
      污水: 'wastewater',
      项目: 'project',
    };
    for (const [zh, en] of Object.entries(expected)) expect([zh, headOf.get(zh)]).toEqual([zh, en]);
  });

  it('gives every term of a group every other as a synonym, and no term two meanings', () => {
    const synonyms = glossarySynonyms();
    expect(synonyms['农村供水']).toEqual(expect.arrayContaining(['rural water supply']));
    expect(synonyms['rural water supply']).toContain('农村供水');
    // A term in two groups would make Meilisearch treat both groups as one.
    const terms = glossaryGroups()
      .flat()
      .map((t) => t.toLowerCase());
    expect(new Set(terms).size).toBe(terms.length);
  });

  it('refuses a term in two groups, an empty or one-term group, a group without English, a section without sources', () => {
    expect(() =>
      validateGlossary(
        glossary(
          section([
            ['dam', '大坝'],
            ['weir', 'dam'],
          ]),
        ),
      ),
    ).toThrow(/"dam" is in two groups/);
    expect(() => validateGlossary(glossary(section([[]])))).toThrow(/fewer than two terms/);
    expect(() => validateGlossary(glossary(section([['水库', '蓄水库']])))).toThrow(/no English term/);
    expect(() => validateGlossary(glossary(section([['dam', '大坝']], [])))).toThrow(/names no source/);
    expect(() => validateGlossary(glossary(section([['integrated water resources management', 'IWRM']])))).toThrow(/longer than 3 words/);
    expect(validateGlossary(glossary(section([['dam', '大坝']])))).toBeDefined();
  });
});
