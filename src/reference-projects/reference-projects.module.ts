import { AuditLogModule } from '../audit-log/audit-log.module';
import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { OrganizationsModule } from '../organizations/organizations.module';
import { ReferenceProjectEntity } from './reference-project.entity';
import { ReferenceProjectsResolver } from './reference-projects.resolver';
import { ReferenceProjectsService } from './reference-projects.service';

@Module({
  imports: [TypeOrmModule.forFeature([ReferenceProjectEntity]), AuditLogModule, OrganizationsModule],
  providers: [ReferenceProjectsService, ReferenceProjectsResolver],
  exports: [ReferenceProjectsService],
})
export class ReferenceProjectsModule {}
