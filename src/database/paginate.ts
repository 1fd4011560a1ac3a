import { ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import { Connection, decodeCursor, PageArgs, toConnection } from '../common/pagination';

/** The names of an entity's Date columns: what a keyset list can be ordered by. */
type DateColumn<E> = { [K in keyof E]: E[K] extends Date ? K : never }[keyof E] & string;

/** The order of a keyset list: a date column, then the id, both the same way. */
export interface KeysetOrder<E> {
  column: DateColumn<E>;
  direction: 'ASC' | 'DESC';
}

/**
 * One page of a filtered query, with its total count: newest first (createdAt, id descending) unless `order` names
 * another date column or direction. The query builder carries the filters; this adds the keyset condition, the order
 * and the limit.
 */
export async function paginate<E extends ObjectLiteral & { id: string; createdAt: Date }, N>(
  query: SelectQueryBuilder<E>,
  page: PageArgs,
  map: (row: E) => N,
  order: KeysetOrder<E> = { column: 'createdAt' as DateColumn<E>, direction: 'DESC' },
): Promise<Connection<N>> {
  const alias = query.alias;
  const { column, direction } = order;
  const totalCount = await query.clone().getCount();
  if (page.after) {
    const position = decodeCursor(page.after);
    query.andWhere(`(${alias}.${column}, ${alias}.id) ${direction === 'ASC' ? '>' : '<'} (:afterAt, :afterId)`, {
      afterAt: position.at,
      afterId: position.id,
    });
  }
  const rows = await query
    .orderBy(`${alias}.${column}`, direction)
    .addOrderBy(`${alias}.id`, direction)
    .limit(page.first + 1)
    .getMany();
  return toConnection(rows, page.first, totalCount, page.after !== undefined, map, (row) => ({
    at: row[column],
    id: row.id,
  }));
}
