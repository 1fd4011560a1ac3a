import { Module } from '@nestjs/common';
import { GraphQLRequestPlugin } from './graphql-request.plugin';

/** The per-operation GraphQL log line and metrics (an Apollo plugin), for the GraphQL module's factory to inject. */
@Module({ providers: [GraphQLRequestPlugin], exports: [GraphQLRequestPlugin] })
export class GraphQLRequestLogModule {}
