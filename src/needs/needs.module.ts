import { AuditLogModule } from '../audit-log/audit-log.module';
import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { OrganizationsModule } from '../organizations/organizations.module';
import { NeedEntity } from './need.entity';
import { NeedDeadlinesJob } from './need-deadlines.job';
import { NeedsResolver } from './needs.resolver';
import { NeedsRepository } from './needs.repository';
import { NeedsService } from './needs.service';
import { NeedLoaders } from './need.loaders';

@Module({
  imports: [TypeOrmModule.forFeature([NeedEntity]), AuditLogModule, OrganizationsModule],
  providers: [NeedsService, NeedsRepository, NeedsResolver, NeedDeadlinesJob, NeedLoaders],
  exports: [NeedsService, NeedsRepository, NeedLoaders],
})
export class NeedsModule {}
