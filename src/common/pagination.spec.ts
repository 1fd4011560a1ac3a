import { DomainError } from './domain-error';
import { decodeCursor, encodeCursor, toConnection } from './pagination';

describe('keyset cursors', () => {
  it('round-trip a position exactly, to the millisecond', () => {
    const position = { at: new Date('2026-11-29T08:00:00.123Z'), id: '5c0f1d9e-2b1a-4c3d-9e8f-0a1b2c3d4e5f' };
    expect(decodeCursor(encodeCursor(position))).toEqual(position);
  });

  it('refuse anything that is not a cursor, naming the `after` argument', () => {
    for (const bad of ['', 'bm9wZQ', Buffer.from('["not a date","x"]').toString('base64url'), Buffer.from('[1]').toString('base64url')]) {
      expect(() => decodeCursor(bad)).toThrow(DomainError);
      try {
        decodeCursor(bad);
      } catch (error) {
        expect((error as DomainError).field).toBe('after');
      }
    }
  });

  it('build a page from first + 1 rows', () => {
    const rows = [3, 2, 1].map((n) => ({ createdAt: new Date(n * 1000), id: `id-${n}` }));
    const positionOf = (r: (typeof rows)[number]) => ({ at: r.createdAt, id: r.id });
    const page = toConnection(rows, 2, 10, false, (r) => r.id, positionOf);
    expect(page.edges.map((e) => e.node)).toEqual(['id-3', 'id-2']);
    expect(page.pageInfo).toMatchObject({ hasNextPage: true, hasPreviousPage: false });
    expect(decodeCursor(page.pageInfo.endCursor!)).toEqual({ at: rows[1].createdAt, id: rows[1].id });
    expect(toConnection(rows.slice(0, 2), 2, 2, true, (r) => r.id, positionOf).pageInfo).toMatchObject({
      hasNextPage: false,
      hasPreviousPage: true,
    });
  });
});
