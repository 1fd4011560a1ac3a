import { AuditLogModule } from '../audit-log/audit-log.module';
import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { OrganizationEntity } from './organization.entity';
import { OrganizationLoaders } from './organization.loaders';
import { HostInstitutionResolver, OrganizationsResolver } from './organizations.resolver';
import { OrganizationsService } from './organizations.service';

@Module({
  imports: [TypeOrmModule.forFeature([OrganizationEntity]), AuditLogModule],
  providers: [OrganizationsService, OrganizationsResolver, HostInstitutionResolver, OrganizationLoaders],
  exports: [OrganizationsService, OrganizationLoaders],
})
export class OrganizationsModule {}
