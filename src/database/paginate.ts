import { ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import { Connection, decodeCursor, KeysetPosition, PageArgs, toConnection } from '../common/pagination';

/**
 * One page of a filtered query, newest first, with its total count. The query builder carries the filters; this
 * adds the keyset condition, the order and the limit.
 */
export async function paginate<E extends ObjectLiteral & KeysetPosition, N>(
  query: SelectQueryBuilder<E>,
  page: PageArgs,
  map: (row: E) => N,
): Promise<Connection<N>> {
  const alias = query.alias;
  const totalCount = await query.clone().getCount();
  if (page.after) {
    const position = decodeCursor(page.after);
    query.andWhere(`(${alias}.createdAt, ${alias}.id) < (:afterCreatedAt, :afterId)`, {
      afterCreatedAt: position.createdAt,
      afterId: position.id,
    });
  }
  const rows = await query
    .orderBy(`${alias}.createdAt`, 'DESC')
    .addOrderBy(`${alias}.id`, 'DESC')
    .limit(page.first + 1)
    .getMany();
  return toConnection(rows, page.first, totalCount, page.after !== undefined, map);
}
