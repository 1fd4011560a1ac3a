import { INestApplication } from '@nestjs/common';
import { AddressInfo } from 'node:net';
import WebSocket from 'ws';
import { errorCode, GraphQLResponse } from './test-app';

/**
 * Sends one operation over graphql-ws (a fresh connection whose upgrade request carries `forwardedFor` as
 * X-Forwarded-For, as a proxy would set it) and resolves with its first result, its error message as a result, or the
 * close code when the server closes first.
 */
export async function oneOperationOverWebSocket<T = Record<string, unknown>>(
  app: INestApplication,
  forwardedFor: string,
  query: string,
  variables: Record<string, unknown> = {},
): Promise<GraphQLResponse<T> | { closed: number }> {
  const server = app.getHttpServer();
  if (!server.listening) await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const socket = new WebSocket(`ws://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`, 'graphql-transport-ws', {
    headers: { 'x-forwarded-for': forwardedFor },
  });
  try {
    return await new Promise((resolve, reject) => {
      socket.once('error', reject);
      socket.once('close', (code) => resolve({ closed: code }));
      // ws hands a message over as a Buffer (binaryType 'nodebuffer', its default).
      socket.on('message', (data) => {
        const message = JSON.parse((data as Buffer).toString('utf8')) as { type: string; payload?: unknown };
        if (message.type === 'connection_ack') socket.send(JSON.stringify({ id: '1', type: 'subscribe', payload: { query, variables } }));
        if (message.type === 'next') resolve(message.payload as GraphQLResponse<T>);
        if (message.type === 'error') resolve({ errors: message.payload } as GraphQLResponse<T>);
      });
      socket.once('open', () => socket.send(JSON.stringify({ type: 'connection_init', payload: {} })));
    });
  } finally {
    socket.terminate();
  }
}

const LOGIN = 'mutation($email: String!, $password: String!) { login(email: $email, password: $password) { token } }';

/** One sign-in over graphql-ws from `forwardedFor`: 'signed in', or the refusal's error code. */
export async function signInOverWebSocket(app: INestApplication, forwardedFor: string, email: string, password: string): Promise<string> {
  const result = await oneOperationOverWebSocket(app, forwardedFor, LOGIN, { email, password });
  if ('closed' in result) return `closed ${result.closed}`;
  return result.errors ? String(errorCode(result)) : 'signed in';
}
