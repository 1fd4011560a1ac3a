import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EmbeddedMeilisearch, startEmbeddedMeilisearch } from '../../src/infra/embedded/embedded-meilisearch';
import { freePort } from '../support/free-port';
import { errorCode, startTestApp, TestApp } from '../support/test-app';
import { buildWorld, World } from '../support/world';

/** A Meilisearch of this file's own, so it can be stopped and started again without disturbing other tests. */
describe('search while Meilisearch is down', () => {
  let dir: string;
  let port: number;
  let meili: EmbeddedMeilisearch;
  let t: TestApp;
  let w: World;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'waterbridge-outage-'));
    chmodSync(dir, 0o711);
    port = await freePort();
    meili = await startEmbeddedMeilisearch({ dir, port });
    t = await startTestApp({
      MEILI_URL: meili.url,
      MEILI_MASTER_KEY: meili.masterKey,
      SEARCH_SYNC_MAX_BACKOFF_SECONDS: '1',
      SEARCH_TIMEOUT_MS: '1500',
      WORKERS_ENABLED: 'true',
    });
    w = await buildWorld(t);
  });
  afterAll(async () => {
    await t.close();
    await meili.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  const searchTitles = async (query: string) => {
    const res = await t.gql<{ searchNeeds: { edges: Array<{ node: { title: string } }> } }>(
      'query($q: String) { searchNeeds(query: $q, first: 20) { edges { node { title } } } }',
      { q: query },
    );
    return res;
  };
  const publish = async (title: string) => {
    const created = await t.gql<{ createNeed: { id: string } }>(
      'mutation($title: String!) { createNeed(input: { title: $title, description: "Outage test.", countryCode: "LK", sectorCode: "14021" }) { id } }',
      { title },
      w.token('agency'),
    );
    expect(created.errors).toBeUndefined();
    const id = created.data!.createNeed.id;
    expect((await t.gql('mutation($id: ID!) { publishNeed(id: $id) { id } }', { id }, w.token('agency'))).errors).toBeUndefined();
    return id;
  };

  it('keeps every write, answers SEARCH_UNAVAILABLE, and catches up by itself once Meilisearch is back', async () => {
    const before = await publish('Kelani intake before the outage');
    const doomed = await publish('Galle reservoir to withdraw');
    await t.searchSynced();
    expect((await searchTitles('Kelani')).data?.searchNeeds.edges).toEqual([{ node: { title: 'Kelani intake before the outage' } }]);

    await meili.stop();

    // Reads fail fast with a code, not a 500 and not a hang.
    const down = await searchTitles('Kelani');
    expect(errorCode(down)).toBe('SEARCH_UNAVAILABLE');
    expect(errorCode(await t.gql('{ searchEnterprises(query: "pumps", first: 5) { totalCount } }'))).toBe('SEARCH_UNAVAILABLE');
    // Matching retrieves its candidates from Meilisearch too: the same code, for both directions.
    expect(
      errorCode(await t.gql('query($id: ID!) { matchCandidates(needId: $id, first: 5) { rank } }', { id: before }, w.token('coordinator'))),
    ).toBe('SEARCH_UNAVAILABLE');
    const enterprise = w.orgs.enterpriseOrg.id;
    expect(
      errorCode(
        await t.gql(
          'query($id: ID!) { opportunities(organizationId: $id, first: 5) { rank } }',
          { id: enterprise },
          w.token('coordinator'),
        ),
      ),
    ).toBe('SEARCH_UNAVAILABLE');

    // Writes all succeed meanwhile; their changes wait in the outbox.
    await publish('Matara wastewater during the outage');
    expect(
      (
        await t.gql(
          'mutation($id: ID!) { updateNeed(input: { id: $id, title: "Kelani intake renamed during the outage" }) { id } }',
          { id: before },
          w.token('agency'),
        )
      ).errors,
    ).toBeUndefined();
    expect((await t.gql('mutation($id: ID!) { withdrawNeed(id: $id) { id } }', { id: doomed }, w.token('agency'))).errors).toBeUndefined();
    await new Promise((r) => setTimeout(r, 1500));
    const [{ pending }] = await t.dataSource.query('SELECT count(*)::int AS pending FROM search_outbox');
    expect(pending).toBeGreaterThan(0);

    // Back up, same data and key; nothing is nudged by hand.
    meili = await startEmbeddedMeilisearch({ dir, port });
    await t.searchSynced(30_000);

    const titles = async (q: string) => (await searchTitles(q)).data!.searchNeeds.edges.map((e) => e.node.title);
    expect(await titles('Matara')).toEqual(['Matara wastewater during the outage']);
    expect(await titles('Kelani')).toEqual(['Kelani intake renamed during the outage']);
    expect(await titles('Galle')).toEqual([]);
  });
});
