import { DomainError, ErrorCode } from './domain-error';

/** The HTTP status of a domain refusal, for the few endpoints outside GraphQL (file downloads). */
const STATUS: Record<ErrorCode, number> = {
  [ErrorCode.BadUserInput]: 400,
  [ErrorCode.Unauthenticated]: 401,
  [ErrorCode.Forbidden]: 403,
  [ErrorCode.NotFound]: 404,
  [ErrorCode.Conflict]: 409,
  [ErrorCode.SearchUnavailable]: 503,
  [ErrorCode.TooManyRequests]: 429,
};

/** Status and JSON body (`code`, `message`, and `field` when there is one) for a refusal; null for anything else. */
export function httpRefusal(error: unknown): { status: number; body: { code: string; message: string; field?: string } } | null {
  if (!(error instanceof DomainError)) return null;
  return {
    status: STATUS[error.code],
    body: { code: error.code, message: error.message, ...(error.field ? { field: error.field } : {}) },
  };
}
