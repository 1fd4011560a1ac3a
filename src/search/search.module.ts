import { Global, Module } from '@nestjs/common';
import { Meilisearch } from 'meilisearch';
import { AppConfig } from '../config/app-config';

/**
 * The Meilisearch client. `accept-encoding: identity` because compressed responses stall every search ~40 ms on
 * Node's fetch (delayed ACK; measured in STACK.md).
 */
@Global()
@Module({
  providers: [
    {
      provide: Meilisearch,
      inject: [AppConfig],
      useFactory: (config: AppConfig) =>
        new Meilisearch({
          host: config.MEILI_URL ?? '',
          apiKey: config.MEILI_MASTER_KEY,
          requestInit: { headers: { 'accept-encoding': 'identity' } },
          timeout: 5000,
        }),
    },
  ],
  exports: [Meilisearch],
})
export class SearchModule {}
