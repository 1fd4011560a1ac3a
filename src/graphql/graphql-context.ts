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
}

export interface GraphQLContext {
  /** `requestId`: set for every HTTP request (src/observability), so whatever logs can name the request. */
  req: { headers: Record<string, string | string[] | undefined>; ip?: string; actor?: Actor | null; requestId?: string };
  loaders: RequestLoaders;
}
