import { randomBytes } from 'node:crypto';
import { Index, Meilisearch } from 'meilisearch';
import { allOf, equals, oneOf, quote } from './search-filters';

/**
 * Values a client controls (region, parentGroup, …) end up in Meilisearch filters. Run against the real server (the
 * run's Meilisearch, from jest's globalSetup): a hostile value must neither break the filter nor widen it.
 */
const HOSTILE = [
  '"',
  '\\',
  'a\\',
  '\\"',
  'C:\\water\\plant',
  '" OR status = DRAFT',
  '\\" OR status = DRAFT',
  'x" OR status = "DRAFT',
  "x' OR status = 'DRAFT",
  ') OR (status = DRAFT',
  'EXISTS',
  'line one\nline two',
  'tab\there',
  '斯里兰卡 — Sri Lanka',
  '🌊 water',
  'zero\u200bwidth',
];

describe('Meilisearch filter quoting', () => {
  let client: Meilisearch;
  let index: Index;
  // One document per hostile value, PUBLISHED; and one DRAFT no filter below may reach.
  const documents = [
    ...HOSTILE.map((value, i) => ({ id: `v${i}`, region: value, status: 'PUBLISHED' })),
    { id: 'draft', region: 'elsewhere', status: 'DRAFT' },
  ];

  beforeAll(async () => {
    client = new Meilisearch({ host: process.env.WB_TEST_MEILI_URL ?? '', apiKey: process.env.WB_TEST_MEILI_MASTER_KEY });
    const uid = `t_filters_${randomBytes(5).toString('hex')}`;
    await client.createIndex(uid, { primaryKey: 'id' }).waitTask();
    index = client.index(uid);
    await index.updateFilterableAttributes(['region', 'status']).waitTask();
    await index.addDocuments(documents).waitTask();
  });
  afterAll(async () => {
    await client?.deleteIndex(index.uid).waitTask();
  });

  const ids = async (filter: string | undefined) => (await index.search('', { filter, limit: 100 })).hits.map((h) => h.id as string).sort();

  it.each(HOSTILE.map((value, i) => [JSON.stringify(value), value, i] as const))(
    'matches %s exactly, and nothing else',
    async (_shown, value, i) => {
      expect(await ids(equals('region', value))).toEqual([`v${i}`]);
      // Inside a conjunction, too: the value cannot close the parentheses or the quotes around it.
      expect(await ids(allOf(equals('status', 'PUBLISHED'), equals('region', value)))).toEqual([`v${i}`]);
      expect(await ids(allOf(equals('region', value), equals('status', 'PUBLISHED')))).toEqual([`v${i}`]);
    },
  );

  it('matches nothing with an empty value (Meilisearch does not filter on empty strings), rather than everything', async () => {
    await index.addDocuments([{ id: 'empty', region: '', status: 'PUBLISHED' }]).waitTask();
    expect(await ids(equals('region', ''))).toEqual([]);
    expect(await ids(oneOf('region', ['', '"']))).toEqual(['v0']);
  });

  it('keeps every value of a list apart', async () => {
    expect(await ids(oneOf('region', ['" OR status = DRAFT', 'a\\', '斯里兰卡 — Sri Lanka']))).toEqual(['v13', 'v2', 'v5'].sort());
    expect(quote('plain')).toBe('"plain"');
  });
});
