import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { TestDataSource, useTestDataSource } from '../../test/support/test-data-source';
import { IndexedKind } from './search-outbox.entity';
import { SearchOutboxRepository } from './search-outbox.repository';

describe('SearchOutboxRepository (real database)', () => {
  let t: TestDataSource;
  let db: DataSource;
  let outbox: SearchOutboxRepository;
  useTestDataSource((opened) => {
    t = opened;
    db = t.dataSource;
    outbox = new SearchOutboxRepository(db);
  });
  beforeEach(() => db.query('DELETE FROM search_outbox'));

  const pending = async () => (await db.transaction((manager) => outbox.lockOldest(manager, 1000))).map((r) => `${r.kind}:${r.entityId}`);

  it('adds one row per id, and hands the oldest back first, as many as asked', async () => {
    const [a, b, c] = [randomUUID(), randomUUID(), randomUUID()];
    await db.transaction((manager) => outbox.add(manager, IndexedKind.Need, [a, b]));
    await db.transaction((manager) => outbox.add(manager, IndexedKind.Organization, [c]));

    expect(await outbox.countPending()).toBe(3);
    expect(await pending()).toEqual([`need:${a}`, `need:${b}`, `organization:${c}`]);
    const [first] = await db.transaction((manager) => outbox.lockOldest(manager, 1));
    expect(first).toEqual({ id: expect.any(String), kind: IndexedKind.Need, entityId: a });
  });

  it('writes nothing when the caller rolls back', async () => {
    await expect(
      db.transaction(async (manager) => {
        await outbox.add(manager, IndexedKind.Need, [randomUUID()]);
        throw new Error('the change failed');
      }),
    ).rejects.toThrow('the change failed');
    expect(await outbox.countPending()).toBe(0);
  });

  it('skips the rows another drain holds, and deletes only the rows named', async () => {
    const ids = [randomUUID(), randomUUID(), randomUUID()];
    await db.transaction((manager) => outbox.add(manager, IndexedKind.ReferenceProject, ids));
    const holder = db.createQueryRunner();
    await holder.connect();
    await holder.startTransaction();
    try {
      const held = await outbox.lockOldest(holder.manager, 2);
      expect(held.map((r) => r.entityId)).toEqual(ids.slice(0, 2));
      // A second drain meanwhile gets only the row nobody holds, without waiting.
      const other = await db.transaction((manager) => outbox.lockOldest(manager, 10));
      expect(other.map((r) => r.entityId)).toEqual([ids[2]]);
      await outbox.delete(
        holder.manager,
        held.map((r) => r.id),
      );
      await holder.commitTransaction();
    } finally {
      await holder.release();
    }
    expect(await pending()).toEqual([`reference_project:${ids[2]}`]);
  });

  it('adds a row for every organisation, need and reference project, or for those updated since a time', async () => {
    const f = t.factory;
    const organization = await f.organization();
    const need = await f.need(organization.id);
    const project = await f.referenceProject(organization.id);
    const everything = [`organization:${organization.id}`, `need:${need.id}`, `reference_project:${project.id}`];

    await db.transaction((manager) => outbox.addEverything(manager));
    const all = await pending();
    expect(all).toEqual(expect.arrayContaining(everything));
    const [{ rows }]: Array<{ rows: number }> = await db.query(
      'SELECT (SELECT count(*) FROM organization) + (SELECT count(*) FROM need) + (SELECT count(*) FROM reference_project) AS rows',
    );
    expect(all).toHaveLength(Number(rows));

    await db.query('DELETE FROM search_outbox');
    const [{ now: since }]: Array<{ now: Date }> = await db.query('SELECT now() AS now');
    await db.query(`UPDATE need SET updated_at = now() WHERE id = $1`, [need.id]);
    await db.transaction((manager) => outbox.addEverything(manager, since));
    expect(await pending()).toEqual([`need:${need.id}`]);
  });
});
