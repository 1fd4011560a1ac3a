import { ApolloDriver, ApolloDriverConfig } from '@nestjs/apollo';
import { Module } from '@nestjs/common';
import { GraphQLModule as NestGraphQLModule } from '@nestjs/graphql';
import { formatGraphQLError } from '../common/graphql-errors';
import { AppConfig } from '../config/app-config';
import { OrganizationsModule } from '../organizations/organizations.module';
import { OrganizationsService } from '../organizations/organizations.service';
import { createLoaders, GraphQLContext } from './graphql-context';

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
        context: ({ req }: { req: GraphQLContext['req'] }): GraphQLContext => ({ req, loaders: createLoaders(organizations) }),
      }),
    }),
  ],
})
export class GraphQLModule {}
