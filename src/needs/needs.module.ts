import { AuditModule } from '../audit/audit.module';
import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { OrganizationsModule } from '../organizations/organizations.module';
import { NeedEntity } from './need.entity';
import { NeedDeadlinesJob } from './need-deadlines.job';
import { NeedsResolver } from './needs.resolver';
import { NeedsRepository } from './needs.repository';
import { NeedsService } from './needs.service';

@Module({
  imports: [TypeOrmModule.forFeature([NeedEntity]), AuditModule, OrganizationsModule],
  providers: [NeedsService, NeedsRepository, NeedsResolver, NeedDeadlinesJob],
  exports: [NeedsService, NeedsRepository],
})
export class NeedsModule {}
