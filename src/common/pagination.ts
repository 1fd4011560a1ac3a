import { Type } from '@nestjs/common';
import { ArgsType, Field, Int, ObjectType } from '@nestjs/graphql';
import { IsInt, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';
import { DomainError } from './domain-error';

export const MAX_PAGE_SIZE = 100;

@ArgsType()
export class PageArgs {
  @Field(() => Int, { defaultValue: 20, description: `How many items to return (1 to ${MAX_PAGE_SIZE}).` })
  @IsInt()
  @Min(1)
  @Max(MAX_PAGE_SIZE)
  first: number = 20;

  @Field({ nullable: true, description: 'Return the items after this cursor (the endCursor of the previous page).' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  after?: string;
}

@ObjectType({ description: 'Where a page sits in its list (Relay cursor connections).' })
export class PageInfo {
  @Field({ description: 'Whether more items follow this page.' })
  hasNextPage: boolean;

  @Field({ description: 'Whether items precede this page.' })
  hasPreviousPage: boolean;

  @Field(() => String, { nullable: true, description: 'Cursor of the first item of the page.' })
  startCursor: string | null;

  @Field(() => String, { nullable: true, description: 'Cursor of the last item of the page; pass it as `after` for the next page.' })
  endCursor: string | null;
}

export interface Edge<T> {
  cursor: string;
  node: T;
}

export interface Connection<T> {
  edges: Edge<T>[];
  pageInfo: PageInfo;
  totalCount: number;
}

/** Builds the `XConnection` and `XEdge` GraphQL types for a node type. */
export function ConnectionType<T>(node: Type<T>, nodeName: string): Type<Connection<T>> {
  @ObjectType(`${nodeName}Edge`, { description: `One ${nodeName} in a list, with its cursor.` })
  class EdgeType {
    @Field({ description: 'Opaque position of this item in the list.' })
    cursor: string;

    @Field(() => node, { description: `The ${nodeName}.` })
    node: T;
  }

  @ObjectType(`${nodeName}Connection`, { description: `A page of ${nodeName} items (Relay cursor connection).` })
  class ConnectionClass {
    @Field(() => [EdgeType], { description: 'The items of this page.' })
    edges: EdgeType[];

    @Field(() => PageInfo, { description: 'Where this page sits in the list.' })
    pageInfo: PageInfo;

    @Field(() => Int, { description: 'Number of items in the whole list, across pages, with the same filters.' })
    totalCount: number;
  }
  return ConnectionClass;
}

/**
 * Keyset cursor over (a date column, id) — createdAt for most lists, or the column a list is ordered by (an activity's
 * startsAt): stable while rows are added, and cheap at any depth. Those columns have millisecond precision so a
 * JavaScript Date round-trips exactly.
 */
export interface KeysetPosition {
  at: Date;
  id: string;
}

export function encodeCursor(position: KeysetPosition): string {
  return Buffer.from(JSON.stringify([position.at.toISOString(), position.id])).toString('base64url');
}

export function decodeCursor(cursor: string): KeysetPosition {
  try {
    const [at, id] = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as [string, string];
    const date = new Date(at);
    if (typeof id !== 'string' || Number.isNaN(date.getTime())) throw new Error('malformed');
    return { at: date, id };
  } catch {
    throw DomainError.badInput('after', 'is not a cursor returned by this list');
  }
}

/** Turns `first + 1` rows fetched after a cursor into a page; `positionOf` gives a row's place in the list's order. */
export function toConnection<E, N>(
  rows: E[],
  first: number,
  totalCount: number,
  hasPrevious: boolean,
  map: (row: E) => N,
  positionOf: (row: E) => KeysetPosition,
): Connection<N> {
  const page = rows.slice(0, first);
  const edges = page.map((row) => ({ cursor: encodeCursor(positionOf(row)), node: map(row) }));
  return {
    edges,
    totalCount,
    pageInfo: {
      hasNextPage: rows.length > first,
      hasPreviousPage: hasPrevious,
      startCursor: edges[0]?.cursor ?? null,
      endCursor: edges.at(-1)?.cursor ?? null,
    },
  };
}

/** Offset cursors, for lists ordered by something other than creation (search relevance, review-queue order). */
export function encodeOffset(offset: number): string {
  return Buffer.from(`offset:${offset}`).toString('base64url');
}

export function decodeOffset(cursor: string | undefined): number {
  if (cursor === undefined) return 0;
  const match = /^offset:(\d{1,7})$/.exec(Buffer.from(cursor, 'base64url').toString('utf8'));
  if (!match) throw DomainError.badInput('after', 'is not a cursor returned by this list');
  return Number(match[1]);
}

/** A page of `first + 1` items fetched from `offset`. */
export function toOffsetConnection<N>(items: N[], first: number, totalCount: number, offset: number): Connection<N> {
  const page = items.slice(0, first);
  const edges = page.map((node, i) => ({ cursor: encodeOffset(offset + i + 1), node }));
  return {
    edges,
    totalCount,
    pageInfo: {
      hasNextPage: items.length > first,
      hasPreviousPage: offset > 0,
      startCursor: edges[0]?.cursor ?? null,
      endCursor: edges.at(-1)?.cursor ?? null,
    },
  };
}
