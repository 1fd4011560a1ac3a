import { AuditModule } from '../audit/audit.module';
import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { OrganizationsModule } from '../organizations/organizations.module';
import { ReferenceProjectEntity } from './reference-project.entity';
import { ReferenceProjectsResolver } from './reference-projects.resolver';
import { ReferenceProjectsService } from './reference-projects.service';

@Module({
  imports: [TypeOrmModule.forFeature([ReferenceProjectEntity]), AuditModule, OrganizationsModule],
  providers: [ReferenceProjectsService, ReferenceProjectsResolver],
  exports: [ReferenceProjectsService],
})
export class ReferenceProjectsModule {}
