import { AuditLogModule } from '../audit-log/audit-log.module';
import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { OrganizationsModule } from '../organizations/organizations.module';
import { CapabilitiesResolver } from './capabilities.resolver';
import { CapabilitiesService } from './capabilities.service';
import { CapabilityEntity } from './capability.entity';

@Module({
  imports: [TypeOrmModule.forFeature([CapabilityEntity]), AuditLogModule, OrganizationsModule],
  providers: [CapabilitiesService, CapabilitiesResolver],
  exports: [CapabilitiesService],
})
export class CapabilitiesModule {}
