import { Module } from '@nestjs/common';
import { HealthController } from './health.controller';
import { ReadinessService } from './readiness.service';

/**
 * /health and /ready. Readiness asks every outside system the app needs (PostgreSQL, Meilisearch, the job queue), so
 * it sits above them all in the layer map (docs/ARCHITECTURE.md) rather than in src/observability.
 */
@Module({
  controllers: [HealthController],
  providers: [ReadinessService],
})
export class HealthModule {}
