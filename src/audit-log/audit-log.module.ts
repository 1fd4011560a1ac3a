import { Module } from '@nestjs/common';
import { AuditLogService } from './audit-log.service';

/** The append-only audit log that every write records into, in its own transaction. */
@Module({
  providers: [AuditLogService],
  exports: [AuditLogService],
})
export class AuditLogModule {}
