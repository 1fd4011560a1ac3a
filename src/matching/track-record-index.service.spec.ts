import { Built, withoutProjects, summariseRecord, TrackRecord, TrackRecordFolder } from './track-record-index.service';
import { CapabilityRow, ProjectRow } from './track-record.repository';

const REGIONS: Record<string, string> = { SD: 'Africa', EG: 'Africa', LK: 'Asia' };
const regionOf = (code: string) => REGIONS[code];

let nextId = 0;
const project = (organization: string, overrides: Partial<ProjectRow> = {}): ProjectRow => ({
  id: `p${String(++nextId).padStart(4, '0')}`,
  organization_id: organization,
  organization_name: `${organization} Ltd`,
  parent_group: null,
  title: 'Water treatment plant',
  description: '',
  country_code: 'SD',
  year: 2015,
  sector_code: '14021',
  source_sector: null,
  technology_categories: [],
  role: 'EPC_CONTRACTOR',
  value: null,
  currency: null,
  financier: null,
  financing_instrument: null,
  ...overrides,
});
const capabilities = (organization: string, categories: string[], modes: string[] = []): CapabilityRow => ({
  organization_id: organization,
  organization_name: `${organization} Ltd`,
  parent_group: null,
  categories,
  modes,
});

/** Records folded from rows, words numbered in `vocabulary`. */
function fold(vocabulary: Map<string, number>, projects: ProjectRow[], declared: CapabilityRow[] = []): Map<string, TrackRecord> {
  const folder = new TrackRecordFolder(vocabulary, regionOf);
  for (const row of projects) folder.addProject(row);
  for (const row of declared) folder.addCapabilities(row);
  return folder.records();
}

/** A record's words and how often it uses each, by word rather than by internal id. */
function wordsOf(record: TrackRecord, vocabulary: Map<string, number>): Record<string, { count: number; projects: number }> {
  const word = new Map([...vocabulary].map(([w, id]) => [id, w]));
  return Object.fromEntries(
    [...record.termIds].map((id, i) => [word.get(id), { count: record.termCounts[i], projects: record.termProjects[i] }]),
  );
}

describe('TrackRecordFolder', () => {
  it('groups projects by enterprise, in the order first seen, with their facts as the matcher reads them', () => {
    const records = fold(new Map(), [
      project('b', {
        title: 'Khartoum dam',
        country_code: 'SD ',
        year: 2010,
        value: '1250000.50',
        currency: 'USD',
        parent_group: 'BLUE GROUP',
      }),
      project('a', { title: 'Regional pipeline', country_code: null, year: null }),
      project('b', { title: 'Aswan dam', country_code: 'EG' }),
    ]);
    expect([...records.keys()]).toEqual(['b', 'a']);
    const b = records.get('b')!;
    expect(b).toMatchObject({ organizationId: 'b', name: 'b Ltd', parentGroup: 'BLUE GROUP' });
    expect(b.projects.map((p) => [p.title, p.countryCode, p.region, p.year, p.value, p.currency])).toEqual([
      ['Khartoum dam', 'SD', 'Africa', 2010, 1250000.5, 'USD'],
      ['Aswan dam', 'EG', 'Africa', 2015, null, null],
    ]);
    expect(records.get('a')!.projects[0]).toMatchObject({ countryCode: null, region: null, year: null });
    expect(b.summary.countries.get('SD')).toEqual({ region: 'Africa', count: 1, years: [2010], financed: [] });
  });

  it('counts words over the whole record (titles twice), and in how many projects each occurs', () => {
    const vocabulary = new Map<string, number>();
    const records = fold(vocabulary, [
      project('a', { title: 'Desalination plant', description: 'Seawater desalination for the city.' }),
      project('a', { title: 'Pumping station', description: 'Pumps for the plant.' }),
    ]);
    const a = records.get('a')!;
    expect(wordsOf(a, vocabulary)).toEqual({
      desalination: { count: 3, projects: 1 },
      plant: { count: 3, projects: 2 },
      seawater: { count: 1, projects: 1 },
      city: { count: 1, projects: 1 },
      pumping: { count: 2, projects: 1 },
      station: { count: 2, projects: 1 },
      pump: { count: 1, projects: 1 },
    });
    expect(a.length).toBe(13);
    expect([...a.termIds]).toEqual([...a.termIds].sort((x, y) => x - y));
  });

  it('numbers words in a shared vocabulary that only grows: a known word keeps its id', () => {
    const vocabulary = new Map<string, number>();
    fold(vocabulary, [project('a', { title: 'Borehole drilling' })]);
    const known = new Map(vocabulary);
    fold(vocabulary, [project('b', { title: 'Drilling pipelines' })]);
    expect(vocabulary.get('borehole')).toBe(known.get('borehole'));
    expect(vocabulary.get('drilling')).toBe(known.get('drilling'));
    expect(vocabulary.get('pipeline')).toBe(known.size);
  });

  it('offers the modes its roles show and its capabilities declare; an enterprise with capabilities only is a candidate too', () => {
    const records = fold(
      new Map(),
      [project('a', { role: 'SUPPLIER' }), project('a', { role: 'OPERATOR' }), project('a', { role: 'FINANCIER' })],
      [capabilities('a', ['DESALINATION'], ['EPC']), capabilities('c', ['IRRIGATION', 'DAMS'], ['FINANCING'])],
    );
    expect(records.get('a')!.cooperationModes).toEqual(new Set(['EPC', 'EQUIPMENT_SUPPLY', 'OPERATION_MAINTENANCE']));
    expect(records.get('a')!.declaredCategories).toEqual(new Set(['DESALINATION']));
    const c = records.get('c')!;
    expect(c).toMatchObject({ name: 'c Ltd', projects: [], length: 0 });
    expect(c.cooperationModes).toEqual(new Set(['FINANCING']));
    expect(c.declaredCategories).toEqual(new Set(['IRRIGATION', 'DAMS']));
  });
});

