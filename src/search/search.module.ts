import { Global, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { Meilisearch } from 'meilisearch';
import { meilisearchProviders, MeilisearchWriter } from './meilisearch.clients';
import { SearchDocumentBuilder } from './search-document.builder';
import { SearchDocumentsRepository } from './search-documents.repository';
import { SearchSyncJob } from './search-sync.job';
import { SearchRepository } from './search.repository';
import { SearchResolver } from './search.resolver';
import { SearchService } from './search.service';
import { ReindexService } from './reindex.service';
import { NeedEntity } from '../needs/need.entity';
import { OrganizationEntity } from '../organizations/organization.entity';

/** Search: the Meilisearch clients and indexes, the sync job that drains the outbox (src/search-outbox), the search API, reindexing. */
@Global()
@Module({
  imports: [TypeOrmModule.forFeature([NeedEntity, OrganizationEntity])],
  providers: [
    SearchRepository,
    SearchDocumentBuilder,
    SearchDocumentsRepository,
    SearchSyncJob,
    SearchService,
    SearchResolver,
    ReindexService,
    ...meilisearchProviders,
  ],
  exports: [Meilisearch, MeilisearchWriter, SearchRepository, SearchDocumentBuilder, SearchSyncJob, ReindexService],
})
export class SearchModule {}
