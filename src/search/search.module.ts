import { Global, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { Meilisearch } from 'meilisearch';
import { meilisearchProviders, MeilisearchWriter } from './meilisearch.clients';
import { SearchDocumentBuilder } from './search-document.builder';
import { SearchOutbox } from './search-outbox.service';
import { SearchSyncJob } from './search-sync.job';
import { SearchRepository } from './search.repository';
import { SearchResolver } from './search.resolver';
import { SearchService } from './search.service';
import { ReindexService } from './reindex.service';
import { NeedEntity } from '../needs/need.entity';
import { OrganizationEntity } from '../organizations/organization.entity';

/** Search: the Meilisearch clients and indexes, the outbox and its sync job, the search API, reindexing. */
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
    ...meilisearchProviders,
  ],
  exports: [Meilisearch, MeilisearchWriter, SearchRepository, SearchOutbox, SearchDocumentBuilder, SearchSyncJob, ReindexService],
})
export class SearchModule {}
