import { ApolloDriver, ApolloDriverConfig } from '@nestjs/apollo';
import { Module } from '@nestjs/common';
import { GraphQLModule as NestGraphQLModule } from '@nestjs/graphql';
import { formatGraphQLError } from '../common/graphql-errors';
import { AppConfig } from '../config/app-config';
import { OrganizationsModule } from '../organizations/organizations.module';
import { OrganizationsService } from '../organizations/organizations.service';
import { createLoaders, GraphQLContext } from './graphql-context';

function bearerOf(params: Record<string, unknown> | undefined): string | undefined {
  const value = params?.authorization ?? params?.Authorization;
  return typeof value === 'string' ? value : undefined;
}

/** Apollo Server, code-first: the schema is generated from the resolvers and models (see schema.gql). */
@Module({
  imports: [
    NestGraphQLModule.forRootAsync<ApolloDriverConfig>({
      driver: ApolloDriver,
      imports: [OrganizationsModule],
      inject: [AppConfig, OrganizationsService],
      useFactory: (config: AppConfig, organizations: OrganizationsService): ApolloDriverConfig => ({
        autoSchemaFile: true,
        sortSchema: true,
        path: '/graphql',
        introspection: config.GRAPHQL_INTROSPECTION,
        playground: false,
        includeStacktraceInErrorResponses: false,
        formatError: formatGraphQLError,
        // Subscriptions (notificationAdded) over WebSocket, graphql-ws protocol, on the same path.
        subscriptions: { 'graphql-ws': true },
        // Over HTTP the bearer token is a header; over WebSocket it comes in the connection parameters.
        context: ({ req, connectionParams }: { req?: GraphQLContext['req']; connectionParams?: Record<string, unknown> }): GraphQLContext => ({
          req: req ?? { headers: { authorization: bearerOf(connectionParams) } },
          loaders: createLoaders(organizations),
        }),
      }),
    }),
  ],
})
export class GraphQLModule {}
