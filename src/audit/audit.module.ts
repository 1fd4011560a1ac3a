import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditEntryEntity } from '../audit-log/audit-entry.entity';
import { AuditResolver } from './audit.resolver';
import { AuditTrailService } from './audit-trail.service';

/** The `auditTrail` query: the audit log as its reader may see it. */
@Module({
  imports: [TypeOrmModule.forFeature([AuditEntryEntity])],
  providers: [AuditTrailService, AuditResolver],
})
export class AuditModule {}
