import { Global, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { Meilisearch } from 'meilisearch';
import { meilisearchProviders, MeilisearchWriter } from './meilisearch.providers';
import { SearchDocumentService } from './search-document.service';
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
    SearchDocumentService,
    SearchDocumentsRepository,
    SearchSyncJob,
    SearchService,
    SearchResolver,
    ReindexService,
    ...meilisearchProviders,
  ],
  exports: [Meilisearch, MeilisearchWriter, SearchRepository, SearchDocumentService, SearchSyncJob, ReindexService],
})
export class SearchModule {}
