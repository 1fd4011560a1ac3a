import { Logger } from '@nestjs/common';
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
