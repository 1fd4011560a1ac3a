/** The machine-readable codes a client can branch on; each becomes `extensions.code` of a GraphQL error. */
export enum ErrorCode {
  BadUserInput = 'BAD_USER_INPUT',
  Unauthenticated = 'UNAUTHENTICATED',
  Forbidden = 'FORBIDDEN',
  NotFound = 'NOT_FOUND',
  Conflict = 'CONFLICT',
  SearchUnavailable = 'SEARCH_UNAVAILABLE',
  TooManyRequests = 'TOO_MANY_REQUESTS',
}

/** The one exception type of the domain. `field` names the offending input field for BAD_USER_INPUT. */
export class DomainError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly field?: string,
    /** More machine-readable detail for the client, e.g. `retryAfterSeconds` of TOO_MANY_REQUESTS. */
    readonly extensions?: Record<string, unknown>,
  ) {
    super(message);
    this.name = 'DomainError';
  }

  static badInput(field: string, message: string): DomainError {
    return new DomainError(ErrorCode.BadUserInput, message, field);
  }

  static notFound(what: string, id: string): DomainError {
    return new DomainError(ErrorCode.NotFound, `${what} ${id} does not exist or is not visible to you`);
  }

  static forbidden(message: string): DomainError {
    return new DomainError(ErrorCode.Forbidden, message);
  }

  static conflict(message: string): DomainError {
    return new DomainError(ErrorCode.Conflict, message);
  }

  /** Refused for now (e.g. sign-in locked after failures); the client may retry after `retryAfterSeconds`. */
  static tooManyRequests(message: string, retryAfterSeconds: number): DomainError {
    return new DomainError(ErrorCode.TooManyRequests, message, undefined, { retryAfterSeconds });
  }

  static unauthenticated(message = 'Sign in first: this needs a valid bearer token'): DomainError {
    return new DomainError(ErrorCode.Unauthenticated, message);
  }
}
