import { ApolloClient, ApolloLink, CombinedGraphQLErrors, HttpLink, InMemoryCache } from '@apollo/client';
import { SetContextLink } from '@apollo/client/link/context';
import { ErrorLink } from '@apollo/client/link/error';
import { GraphQLWsLink } from '@apollo/client/link/subscriptions';
import { OperationTypeNode } from 'graphql';
import { createClient } from 'graphql-ws';
import { tokenOf } from './session';

/** graphql-ws's close code for "restart": not fatal, so the client reconnects and resubscribes at once. */
const RESTART = 4205;

/**
 * The WebSocket for subscriptions (notificationAdded), on the same origin as the page. The server holds a socket to
 * the sign-in it was opened with (its token is read once, in the connection parameters), so `restart` reconnects with
 * the token of this moment: after a sign-in or sign-out the live notifications are the new person's, or none.
 */
function createSubscriptions(): { link: GraphQLWsLink; restart: () => void } {
  let socket: WebSocket | null = null;
  const client = createClient({
    url: `${window.location.protocol === 'https:' ? 'wss' : 'ws'}://${window.location.host}/graphql`,
    // Read at each (re)connection, never cached.
    connectionParams: () => {
      const token = tokenOf();
      return token ? { authorization: `Bearer ${token}` } : {};
    },
    on: {
      opened: (opened) => (socket = opened as WebSocket),
      closed: () => (socket = null),
    },
  });
  // A socket still connecting has sent no token yet, or an old one: closing it is as safe as closing an open one.
  const restart = () => socket?.close(RESTART, 'Client restart');
  return { link: new GraphQLWsLink(client), restart };
}

/** Sends the bearer token of this browser's session; an expired or revoked one sends the person to sign in, and back. */
export function createApolloClient(onSessionEnded: () => void): ApolloClient {
  const auth = new SetContextLink((previous) => {
    const token = tokenOf();
    return token ? { headers: { ...(previous.headers as Record<string, string> | undefined), authorization: `Bearer ${token}` } } : {};
  });
  const ended = new ErrorLink(({ error }) => {
    if (CombinedGraphQLErrors.is(error) && error.errors.some((e) => e.extensions?.code === 'UNAUTHENTICATED') && tokenOf())
      onSessionEnded();
  });
  const subscriptions = createSubscriptions();
  const client = new ApolloClient({
    link: ApolloLink.from([
      ended,
      ApolloLink.split(
        (operation) => operation.operationType === OperationTypeNode.SUBSCRIPTION,
        subscriptions.link,
        ApolloLink.from([auth, new HttpLink({ uri: '/graphql' })]),
      ),
    ]),
    cache: new InMemoryCache(),
  });
  // The session signs out with clearStore and signs in with resetStore (session.tsx): the socket follows both.
  const restart = () => Promise.resolve(subscriptions.restart());
  client.onClearStore(restart);
  client.onResetStore(restart);
  return client;
}

/** What a failed request says to a person: the server's message and its code, never a blank page. */
export function describeError(error: unknown): { message: string; code: string | null } {
  if (CombinedGraphQLErrors.is(error)) {
    const first = error.errors[0];
    const code = first?.extensions?.code;
    return { message: first?.message ?? error.message, code: typeof code === 'string' ? code : null };
  }
  // A file endpoint's refusal (download.ts) carries the same codes.
  const code = error instanceof Error && 'code' in error && typeof error.code === 'string' ? error.code : null;
  return { message: error instanceof Error ? error.message : String(error), code };
}
