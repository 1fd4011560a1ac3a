import { Global, Module } from '@nestjs/common';
import { SearchOutboxService } from './search-outbox.service';
import { SearchOutboxRepository } from './search-outbox.repository';

/**
 * The search indexes' transactional outbox, below every domain that writes indexed rows: they record changes here,
 * and search (which reads the domains to build documents) drains it. It imports no domain.
 */
@Global()
@Module({ providers: [SearchOutboxService, SearchOutboxRepository], exports: [SearchOutboxService, SearchOutboxRepository] })
export class SearchOutboxModule {}
