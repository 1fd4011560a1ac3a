import { AuditModule } from '../audit/audit.module';
import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { OrganizationsModule } from '../organizations/organizations.module';
import { CapabilitiesResolver } from './capabilities.resolver';
import { CapabilitiesService } from './capabilities.service';
import { CapabilityEntity } from './capability.entity';

@Module({
  imports: [TypeOrmModule.forFeature([CapabilityEntity]), AuditModule, OrganizationsModule],
  providers: [CapabilitiesService, CapabilitiesResolver],
  exports: [CapabilitiesService],
})
export class CapabilitiesModule {}
