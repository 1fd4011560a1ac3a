import { Global, MiddlewareConsumer, Module, NestModule } from '@nestjs/common';
import { MetricsController } from './metrics.controller';
import { MetricsService } from './metrics.service';
import { ObservabilityRepository } from './observability.repository';
import { RequestIdMiddleware } from './request-id.middleware';

/**
 * Logs, probes and metrics: the request id of every HTTP request and /metrics (the per-operation GraphQL log line is
 * src/graphql's, /health and /ready src/health's). Global, so any module can record its metrics through `MetricsService`. See docs/OBSERVABILITY.md.
 */
@Global()
@Module({
  controllers: [MetricsController],
  providers: [MetricsService, ObservabilityRepository],
  exports: [MetricsService, ObservabilityRepository],
})
export class ObservabilityModule implements NestModule {
  configure(consumer: MiddlewareConsumer): void {
    consumer.apply(RequestIdMiddleware).forRoutes('*');
  }
}
