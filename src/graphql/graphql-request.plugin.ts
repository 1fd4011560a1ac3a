// The ESM declarations, as @nestjs/apollo (ESM) uses them: the CommonJS ones are a distinct, incompatible copy.
import type { ApolloServerPlugin, GraphQLRequestContext, GraphQLRequestListener } from '@apollo/server' with {
  'resolution-mode': 'import',
};
import { Injectable, Logger } from '@nestjs/common';
import { performance } from 'node:perf_hooks';
import { GraphQLContext } from './graphql-context';
import { GRAPHQL_NAME, MetricsService, OperationType } from '../observability/metrics.service';
import { REQUEST_ID_HEADER, requestIdFrom } from '../observability/request-scope';

/**
 * Apollo plugin: one log line and one histogram sample per GraphQL operation over HTTP — request id, operation name
 * and type, duration, the caller, and the error codes the client received. Never the query text or its variables
 * (they may hold passwords).
 */
@Injectable()
export class GraphQLRequestPlugin implements ApolloServerPlugin<GraphQLContext> {
  private readonly logger = new Logger('GraphQL');

  constructor(private readonly metrics: MetricsService) {}

  async requestDidStart({
    request,
    response,
    contextValue,
  }: GraphQLRequestContext<GraphQLContext>): Promise<GraphQLRequestListener<GraphQLContext>> {
    const started = performance.now();
    const req = contextValue.req;
    // RequestIdMiddleware has normally given the HTTP request its id; this covers a request that bypassed it.
    const requestId = req.requestId ?? requestIdFrom(request.http?.headers.get(REQUEST_ID_HEADER));
    req.requestId = requestId;
    response.http.headers.set(REQUEST_ID_HEADER, requestId);
    return {
      willSendResponse: async ({ operation, operationName, response: sent }) => {
        const durationMs = performance.now() - started;
        const errors =
          sent.body.kind === 'single'
            ? (sent.body.singleResult.errors ?? []).map((e) => (typeof e.extensions?.code === 'string' ? e.extensions.code : 'UNKNOWN'))
            : [];
        const type = (operation?.operation as OperationType | undefined) ?? 'unknown';
        // The client's words: only a well-formed GraphQL name reaches the log.
        const candidate = operationName ?? request.operationName;
        const name = candidate && GRAPHQL_NAME.test(candidate) ? candidate : null;
        this.metrics.observeOperation(name, type, errors.length > 0 ? 'error' : 'ok', durationMs / 1000);
        this.logger.log({
          msg: 'graphql',
          requestId,
          operationName: name,
          operationType: type,
          durationMs: Math.round(durationMs * 10) / 10,
          ...(req.actor ? { userId: req.actor.userId } : {}),
          ...(errors.length > 0 ? { errors } : {}),
        });
      },
    };
  }
}
