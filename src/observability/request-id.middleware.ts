import { Injectable, NestMiddleware } from '@nestjs/common';
import { IncomingMessage, ServerResponse } from 'node:http';
import { REQUEST_ID_HEADER, requestIdFrom, requestScope } from './request-scope';

export type RequestWithId = IncomingMessage & { requestId?: string };

/**
 * Gives every HTTP request an id (the caller's sane `x-request-id`, or a fresh one), answers it in the same header,
 * keeps it on the request, and serves the rest of the request inside its scope so every log line carries it.
 */
@Injectable()
export class RequestIdMiddleware implements NestMiddleware {
  use(req: RequestWithId, res: ServerResponse, next: () => void): void {
    const requestId = requestIdFrom(req.headers[REQUEST_ID_HEADER]);
    req.requestId = requestId;
    res.setHeader(REQUEST_ID_HEADER, requestId);
    requestScope.run({ requestId }, next);
  }
}
