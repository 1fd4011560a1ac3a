import { DataSource } from 'typeorm';
import { Meilisearch } from 'meilisearch';
import { ReindexService } from '../../src/search/reindex.service';
import { SearchDocumentService } from '../../src/search/search-document.service';
import { SearchIndex, settingsFor } from '../../src/search/search-indexes';

const ms = (start: bigint) => Number(process.hrtime.bigint() - start) / 1e6;

/** The application's full reindex (every index rebuilt beside the live one, then swapped in): documents per second. */
export async function applicationIndexingRate(reindex: ReindexService): Promise<{ documents: number; seconds: number; rate: number }> {
  const start = process.hrtime.bigint();
  const counts = await reindex.reindexAll();
  const seconds = ms(start) / 1000;
  const documents = Object.values(counts).reduce((a, b) => a + b, 0);
  return { documents, seconds, rate: documents / seconds };
}

/**
 * Meilisearch's own rate on the same documents as the full reindex: built in memory first (not timed), then sent as
 * fast as it takes them, into indexes of their own with the same settings.
 */
export async function rawIndexingRate(
  meili: Meilisearch,
  builder: SearchDocumentService,
  dataSource: DataSource,
  prefix: string,
): Promise<number> {
  const sources: Array<[SearchIndex, string, (ids: string[]) => Promise<unknown[]>]> = [
    [SearchIndex.Needs, 'SELECT id FROM need ORDER BY id', (ids) => builder.needs(ids)],
    [SearchIndex.Enterprises, `SELECT id FROM organization WHERE kind = 'ENTERPRISE' ORDER BY id`, (ids) => builder.enterprises(ids)],
    [SearchIndex.ReferenceProjects, 'SELECT id FROM reference_project ORDER BY id', (ids) => builder.referenceProjects(ids)],
  ];
  const prepared: Array<{ uid: string; batches: unknown[][] }> = [];
  let total = 0;
  for (const [index, sql, build] of sources) {
    const uid = `${prefix}raw_${index}`;
    await meili.deleteIndexIfExists(uid);
    await meili.createIndex(uid, { primaryKey: 'id' }).waitTask({ timeout: 0 });
    await meili.index(uid).updateSettings(settingsFor(index)).waitTask({ timeout: 0 });
    const ids: string[] = (await dataSource.query<Array<{ id: string }>>(sql)).map((r) => r.id);
    const batches: unknown[][] = [];
    for (let i = 0; i < ids.length; i += 2000) batches.push(await build(ids.slice(i, i + 2000)));
    prepared.push({ uid, batches });
    total += ids.length;
  }
  const start = process.hrtime.bigint();
  const tasks = [];
  // Enqueued one request after the other (as a careful client would), then awaited together.
  for (const { uid, batches } of prepared)
    for (const batch of batches) tasks.push(await meili.index(uid).addDocuments(batch as Array<Record<string, unknown>>));
  for (const task of tasks) await meili.tasks.waitForTask(task.taskUid, { timeout: 0, interval: 50 });
  const seconds = ms(start) / 1000;
  for (const { uid } of prepared) await meili.deleteIndex(uid).waitTask({ timeout: 0 });
  return total / seconds;
}
