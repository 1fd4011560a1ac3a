import { AsyncLocalStorage } from 'node:async_hooks';
import { randomUUID } from 'node:crypto';

/** What every log line written while serving one HTTP request carries. */
export interface RequestScope {
  requestId: string;
}

/**
 * The request being served, for whatever logs during it (resolvers, the error formatter, repositories): the logger
 * reads it, so no call site has to pass the id along.
 */
export const requestScope = new AsyncLocalStorage<RequestScope>();

export const REQUEST_ID_HEADER = 'x-request-id';

/** A caller's id is kept only when it is a short plain token: it lands in logs and headers verbatim. */
const SANE_REQUEST_ID = /^[A-Za-z0-9._-]{1,100}$/;

/** The caller's `x-request-id` when it is sane, else a fresh UUID. */
export function requestIdFrom(header: unknown): string {
  const value: unknown = Array.isArray(header) ? header[0] : header;
  return typeof value === 'string' && SANE_REQUEST_ID.test(value) ? value : randomUUID();
}
