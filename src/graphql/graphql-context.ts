import DataLoader from 'dataloader';
import { Actor } from '../access/actor';

/**
 * One request's DataLoaders, so that its field resolvers read in one query per kind, not one per row. This folder
 * only holds them: each domain defines its own (`*.loaders.ts`) and creates it here on first use, under a key of its
 * own. A new registry per request: no cache outlives the request or is shared between callers.
 */
export class RequestLoaders {
  private readonly loaders = new Map<symbol, unknown>();

  /** The request's loader under `key`, made by `create` the first time. A key belongs to one loader file, which alone uses it. */
  get<K, V>(key: symbol, create: () => DataLoader<K, V>): DataLoader<K, V> {
    let loader = this.loaders.get(key) as DataLoader<K, V> | undefined;
    if (!loader) {
      loader = create();
      this.loaders.set(key, loader);
    }
    return loader;
  }

  /**
   * The request's loader under `key` of rows by id, each batch read by `read`; null for an id it did not return (no
   * such row, or one the caller may not see): a related object the reader may not see is null, not an error.
   */
  byId<V>(key: symbol, read: (ids: readonly string[]) => Promise<Map<string, V>>): DataLoader<string, V | null> {
    return this.get(
      key,
      () =>
        new DataLoader<string, V | null>(async (ids) => {
          const found = await read(ids);
          return ids.map((id) => found.get(id) ?? null);
        }),
    );
  }
}

export interface GraphQLContext {
  /** `requestId`: set for every HTTP request (src/observability), so whatever logs can name the request. */
  req: { headers: Record<string, string | string[] | undefined>; ip?: string; actor?: Actor | null; requestId?: string };
  loaders: RequestLoaders;
}
