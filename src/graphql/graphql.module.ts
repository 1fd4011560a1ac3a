import { ApolloDriver, ApolloDriverConfig } from '@nestjs/apollo';
import { Logger, Module, OnApplicationBootstrap } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import { GraphQLModule as NestGraphQLModule } from '@nestjs/graphql';
import type { IncomingMessage } from 'node:http';
import { RequestAuthenticator } from '../access/request-authenticator';
import { clientAddressOf, upgradeRequestAddress } from '../access/client-address';
import { TokenService } from '../access/token.service';
import { formatGraphQLError } from '../common/graphql-errors';
import { AppConfig } from '../config/app-config';
import { GraphQLRequestPlugin } from './graphql-request.plugin';
import { GraphQLRequestLogModule } from './graphql-request-log.module';
import { GraphQLContext, RequestLoaders } from './graphql-context';
import { ChargeCost, queryLimitsRule, webSocketOptions } from './query-limits';
import { RequestBudgetModule } from './request-budget.module';
import { RequestBudgetService } from './request-budget.service';
import { queryLimitsOf, securityPlugins } from './security-plugins';
import { limitConnectionsPerAddress, limitWebSocketServer } from './websocket-limits';
import { bearerOf, CLOSE_TOO_MANY, webSocketSessionHooks } from './websocket-sessions';
import type { GraphQLWsSubscriptionsConfig } from '@nestjs/graphql';
import type { WebSocketServer } from 'ws';

/** Charges an operation's cost to the client of its context (the request over HTTP, the upgrade request over WebSocket). */
const chargeOf =
  (budget: RequestBudgetService): ChargeCost =>
  (context, cost) =>
    budget.charge(budget.clientOf((context as GraphQLContext).req), cost);

/** Apollo Server, code-first: the schema is generated from the resolvers and models (see schema.gql). */
@Module({
  imports: [
    NestGraphQLModule.forRootAsync<ApolloDriverConfig>({
      driver: ApolloDriver,
      imports: [RequestBudgetModule, GraphQLRequestLogModule],
      inject: [AppConfig, GraphQLRequestPlugin, RequestAuthenticator, TokenService, RequestBudgetService],
      useFactory: (
        config: AppConfig,
        requestLog: GraphQLRequestPlugin,
        auth: RequestAuthenticator,
        tokens: TokenService,
        budget: RequestBudgetService,
      ): ApolloDriverConfig => ({
        autoSchemaFile: true,
        sortSchema: true,
        path: '/graphql',
        introspection: config.GRAPHQL_INTROSPECTION,
        // Nest's GraphiQL stays off; GRAPHQL_SANDBOX turns on Apollo's local landing page instead (securityPlugins).
        playground: false,
        includeStacktraceInErrorResponses: false,
        formatError: formatGraphQLError,
        // One log line and one duration sample per operation, under its request id (src/observability).
        plugins: [requestLog, ...securityPlugins(config, chargeOf(budget))],
        // The depth limit as a validation rule; the cost limit is a plugin, which knows the variables (docs/SECURITY.md).
        validationRules: [queryLimitsRule(queryLimitsOf(config), { complexity: false })],
        // Subscriptions (notificationAdded) over WebSocket, graphql-ws protocol, on the same path.
        // graphql-ws validates and executes on its own: it gets the same limits and budget, and no introspection when
        // that is off. A socket stays held to its sign-in and has a cap on its subscriptions (websocket-sessions.ts).
        subscriptions: {
          'graphql-ws': {
            ...webSocketOptions(queryLimitsOf(config), config.GRAPHQL_INTROSPECTION, chargeOf(budget)),
            ...webSocketSessionHooks(auth, tokens, config.WS_MAX_SUBSCRIPTIONS_PER_CONNECTION),
          } as GraphQLWsSubscriptionsConfig,
        },
        // Over HTTP the bearer token is a header; over WebSocket it comes in the connection parameters.
        // Sign-ins over WebSocket are throttled by the address of the connection's upgrade request.
        context: ({
          req,
          connectionParams,
          extra,
        }: {
          req?: GraphQLContext['req'];
          connectionParams?: Record<string, unknown>;
          extra?: { request?: IncomingMessage };
        }): GraphQLContext => ({
          req: req ?? {
            headers: { authorization: bearerOf(connectionParams) },
            ip: upgradeRequestAddress(extra?.request, config.TRUST_PROXY),
          },
          loaders: new RequestLoaders(),
        }),
      }),
    }),
  ],
})
export class GraphQLModule implements OnApplicationBootstrap {
  constructor(
    private readonly moduleRef: ModuleRef,
    private readonly config: AppConfig,
  ) {}

  /**
   * One WebSocket message may be no larger than one HTTP body (GRAPHQL_MAX_BODY_BYTES). Nest creates the WebSocket
   * server itself with ws's default of 100 MB and no option to change it; ws reads the limit from its options at each
   * connection, so it is set here, once the server exists. Failing loudly if Nest's internals move is deliberate:
   * test/e2e/security.e2e-spec.ts checks the limit. The cap on connections per address is set here too.
   */
  onApplicationBootstrap(): void {
    const driver = this.moduleRef.get(NestGraphQLModule, { strict: false }).graphQlAdapter as unknown as {
      _subscriptionService?: { wss?: WebSocketServer };
    };
    const server = driver._subscriptionService?.wss;
    if (!server) throw new Error('GraphQL subscriptions: the WebSocket server was not found to limit its message size');
    limitWebSocketServer(server, this.config.GRAPHQL_MAX_BODY_BYTES, new Logger('GraphQLWebSocket'));
    // Counted by the address the sign-in throttle uses for a WebSocket (its upgrade request's).
    const addressOf = (request: IncomingMessage) => clientAddressOf({ ip: upgradeRequestAddress(request, this.config.TRUST_PROXY) });
    limitConnectionsPerAddress(
      server,
      this.config.WS_MAX_CONNECTIONS_PER_ADDRESS,
      addressOf,
      CLOSE_TOO_MANY,
      'Too many connections from this address',
    );
  }
}
