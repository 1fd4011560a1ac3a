import { Global, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { Meilisearch } from 'meilisearch';
import { AppConfig } from '../config/app-config';
import { SearchDocumentBuilder } from './search-document.builder';
import { SearchOutbox } from './search-outbox.service';
import { SearchSyncJob } from './search-sync.job';
import { SearchRepository } from './search.repository';
import { SearchResolver } from './search.resolver';
import { SearchService } from './search.service';
import { ReindexService } from './reindex.service';
import { NeedEntity } from '../needs/need.entity';
import { OrganizationEntity } from '../organizations/organization.entity';

/**
 * The Meilisearch client. `accept-encoding: identity` because compressed responses stall every search ~40 ms on
 * Node's fetch (delayed ACK; measured in STACK.md).
 */
@Global()
@Module({
  imports: [TypeOrmModule.forFeature([NeedEntity, OrganizationEntity])],
  providers: [
    SearchRepository,
    SearchDocumentBuilder,
    SearchOutbox,
    SearchSyncJob,
    SearchService,
    SearchResolver,
    ReindexService,
    {
      provide: Meilisearch,
      inject: [AppConfig],
      useFactory: (config: AppConfig) =>
        new Meilisearch({
          host: config.MEILI_URL ?? '',
          apiKey: config.MEILI_MASTER_KEY,
          requestInit: { headers: { 'accept-encoding': 'identity' } },
          timeout: config.SEARCH_TIMEOUT_MS,
        }),
    },
  ],
  exports: [Meilisearch, SearchRepository, SearchOutbox, SearchDocumentBuilder, SearchSyncJob, ReindexService],
})
export class SearchModule {}
