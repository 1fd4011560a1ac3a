import { useApolloClient, useQuery } from '@apollo/client/react';
import { createContext, useCallback, useContext, useMemo, type ReactNode } from 'react';
import { graphql } from './gql';
import { switchLanguage } from './i18n';
import type { MeQuery } from './gql/graphql';

const TOKEN = 'waterbridge.token';
/** The session's refresh token, kept only to end the session on the server at sign-out. */
const REFRESH = 'waterbridge.refresh';
export const tokenOf = (): string | null => localStorage.getItem(TOKEN);

/** Forgets this browser's session (an expired or revoked one, or after signing out). */
export function forgetSession(): void {
  localStorage.removeItem(TOKEN);
  localStorage.removeItem(REFRESH);
}

/**
 * Ends the session on the server (`logout`): its bearer token stops working at once, not only in this browser. A plain
 * request, not the Apollo client: a session already ended (e.g. by a password change) must not send the person to sign in.
 */
async function endSessionOnServer(refreshToken: string | null): Promise<void> {
  if (!refreshToken) return;
  await fetch('/graphql', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      query: 'mutation SignOut($refreshToken: String!) { logout(refreshToken: $refreshToken) }',
      variables: { refreshToken },
    }),
  }).catch(() => undefined);
}

const ME = graphql(`
  query Me {
    me {
      id
      displayName
      email
      role
      preferredLanguage
      organization {
        id
        nameEn
        nameZh
        kind
      }
    }
  }
`);

export type SessionUser = MeQuery['me'];

interface Session {
  user: SessionUser | null;
  loading: boolean;
  signedIn: (token: string, refreshToken: string) => Promise<void>;
  signOut: () => Promise<void>;
}

const SessionContext = createContext<Session | null>(null);

/** Who is signed in: the token is kept in this browser; the account is read back from the API (`me`). */
export function SessionProvider({ children }: { children: ReactNode }) {
  const client = useApolloClient();
  const { data, loading } = useQuery(ME, { skip: !tokenOf(), fetchPolicy: 'network-only' });
  const signedIn = useCallback(
    async (token: string, refreshToken: string) => {
      localStorage.setItem(TOKEN, token);
      localStorage.setItem(REFRESH, refreshToken);
      await client.resetStore();
      // The console follows the account's language from the moment one signs in.
      const { data: signedIn } = await client.query({ query: ME, fetchPolicy: 'network-only' });
      if (signedIn) await switchLanguage(signedIn.me.preferredLanguage);
    },
    [client],
  );
  const signOut = useCallback(async () => {
    // Forgotten here first, so that nothing more is sent as this account while the server ends the session.
    const refreshToken = localStorage.getItem(REFRESH);
    forgetSession();
    await client.clearStore();
    await endSessionOnServer(refreshToken);
  }, [client]);
  const value = useMemo(
    () => ({ user: tokenOf() ? (data?.me ?? null) : null, loading, signedIn, signOut }),
    [data, loading, signedIn, signOut],
  );
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): Session {
  const session = useContext(SessionContext);
  if (!session) throw new Error('useSession outside SessionProvider');
  return session;
}
