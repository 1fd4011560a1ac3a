import { Catch } from '@nestjs/common';
import { GqlExceptionFilter } from '@nestjs/graphql';
import { GraphQLError } from 'graphql';
import { DomainError } from './domain-error';
import { domainErrorToGraphQL } from './graphql-errors';

/** Expected refusals are answers, not failures: hand them to GraphQL as coded errors, without an error log line. */
@Catch(DomainError)
export class DomainErrorFilter implements GqlExceptionFilter {
  catch(error: DomainError): GraphQLError {
    return domainErrorToGraphQL(error);
  }
}
