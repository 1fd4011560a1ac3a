import { Module } from '@nestjs/common';
import { AuditLogModule } from '../audit-log/audit-log.module';
import { MatchesModule } from '../matches/matches.module';
import { MatchingModule } from '../matching/matching.module';
import { DemoSeedService } from './demo-seed.service';
import { DemoResolver } from './demo.resolver';

@Module({
  imports: [AuditLogModule, MatchesModule, MatchingModule],
  providers: [DemoSeedService, DemoResolver],
  exports: [DemoSeedService],
})
export class DemoSeedModule {}