describe('summariseRecord', () => {
  it('folds countries with their sorted years, regions, kinds of work, known values and other trades', () => {
    const facts = fold(new Map(), [
      project('a', { country_code: 'SD', year: 2018, technology_categories: ['DAMS'] }),
      project('a', { country_code: 'SD', year: 2009, technology_categories: ['DAMS'], value: '10', currency: 'USD' }),
      project('a', { country_code: 'LK', year: null, sector_code: null, source_sector: 'COMMUNICATIONS' }),
      project('a', { country_code: null, year: 2001 }),
    ]).get('a')!.projects;
    const summary = summariseRecord(facts);
    expect(summary.countries).toEqual(
      new Map([
        ['SD', { region: 'Africa', count: 2, years: [2009, 2018], financed: [] }],
        ['LK', { region: 'Asia', count: 1, years: [], financed: [] }],
      ]),
    );
    expect(summary.regions).toEqual(
      new Map([
        ['Africa', 2],
        ['Asia', 1],
      ]),
    );
    expect(summary.years).toEqual([2001, 2009, 2018]);
    expect(summary.kinds).toEqual([
      { sectorCode: '14021', categories: ['DAMS'], count: 2 },
      { sectorCode: null, categories: [], count: 1 },
      { sectorCode: '14021', categories: [], count: 1 },
    ]);
    expect(summary.valued).toEqual([{ value: 10, currency: 'USD' }]);
    expect(summary.otherTrades).toBe(1);
  });

  it('keeps who financed what where and when, and how many projects each instrument financed', () => {
    const facts = fold(new Map(), [
      project('a', { country_code: 'AO', year: 2016, financier: 'China Development Bank', financing_instrument: 'LOAN' }),
      project('a', { country_code: 'AO', year: 2010, financier: null, financing_instrument: 'GRANT' }),
      project('a', { country_code: 'KE', year: 2012, financier: 'Export-Import Bank of China', financing_instrument: 'LOAN' }),
    ]).get('a')!.projects;
    const summary = summariseRecord(facts);
    expect(summary.countries.get('AO')!.financed).toEqual([{ financier: 'China Development Bank', year: 2016 }]);
    expect(summary.instruments).toEqual(
      new Map([
        ['LOAN', 2],
        ['GRANT', 1],
      ]),
    );
  });
});

