import { QueryFailedError } from 'typeorm';
import { DomainError, ErrorCode } from './domain-error';

/**
 * PostgreSQL's deadlock_detected (40P01) and serialization_failure (40001): the database rolled the whole transaction
 * back because another one ran at the same time. Nothing was written and the same request may simply be sent again.
 */
const RETRYABLE_SQLSTATES: Record<string, string> = { '40P01': 'deadlock_detected', '40001': 'serialization_failure' };

/**
 * The CONFLICT (with `retryable: true`) a deadlock or serialization failure stands for, or undefined for any other
 * error: formatGraphQLError answers it instead of an INTERNAL_SERVER_ERROR.
 */
export function retryableDatabaseError(error: unknown): DomainError | undefined {
  const sqlState: unknown = error instanceof QueryFailedError ? (error.driverError as { code?: unknown } | undefined)?.code : undefined;
  if (typeof sqlState !== 'string' || !Object.hasOwn(RETRYABLE_SQLSTATES, sqlState)) return undefined;
  return new DomainError(
    ErrorCode.Conflict,
    `Another change to the same data ran at the same time (${RETRYABLE_SQLSTATES[sqlState]}); nothing was saved: send the request again`,
    undefined,
    {
      retryable: true,
    },
  );
}

/** PostgreSQL's unique_violation (23505): a row with the same unique key exists. */
export const isUniqueViolation = (error: unknown): boolean =>
  error instanceof QueryFailedError && (error.driverError as { code?: string } | undefined)?.code === '23505';
