import { Logger } from '@nestjs/common';
import type { IncomingMessage } from 'node:http';
import type { WebSocket, WebSocketServer } from 'ws';

/**
 * Limits GraphQL-over-WebSocket messages to `maxBytes`, and keeps client protocol errors (a message over the limit, a
 * malformed frame) out of the error output. ws closes such a connection itself, with the code that says why (1009,
 * 1002 …); graphql-ws would then also print the error and its stack to stderr, outside the JSON log, for anything
 * any client chooses to send. They become one warning line instead.
 */
export function limitWebSocketServer(server: WebSocketServer, maxBytes: number, logger: Logger): void {
  server.options.maxPayload = maxBytes;
  server.prependListener('connection', (socket: WebSocket) => {
    const emit = socket.emit.bind(socket);
    socket.emit = ((event: string | symbol, ...args: unknown[]) => {
      const code = (args[0] as { code?: unknown } | undefined)?.code;
      if (event === 'error' && typeof code === 'string' && code.startsWith('WS_ERR_')) {
        logger.warn(`WebSocket closed on a client protocol error (${code})`);
        return true;
      }
      return emit(event, ...args);
    }) as WebSocket['emit'];
  });
}

/**
 * At most `max` open connections per client address (`addressOf` the upgrade request), counted in this process: a
 * further connection is closed as soon as it opens, with `code` and `reason`, and does not count. Behind a load
 * balancer each API instance counts its own.
 */
export function limitConnectionsPerAddress(
  server: WebSocketServer,
  max: number,
  addressOf: (request: IncomingMessage) => string,
  code: number,
  reason: string,
): void {
  const open = new Map<string, number>();
  server.prependListener('connection', (socket: WebSocket, request: IncomingMessage) => {
    const address = addressOf(request);
    const count = open.get(address) ?? 0;
    if (count >= max) {
      socket.close(code, reason);
      return;
    }
    open.set(address, count + 1);
    socket.once('close', () => {
      const left = (open.get(address) ?? 1) - 1;
      if (left > 0) open.set(address, left);
      else open.delete(address);
    });
  });
}
