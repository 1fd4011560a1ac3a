import { Logger } from '@nestjs/common';
import { getOperationAST, GraphQLError, OperationTypeNode } from 'graphql';
import type { Context, ServerOptions } from 'graphql-ws';
import type { Extra } from 'graphql-ws/use/ws';
import type { WebSocket } from 'ws';
import type { RequestAuthenticator } from '../access/request-authenticator';
import type { TokenService } from '../access/token.service';
import { bearerTokenOf } from '../common/bearer-token';
import { DomainError, ErrorCode } from '../common/domain-error';
import { domainErrorToGraphQL } from '../common/graphql-errors';

/**
 * Close codes of the GraphQL WebSocket, graphql-ws's own. Its client treats both as final (no reconnect): 4401 means
 * "sign in again", 4429 "too many".
 */
export const CLOSE_UNAUTHORIZED = 4401;
export const CLOSE_TOO_MANY = 4429;
/** A passing failure (the database did not answer the re-check): the standard "try again later", which clients retry. */
export const CLOSE_TRY_AGAIN_LATER = 1013;
export const TOKEN_EXPIRED_REASON = 'The token has expired: sign in again';

/** The bearer header a graphql-ws client sends in its connection parameters (`authorization: "Bearer <token>"`). */
export function bearerOf(params: Readonly<Record<string, unknown>> | undefined): string | undefined {
  const value = params?.authorization ?? params?.Authorization;
  return typeof value === 'string' ? value : undefined;
}

const isAsyncIterable = (value: unknown): value is AsyncIterableIterator<unknown> =>
  typeof (value as AsyncIterable<unknown> | null)?.[Symbol.asyncIterator] === 'function';

/** A close reason may hold 123 bytes (ws throws on more); a longer message gives way to the generic word. */
const closeReason = (message: string) => (Buffer.byteLength(message) <= 123 ? message : 'Unauthorized');

type SessionContext = Context<Record<string, unknown> | undefined, Extra>;
export type SessionHooks = Pick<ServerOptions<Record<string, unknown> | undefined, Extra>, 'onConnect' | 'onOperation' | 'onNext'>;

/** setTimeout waits at most 2^31-1 ms (~24.8 days); JWT_TTL_SECONDS allows 30 days, so longer waits go in steps. */
const MAX_TIMER_MS = 2 ** 31 - 1;

/** Closes `socket` at `at`, unless it closed before. */
export function closeAt(socket: Pick<WebSocket, 'close' | 'once'>, at: Date, code: number, reason: string): void {
  let timer: NodeJS.Timeout;
  const arm = () => {
    const wait = Math.max(0, at.getTime() - Date.now());
    timer = setTimeout(wait > MAX_TIMER_MS ? arm : () => socket.close(code, reason), Math.min(wait, MAX_TIMER_MS)).unref();
  };
  arm();
  socket.once('close', () => clearTimeout(timer));
}

/**
 * graphql-ws hooks that hold a WebSocket to the sign-in it was opened with, as every HTTP request is held to its token
 * (docs/SECURITY.md, "Subscriptions and WebSocket limits"):
 * - the socket closes (4401) when its token expires, whether or not anything is being sent;
 * - each subscription event is checked again before it is sent, with the check of every HTTP request
 *   (RequestAuthenticator.actorFromHeader: the token, the user still active, the token version); when it fails, nothing of the
 *   event is sent and the socket closes with 4401 and the reason;
 * - at most `maxSubscriptions` subscriptions run at once on one socket; a further one is answered TOO_MANY_REQUESTS.
 */
export function webSocketSessionHooks(auth: RequestAuthenticator, tokens: TokenService, maxSubscriptions: number): SessionHooks {
  const logger = new Logger('GraphQLWebSocket');
  /** Ids of the subscriptions each connection has let through; stale ids are dropped when counting. */
  const subscriptionIds = new WeakMap<SessionContext, Set<string>>();

  return {
    onConnect: (ctx) => {
      const token = bearerTokenOf(bearerOf(ctx.connectionParams));
      if (!token) return;
      try {
        closeAt(ctx.extra.socket, tokens.verify(token).expiresAt, CLOSE_UNAUTHORIZED, TOKEN_EXPIRED_REASON);
      } catch {
        // Not a valid token: every operation that needs one refuses it (UNAUTHENTICATED), as over HTTP.
      }
    },

    onOperation: (ctx, id, _payload, _args, result) => {
      // Only a running subscription is an async iterable (queries, mutations and refusals are plain results).
      if (!isAsyncIterable(result)) return;
      const ids = subscriptionIds.get(ctx) ?? new Set<string>();
      subscriptionIds.set(ctx, ids);
      // graphql-ws keeps an operation in ctx.subscriptions exactly while it runs (this one included).
      for (const known of ids) if (!(known in ctx.subscriptions)) ids.delete(known);
      if (ids.size >= maxSubscriptions) {
        // Stop the refused stream at once, so its listener goes with it.
        void result.return?.(undefined);
        const refusal = new DomainError(
          ErrorCode.TooManyRequests,
          `At most ${maxSubscriptions} subscriptions may run at once on one connection: end one first`,
        );
        return { errors: [domainErrorToGraphQL(refusal)] };
      }
      ids.add(id);
    },

    onNext: async (ctx, _id, _payload, args) => {
      if (getOperationAST(args.document, args.operationName)?.operation !== OperationTypeNode.SUBSCRIPTION) return;
      const header = bearerOf(ctx.connectionParams);
      // Anonymous subscriptions have no sign-in to lose.
      if (header === undefined) return;
      const socket = ctx.extra.socket;
      // The replacement answer carries nothing of the event; graphql-ws sends nothing at all on a socket that is closing.
      const withheld = (error: GraphQLError) => ({ errors: [error.toJSON()] });
      if (socket.readyState !== socket.OPEN)
        return withheld(domainErrorToGraphQL(DomainError.unauthenticated('The connection is closing')));
      try {
        await auth.actorFromHeader(header);
        return;
      } catch (error) {
        if (error instanceof DomainError) {
          socket.close(CLOSE_UNAUTHORIZED, closeReason(error.message));
          return withheld(domainErrorToGraphQL(error));
        }
        logger.warn(
          `A subscription event was withheld: its sign-in could not be checked (${error instanceof Error ? error.message : String(error)})`,
        );
        socket.close(CLOSE_TRY_AGAIN_LATER, 'Try again later');
        return withheld(new GraphQLError('Try again later'));
      }
    },
  };
}
