import { Meilisearch } from 'meilisearch';
import { AppConfig } from '../config/app-config';

/** Writes (document batches of several megabytes, task polls during a rebuild) may take far longer than a search. */
const WRITE_TIMEOUT_MS = 120_000;

/**
 * Two clients: searches fail fast (SEARCH_TIMEOUT_MS, then SEARCH_UNAVAILABLE), writes are patient. Both ask for
 * uncompressed responses: with Node's fetch a compressed response stalls every request ~40 ms (delayed ACK; measured
 * in ../shared/STACK.md).
 */
export class MeilisearchWriter extends Meilisearch {}

const options = (config: AppConfig, timeout: number) => ({
  host: config.MEILI_URL ?? '',
  apiKey: config.MEILI_MASTER_KEY,
  requestInit: { headers: { 'accept-encoding': 'identity' } },
  timeout,
});

export const meilisearchProviders = [
  {
    provide: Meilisearch,
    inject: [AppConfig],
    useFactory: (config: AppConfig) => new Meilisearch(options(config, config.SEARCH_TIMEOUT_MS)),
  },
  {
    provide: MeilisearchWriter,
    inject: [AppConfig],
    useFactory: (config: AppConfig) => new MeilisearchWriter(options(config, WRITE_TIMEOUT_MS)),
  },
];