describe('Built (the snapshot matching reads)', () => {
  const world = () => {
    const vocabulary = new Map<string, number>();
    const records = fold(vocabulary, [
      project('desal', { title: 'Desalination plant', description: 'Seawater desalination.' }),
      project('desal', { title: 'Desalination plant', description: 'Brackish water desalination.' }),
      project('pipes', { title: 'Water pipeline', description: 'A long pipeline.' }),
      project('pipes', { title: 'Pumping station', description: 'Water pumps.' }),
      project('pipes', { title: 'Water tower' }),
    ]);
    return { vocabulary, records, built: Built.empty(vocabulary).withChanges('fp-1', new Map([['desal', 's1']]), records, []) };
  };

  it('counts projects and, per word, the projects that use it', () => {
    const { built } = world();
    expect(built.projectCount).toBe(5);
    expect(built.records.size).toBe(2);
    expect(built.largestRecord).toBe(3);
    expect(built.fingerprint).toBe('fp-1');
    expect(built.signatures.get('desal')).toBe('s1');
    expect(built.projectFrequency('desalination')).toBe(2);
    expect(built.projectFrequency('water')).toBe(4);
    expect(built.projectFrequency('stadium')).toBe(0);
  });

  it('scores a track record against words (BM25): what it has done scores, what it has not does not', () => {
    const { built, records } = world();
    const desalination = built.relevanceTo(['desalination', 'seawater']);
    expect(desalination(records.get('desal')!)).toBeGreaterThan(0);
    expect(desalination(records.get('pipes')!)).toBe(0);
    const pipeline = built.relevanceTo(['pipeline']);
    expect(pipeline(records.get('pipes')!)).toBeGreaterThan(pipeline(records.get('desal')!));
    expect(built.relevanceTo(['stadium'])(records.get('pipes')!)).toBe(0);
  });

  it('scores coverage on a scale of its own, the same whatever the other candidates: none, some, more with more of the words', () => {
    const { built, records } = world();
    const coverage = built.coverageOf(['desalination', 'seawater', 'brackish']);
    const desal = coverage(records.get('desal')!);
    expect(desal).toBeGreaterThan(0.3);
    expect(desal).toBeLessThan(1);
    expect(coverage(records.get('pipes')!)).toBe(0);
    // Fewer of the words matched: lower, not 100% because it is the best of a weak field.
    expect(built.coverageOf(['desalination', 'stadium', 'airport', 'hospital'])(records.get('desal')!)).toBeLessThan(desal);
  });

  it('retrieves the enterprises whose whole record best matches some words, best first, and none that shares no word', () => {
    const { built } = world();
    expect(built.mostRelevant(['pipeline', 'pumps'], 5).map((r) => r.organizationId)).toEqual(['pipes']);
    expect(built.mostRelevant(['water'], 5).map((r) => r.organizationId)).toEqual(['pipes', 'desal']);
    expect(built.mostRelevant(['water'], 1)).toHaveLength(1);
  });

  it('retrieves exactly what scoring every record would, whole or patched, ties by id', () => {
    const vocabulary = new Map<string, number>();
    const WORDS = ['water', 'pump', 'pipeline', 'dam', 'desalination', 'sewage', 'irrigation', 'borehole', 'tower', 'reservoir'];
    let seed = 3;
    const random = () => (seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31;
    const text = () => Array.from({ length: 1 + Math.floor(random() * 5) }, () => WORDS[Math.floor(random() * WORDS.length)]).join(' ');
    const rows = Array.from({ length: 240 }, (_, i) =>
      project(`org${String(i % 100).padStart(3, '0')}`, { title: text(), description: text() }),
    );
    // Two records alike in every word: equal scores, ordered by id.
    rows.push(project('twin-b', { title: 'Borehole pump' }), project('twin-a', { title: 'Borehole pump' }));
    const whole = Built.empty(vocabulary).withChanges('fp-1', new Map(), fold(vocabulary, rows), []);
    // A patch: one record replaced (with a word no record had), one removed, one added.
    const changed = fold(vocabulary, [
      project('org005', { title: 'Desalination reservoir', description: 'Stadium.' }),
      project('new', { title: 'Water stadium' }),
    ]);
    const patched = whole.withChanges('fp-2', new Map(), changed, ['org007']);
    // Enough new records at once that the postings are made again.
    const many = fold(
      vocabulary,
      rows.slice(0, 150).map((r) => ({ ...r, organization_id: `x-${r.organization_id}` })),
    );
    const rebuilt = patched.withChanges('fp-3', new Map(), many, ['org009']);
    const everyRecord = (built: Built, words: string[], limit: number) => {
      const relevance = built.relevanceTo(words);
      return [...built.records.values()]
        .map((r) => ({ id: r.organizationId, score: relevance(r) }))
        .filter((r) => r.score > 0)
        .sort((a, b) => b.score - a.score || (a.id < b.id ? -1 : 1))
        .slice(0, limit)
        .map((r) => r.id);
    };
    const queries = [['water'], ['borehole', 'pump'], ['pump', 'dam', 'stadium'], ['desalination', 'reservoir', 'sewage'], ['stadium']];
    for (const built of [whole, patched, rebuilt]) {
      for (const words of queries) {
        for (const limit of [1, 5, 40, 500]) {
          expect(built.mostRelevant(words, limit).map((r) => r.organizationId)).toEqual(everyRecord(built, words, limit));
        }
      }
    }
    expect(patched.mostRelevant(['stadium'], 5).map((r) => r.organizationId)).toEqual(['new', 'org005']);
    expect(whole.mostRelevant(['stadium'], 5)).toEqual([]);
    expect(whole.mostRelevant(['borehole', 'pump'], 500).map((r) => r.organizationId)).toEqual(
      expect.arrayContaining(['twin-a', 'twin-b']),
    );
  });

  it('holds projects out of a record as if they had never been folded in', () => {
    const vocabulary = new Map<string, number>();
    const rows = [
      project('desal', { title: 'Desalination plant', description: 'Seawater desalination.', country_code: 'OM' }),
      project('desal', { title: 'Water tower', description: 'A tower.', country_code: 'SD' }),
    ];
    const full = fold(vocabulary, rows).get('desal')!;
    const reduced = withoutProjects(full, [rows[0]], vocabulary)!;
    const alone = fold(new Map(vocabulary), [rows[1]]).get('desal')!;
    expect(reduced.projects.map((p) => p.id)).toEqual([rows[1].id]);
    expect([...reduced.termIds]).toEqual([...alone.termIds]);
    expect([...reduced.termCounts]).toEqual([...alone.termCounts]);
    expect(reduced.length).toBe(alone.length);
    expect([...reduced.summary.countries.keys()]).toEqual(['SD']);
    expect(withoutProjects(full, rows, vocabulary)).toBeNull();
  });

  it("names an enterprise's most characteristic words first", () => {
    const { built, records } = world();
    expect(built.topTerms(records.get('desal')!, 2)).toEqual(['desalination', 'plant']);
    expect(built.topTerms(records.get('pipes')!, 1)).toEqual(['pipeline']);
  });

  it('makes a new snapshot with records replaced and removed, and leaves the former one as it was', () => {
    const { built, vocabulary } = world();
    const changed = fold(vocabulary, [project('desal', { title: 'Stadium', description: 'A stadium.' })]);
    const next = built.withChanges('fp-2', new Map(), changed, ['pipes']);

    expect(next.projectCount).toBe(1);
    expect([...next.records.keys()]).toEqual(['desal']);
    expect(next.projectFrequency('stadium')).toBe(1);
    expect(next.projectFrequency('desalination')).toBe(0);
    expect(next.projectFrequency('water')).toBe(0);
    expect(next.largestRecord).toBe(1);
    // The former snapshot does not know the word added after it, and still counts what it counted.
    expect(built.projectFrequency('stadium')).toBe(0);
    expect(built.relevanceTo(['stadium'])(changed.get('desal')!)).toBe(0);
    expect(built.projectCount).toBe(5);
    expect(built.projectFrequency('desalination')).toBe(2);
  });
});
