import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditLogModule } from '../audit-log/audit-log.module';
import { OrganizationsModule } from '../organizations/organizations.module';
import { ProgrammeEntity, ProgrammeMemberEntity } from './programme.entity';
import { ProgrammeLoaders } from './programme.loaders';
import { ProgrammesResolver } from './programmes.resolver';
import { ProgrammesService } from './programmes.service';

@Module({
  imports: [TypeOrmModule.forFeature([ProgrammeEntity, ProgrammeMemberEntity]), AuditLogModule, OrganizationsModule],
  providers: [ProgrammesService, ProgrammesResolver, ProgrammeLoaders],
  exports: [ProgrammesService, ProgrammeLoaders],
})
export class ProgrammesModule {}
