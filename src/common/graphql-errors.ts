import { Logger } from '@nestjs/common';
import { GraphQLError, GraphQLFormattedError } from 'graphql';
import { randomUUID } from 'node:crypto';
import { retryableDatabaseError } from './database-errors';
import { DomainError, ErrorCode } from './domain-error';

const logger = new Logger('GraphQLErrors');

/** HTTP-ish status each code stands for; kept beside the code so the switch below stays exhaustive. */
function describeCode(code: ErrorCode): { http: number } {
  switch (code) {
    case ErrorCode.BadUserInput:
      return { http: 400 };
    case ErrorCode.Unauthenticated:
      return { http: 401 };
    case ErrorCode.Forbidden:
      return { http: 403 };
    case ErrorCode.NotFound:
      return { http: 404 };
    case ErrorCode.Conflict:
      return { http: 409 };
    case ErrorCode.SearchUnavailable:
      return { http: 503 };
    case ErrorCode.TooManyRequests:
      return { http: 429 };
  }
}

export function domainErrorToGraphQL(error: DomainError): GraphQLError {
  const { http } = describeCode(error.code);
  return new GraphQLError(error.message, {
    extensions: { code: error.code, status: http, ...(error.field ? { field: error.field } : {}), ...error.extensions },
  });
}

/** Codes produced by GraphQL/Apollo themselves for malformed requests: safe to show as they are. */
const REQUEST_ERROR_CODES = new Set([
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'BAD_USER_INPUT',
  'PERSISTED_QUERY_NOT_FOUND',
  'PERSISTED_QUERY_NOT_SUPPORTED',
  'OPERATION_RESOLUTION_FAILURE',
  'BAD_REQUEST',
]);
const DOMAIN_CODES = new Set<string>(Object.values(ErrorCode));

/**
 * Codes of the query limits (src/graphql/query-limits.ts). They are validation rules, so Apollo files their errors
 * under GRAPHQL_VALIDATION_FAILED (HTTP 400); formatGraphQLError gives them their own code back.
 */
export const QUERY_LIMIT_CODES = {
  tooDeep: 'QUERY_TOO_DEEP',
  tooComplex: 'QUERY_TOO_COMPLEX',
  tooManyRootFields: 'QUERY_TOO_MANY_ROOT_FIELDS',
} as const;
const LIMIT_CODES = new Set<string>(Object.values(QUERY_LIMIT_CODES));

/**
 * Apollo's last word on every error: domain and request errors pass through; anything else is logged with a
 * correlation id and replaced by INTERNAL_SERVER_ERROR carrying that id, so no SQL, stack or secret reaches a client.
 * A deadlock or serialization failure is the exception: it becomes CONFLICT (retryableDatabaseError).
 */
export function formatGraphQLError(formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError {
  const original = error instanceof GraphQLError && error.originalError ? error.originalError : error;
  const domain = original instanceof DomainError ? original : retryableDatabaseError(original);
  if (domain) {
    if (domain !== original) logger.warn(`path=${formatted.path?.join('.') ?? '-'} ${domain.message}`);
    const mapped = domainErrorToGraphQL(domain);
    return { message: mapped.message, locations: formatted.locations, path: formatted.path, extensions: mapped.extensions };
  }
  const limitCode = original instanceof GraphQLError ? original.extensions?.code : undefined;
  if (typeof limitCode === 'string' && LIMIT_CODES.has(limitCode)) {
    const { stacktrace: _dropped, ...extensions } = formatted.extensions ?? {};
    return { ...formatted, extensions: { ...extensions, code: limitCode } };
  }
  const code = formatted.extensions?.code;
  const isOwnGraphQLError = original instanceof GraphQLError || (error instanceof GraphQLError && !error.originalError);
  if (typeof code === 'string' && (DOMAIN_CODES.has(code) || REQUEST_ERROR_CODES.has(code)) && isOwnGraphQLError) {
    const { stacktrace: _dropped, ...extensions } = formatted.extensions ?? {};
    return { ...formatted, extensions };
  }
  const correlationId = randomUUID();
  const detail = original instanceof Error ? (original.stack ?? original.message) : String(original);
  logger.error(`correlationId=${correlationId} path=${formatted.path?.join('.') ?? '-'} ${detail}`);
  return {
    message: `Internal server error (correlation id ${correlationId})`,
    locations: formatted.locations,
    path: formatted.path,
    extensions: { code: 'INTERNAL_SERVER_ERROR', correlationId },
  };
}
