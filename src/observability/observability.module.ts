import { Global, MiddlewareConsumer, Module, NestModule } from '@nestjs/common';
import { GraphQLRequestPlugin } from './graphql-request.plugin';
import { HealthController } from './health.controller';
import { MetricsController } from './metrics.controller';
import { Metrics } from './metrics.service';
import { ObservabilityRepository } from './observability.repository';
import { ReadinessService } from './readiness.service';
import { RequestIdMiddleware } from './request-id.middleware';

/**
 * Logs, probes and metrics: the request id of every HTTP request, the per-operation GraphQL log line, /health,
 * /ready and /metrics. Global, so any module can record its metrics through `Metrics`. See docs/OBSERVABILITY.md.
 */
@Global()
@Module({
  controllers: [HealthController, MetricsController],
  providers: [Metrics, ObservabilityRepository, ReadinessService, GraphQLRequestPlugin],
  exports: [Metrics, GraphQLRequestPlugin],
})
export class ObservabilityModule implements NestModule {
  configure(consumer: MiddlewareConsumer): void {
    consumer.apply(RequestIdMiddleware).forRoutes('*');
  }
}
