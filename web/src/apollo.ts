import { ApolloClient, ApolloLink, CombinedGraphQLErrors, HttpLink, InMemoryCache } from '@apollo/client';
import { SetContextLink } from '@apollo/client/link/context';
import { ErrorLink } from '@apollo/client/link/error';
import { tokenOf } from './session';

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
  return new ApolloClient({
    link: ApolloLink.from([ended, auth, new HttpLink({ uri: '/graphql' })]),
    cache: new InMemoryCache(),
  });
}

/** What a failed request says to a person: the server's message and its code, never a blank page. */
export function describeError(error: unknown): { message: string; code: string | null } {
  if (CombinedGraphQLErrors.is(error)) {
    const first = error.errors[0];
    const code = first?.extensions?.code;
    return { message: first?.message ?? error.message, code: typeof code === 'string' ? code : null };
  }
  return { message: error instanceof Error ? error.message : String(error), code: null };
}
