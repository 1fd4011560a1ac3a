import { OrganizationKind } from '../../src/organizations/organization.entity';
import { MeilisearchWriter } from '../../src/search/meilisearch.providers';
import { SearchIndex } from '../../src/search/search-indexes';
import { IndexedKind } from '../../src/search-outbox/search-outbox.entity';
import { SearchOutboxService } from '../../src/search-outbox/search-outbox.service';
import { SearchRepository } from '../../src/search/search.repository';
import { SearchSyncJob } from '../../src/search/search-sync.job';
import { HoldingProxy, startHoldingProxy } from '../support/holding-proxy';
import { startTestApp, TestApp } from '../support/test-app';
import { waitUntil } from '../support/wait';

/**
 * The start-up catch-up, the CLI and the sync job all drain the search outbox through SearchSyncJob.drain(). Two of
 * them at once, each with a different outbox row of the same need, could write an older document last.
 */
describe('search outbox drains running at the same time', () => {
  let proxy: HoldingProxy;
  let t: TestApp;

  beforeAll(async () => {
    // Meilisearch behind a proxy that can keep one write in flight, as a slow network would.
    proxy = await startHoldingProxy(process.env.WB_TEST_MEILI_URL ?? '');
    t = await startTestApp({ MEILI_URL: proxy.url });
  });
  afterAll(async () => {
    await t?.close();
    await proxy?.stop();
  });

  /** Commits a new title and its outbox row, as a write of the API does. */
  const retitle = (needId: string, title: string) =>
    t.dataSource.transaction(async (manager) => {
      await manager.query(`UPDATE need SET title = $2, updated_at = now() WHERE id = $1`, [needId, title]);
      await t.app.get(SearchOutboxService).record(manager, IndexedKind.Need, [needId]);
    });

  const waitingForTheLock = async () => {
    const [{ n }] = await t.dataSource.query(
      `SELECT count(*)::int AS n FROM pg_locks l JOIN pg_database d ON d.oid = l.database WHERE d.datname = current_database() AND l.locktype = 'advisory' AND NOT l.granted`,
    );
    return n > 0;
  };

  it('runs one drain at a time, so the index ends with the newest version of a document', async () => {
    const agency = await t.factory.organization({ kind: OrganizationKind.AGENCY });
    const need = await t.factory.need(agency.id, { title: 'Intake, first draft' });
    const sync = t.app.get(SearchSyncJob);

    await retitle(need.id, 'Intake, version 1');
    // The first drain reads version 1 and its write to the needs index is held on the way to Meilisearch…
    const held = proxy.holdNext((method, path) => method === 'POST' && /^\/indexes\/[^/]*needs\/documents/.test(path));
    const first = sync.drain();
    await held.arrived;

    // …while the need changes again and a second drain starts.
    await retitle(need.id, 'Intake, version 2');
    let secondDone = false;
    const second = sync.drain().finally(() => (secondDone = true));
    // The second drain waits for the first one's lock (before the fix it ran at once, and finished first).
    await waitUntil(async () => secondDone || (await waitingForTheLock()), 'the second drain to finish or to wait for the lock');
    const secondWaited = !secondDone;

    held.release();
    await Promise.all([first, second]);

    const uid = t.app.get(SearchRepository).uid(SearchIndex.Needs);
    const document = await t.app.get(MeilisearchWriter).index(uid).getDocument(need.id);
    expect(document.title).toBe('Intake, version 2');
    expect(secondWaited).toBe(true);
    const [{ pending }] = await t.dataSource.query('SELECT count(*)::int AS pending FROM search_outbox');
    expect(pending).toBe(0);
  });
});
