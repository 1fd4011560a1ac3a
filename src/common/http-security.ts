import { Logger } from '@nestjs/common';
import { NestExpressApplication } from '@nestjs/platform-express';
import helmet from 'helmet';
import { randomUUID } from 'node:crypto';
import { IncomingMessage, ServerResponse } from 'node:http';
import { AppConfig, parseCorsOrigins } from '../config/app-config';

const logger = new Logger('Http');

/** What Apollo's local landing page (GRAPHQL_SANDBOX) loads: its scripts, images and manifest, and the sandbox frame. */
const LANDING_PAGE_CDN = 'https://apollo-server-landing-page.cdn.apollographql.com';
const SANDBOX_SOURCES = {
  scriptSrc: [
    "'self'",
    "'unsafe-inline'",
    LANDING_PAGE_CDN,
    'https://embeddable-sandbox.cdn.apollographql.com',
    'https://embeddable-explorer.cdn.apollographql.com',
  ],
  imgSrc: ["'self'", 'data:', LANDING_PAGE_CDN],
  manifestSrc: ["'self'", LANDING_PAGE_CDN],
  frameSrc: ["'self'", 'https://sandbox.embed.apollographql.com', 'https://explorer.embed.apollographql.com'],
};

/**
 * Express settings in front of everything else: which client address to believe (TRUST_PROXY), security headers
 * (helmet; its default Content-Security-Policy, widened for the Apollo landing page only when GRAPHQL_SANDBOX is on),
 * and CORS for the origins of CORS_ORIGINS only, without credentials. Call before the body parser.
 */
export function applyHttpSecurity(app: NestExpressApplication, config: AppConfig): void {
  app.set('trust proxy', config.TRUST_PROXY);
  app.disable('x-powered-by');
  app.use(helmet({ contentSecurityPolicy: config.GRAPHQL_SANDBOX ? { directives: SANDBOX_SOURCES } : undefined }));
  const origins = parseCorsOrigins(config.CORS_ORIGINS);
  if (origins === '*' || origins.length > 0) {
    app.enableCors({
      origin: origins === '*' ? '*' : origins,
      credentials: false,
      methods: ['GET', 'POST'],
      allowedHeaders: ['content-type', 'authorization', 'apollo-require-preflight', 'x-request-id'],
      // A browser client can quote the request id of a failed call (it is in the server's log line).
      exposedHeaders: ['x-request-id'],
      maxAge: 600,
    });
  }
}

interface ParserError {
  status?: number;
  type?: string;
}

function answer(res: ServerResponse, status: number, code: string, message: string, extensions: Record<string, unknown> = {}): void {
  res.statusCode = status;
  res.setHeader('content-type', 'application/json; charset=utf-8');
  res.end(JSON.stringify({ errors: [{ message, extensions: { code, ...extensions } }] }));
}

/**
 * Express error handler for what fails before GraphQL sees the request (the body parser: too large, not JSON): a JSON
 * answer shaped like a GraphQL error, instead of Express's HTML page (which shows a stack outside production). Register
 * right after the body parser.
 */
export function requestErrorHandler(config: AppConfig) {
  return (error: unknown, _req: IncomingMessage, res: ServerResponse, next: (error?: unknown) => void): void => {
    if (res.headersSent) return next(error);
    const { status, type } = (typeof error === 'object' && error !== null ? error : {}) as ParserError;
    if (status === 413) {
      return answer(res, 413, 'PAYLOAD_TOO_LARGE', `The request body is larger than the limit of ${config.GRAPHQL_MAX_BODY_BYTES} bytes`, {
        maxBytes: config.GRAPHQL_MAX_BODY_BYTES,
      });
    }
    if (type === 'entity.parse.failed') return answer(res, 400, 'BAD_REQUEST', 'The request body is not valid JSON');
    if (typeof status === 'number' && status >= 400 && status < 500)
      return answer(res, status, 'BAD_REQUEST', 'The request cannot be read (check its content type and encoding)');
    const correlationId = randomUUID();
    logger.error(`correlationId=${correlationId} ${error instanceof Error ? `${error.name}: ${error.message}` : String(error)}`);
    return answer(res, 500, 'INTERNAL_SERVER_ERROR', `Internal server error (correlation id ${correlationId})`, { correlationId });
  };
}
