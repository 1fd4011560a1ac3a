import { INestApplication } from '@nestjs/common';
import { randomBytes } from 'node:crypto';
import request from 'supertest';
import { hashPassword, verifyPassword } from '../../src/users/password-hasher';
import { UserEntity } from '../../src/users/user.entity';
import { Role } from '../../src/access/actor';
import { signInOverWebSocket } from '../support/graphql-ws';
import { TEST_PASSWORD, TEST_PASSWORD_HASH_COST } from '../support/factory';
import { errorCode, GraphQLResponse, startTestApp, TestApp } from '../support/test-app';
import { useWorld, World } from '../support/world';

const LOGIN =
  'mutation($email: String!, $password: String!) { login(email: $email, password: $password) { token refreshToken user { id } } }';
const REFRESH = 'mutation($r: String!) { refreshToken(refreshToken: $r) { token refreshToken } }';
const LOGOUT = 'mutation($r: String!, $all: Boolean) { logout(refreshToken: $r, allSessions: $all) }';
const ME = '{ me { id } }';

interface Session {
  token: string;
  refreshToken: string;
}

const unknownEmail = () => `nobody-${randomBytes(4).toString('hex')}@example.org`;

/** POST /graphql as a client behind proxies: `forwardedFor` is the X-Forwarded-For header the API receives. */
const post = (app: INestApplication, body: unknown, forwardedFor?: string) => {
  const req = request(app.getHttpServer()).post('/graphql').set('content-type', 'application/json');
  if (forwardedFor !== undefined) req.set('x-forwarded-for', forwardedFor);
  return req.send(body as object);
};
const loginAt = async (app: INestApplication, email: string, password: string, forwardedFor?: string) =>
  (await post(app, { query: LOGIN, variables: { email, password } }, forwardedFor)).body as GraphQLResponse<{
    login: Session & { user: { id: string } };
  }>;

const wsLogin = signInOverWebSocket;

describe('sessions', () => {
  let t: TestApp;
  let w: World;
  // Behind one proxy (TRUST_PROXY=1): the address is the last X-Forwarded-For entry. An address locks after 3 failures.
  useWorld((app, world) => ((t = app), (w = world)), { TRUST_PROXY: '1', LOGIN_MAX_FAILURES_PER_ADDRESS: '3' });

  const newUser = () => t.factory.user(Role.AGENCY_MEMBER, { organizationId: w.orgs.agencyOrg.id });
  const signIn = async (user: UserEntity, password = TEST_PASSWORD): Promise<Session> => {
    const res = await loginAt(t.app, user.email, password);
    expect(res.errors).toBeUndefined();
    return res.data!.login;
  };
  const refresh = (refreshToken: string) => t.gql<{ refreshToken: Session }>(REFRESH, { r: refreshToken });
  const logout = (refreshToken: string, options: { all?: boolean; token?: string } = {}) =>
    t.gql<{ logout: boolean }>(LOGOUT, { r: refreshToken, all: options.all }, options.token);
  /** Whether a bearer token still works. */
  const works = async (token: string) => (await t.gql<{ me: { id: string } }>(ME, {}, token)).data?.me.id !== undefined;
  const liveRefreshTokens = async (userId: string) =>
    (await t.dataSource.query(`SELECT count(*)::int AS n FROM refresh_token WHERE user_id = $1 AND revoked_at IS NULL`, [userId]))[0]
      .n as number;

  describe('refresh-token families', () => {
    it('revoke only the family of a replayed token: the other session of the user goes on', async () => {
      const user = await newUser();
      const [a, b] = [await signIn(user), await signIn(user)];
      const a2 = (await refresh(a.refreshToken)).data!.refreshToken;

      // A's first token comes back (a stolen copy): A's session ends, its successor and its access tokens with it …
      expect(errorCode(await refresh(a.refreshToken))).toBe('UNAUTHENTICATED');
      expect(errorCode(await refresh(a2.refreshToken))).toBe('UNAUTHENTICATED');
      expect(await works(a2.token)).toBe(false);
      // … while B, the user's other device, still works and refreshes.
      expect(await works(b.token)).toBe(true);
      const b2 = await refresh(b.refreshToken);
      expect(b2.errors).toBeUndefined();
      expect(await works(b2.data!.refreshToken.token)).toBe(true);
    });

    it('leave a session started after a password change alone when a token from before it is replayed', async () => {
      const user = await newUser();
      const before = await signIn(user);
      await refresh(before.refreshToken);
      const changed = await t.gql(
        'mutation($c: String!) { changePassword(currentPassword: $c, newPassword: "a fresh pass phrase") }',
        { c: TEST_PASSWORD },
        before.token,
      );
      expect(changed.data).toEqual({ changePassword: true });
      const after = await signIn(user, 'a fresh pass phrase');

      // The thief replays the token from before the change: refused, and the new session is untouched.
      expect(errorCode(await refresh(before.refreshToken))).toBe('UNAUTHENTICATED');
      expect(await works(after.token)).toBe(true);
      expect((await refresh(after.refreshToken)).errors).toBeUndefined();
    });
  });

  describe('logout', () => {
    it('with the refresh token alone ends that session, its bearer token included; the other session goes on', async () => {
      const user = await newUser();
      const [here, elsewhere] = [await signIn(user), await signIn(user)];
      expect((await logout(here.refreshToken)).data).toEqual({ logout: true });
      expect(errorCode(await refresh(here.refreshToken))).toBe('UNAUTHENTICATED');
      const refused = await t.gql(ME, {}, here.token);
      expect(refused.errors?.[0]).toMatchObject({
        message: 'The session was signed out or revoked: sign in again',
        extensions: { code: 'UNAUTHENTICATED' },
      });
      expect(await works(elsewhere.token)).toBe(true);
      expect((await refresh(elsewhere.refreshToken)).errors).toBeUndefined();
      // Signing out again, or with nonsense, is UNAUTHENTICATED.
      expect(errorCode(await logout(here.refreshToken))).toBe('UNAUTHENTICATED');
      expect(errorCode(await logout('not-a-refresh-token'))).toBe('UNAUTHENTICATED');
    });

    it("with a bearer token, only of the caller's own refresh token: another account's is FORBIDDEN and stays live", async () => {
      const [owner, stranger] = [await newUser(), await newUser()];
      const [session, strangers] = [await signIn(owner), await signIn(stranger)];
      const refused = await logout(session.refreshToken, { token: strangers.token });
      expect(errorCode(refused)).toBe('FORBIDDEN');
      expect(refused.data ?? null).toBeNull();
      expect(await works(session.token)).toBe(true);
      expect(await liveRefreshTokens(owner.id)).toBe(1);
      expect((await logout(session.refreshToken, { token: session.token })).data).toEqual({ logout: true });
      expect(await works(session.token)).toBe(false);
    });

    it('of all sessions ends every refresh token and every bearer token of the account; signing in again works', async () => {
      const user = await newUser();
      const [here, elsewhere, third] = [await signIn(user), await signIn(user), await signIn(user)];
      // A bearer token of no session (issued before sessions existed) ends too: the account's token version moves on.
      const sessionless = t.tokenFor(user.id);
      expect(await works(sessionless)).toBe(true);
      expect((await logout(here.refreshToken, { all: true, token: here.token })).data).toEqual({ logout: true });
      expect(await works(sessionless)).toBe(false);
      expect(await liveRefreshTokens(user.id)).toBe(0);
      for (const session of [here, elsewhere, third]) {
        expect(await works(session.token)).toBe(false);
        expect(errorCode(await refresh(session.refreshToken))).toBe('UNAUTHENTICATED');
      }
      const again = await signIn(user);
      expect(await works(again.token)).toBe(true);
    });
  });

  describe('client address behind proxies', () => {
    it('with TRUST_PROXY=1 is the entry the proxy appended, not the one the client wrote: the sign-in lock follows it', async () => {
      const real = '203.0.113.41';
      // Each attempt claims another address of its own; the proxy appends the real one.
      for (let i = 0; i < 3; i++)
        expect(errorCode(await loginAt(t.app, unknownEmail(), 'not the password at all', `1.2.3.${i}, ${real}`))).toBe('UNAUTHENTICATED');
      const user = await newUser();
      expect(errorCode(await loginAt(t.app, user.email, TEST_PASSWORD, `9.9.9.9, ${real}`))).toBe('TOO_MANY_REQUESTS');
      // Another client, claiming the locked client's address as its own, is not caught in that lock.
      expect((await loginAt(t.app, user.email, TEST_PASSWORD, `${real}, 203.0.113.42`)).data?.login.user.id).toBe(user.id);
    });

    it('over WebSocket obeys the same rule', async () => {
      const real = '203.0.113.51';
      for (let i = 0; i < 3; i++)
        expect(await wsLogin(t.app, `1.2.3.${i}, ${real}`, unknownEmail(), 'not the password at all')).toBe('UNAUTHENTICATED');
      const user = await newUser();
      expect(await wsLogin(t.app, `9.9.9.9, ${real}`, user.email, TEST_PASSWORD)).toBe('TOO_MANY_REQUESTS');
      expect(await wsLogin(t.app, `${real}, 203.0.113.52`, user.email, TEST_PASSWORD)).toBe('signed in');
    });

    describe('with TRUST_PROXY as CIDR ranges, and the default password hash cost', () => {
      let proxied: TestApp;
      beforeAll(async () => {
        // The API's own connection comes from loopback (the "load balancer"); 10/8 is the internal proxy tier.
        proxied = await startTestApp({
          TRUST_PROXY: '127.0.0.0/8, ::1/128, 10.0.0.0/8',
          LOGIN_MAX_FAILURES_PER_ADDRESS: '3',
          PASSWORD_HASH_COST: '17',
        });
      });
      afterAll(() => proxied?.close());

      it('is the rightmost entry that is not a trusted proxy, over HTTP and over WebSocket', async () => {
        const ghost = () => unknownEmail();
        const user = await proxied.factory.user(Role.AGENCY_MEMBER);
        for (const [attempt, real] of [
          [(xff: string) => loginAt(proxied.app, ghost(), 'wrong password here', xff).then(errorCode), '203.0.113.61'],
          [(xff: string) => wsLogin(proxied.app, xff, ghost(), 'wrong password here'), '203.0.113.71'],
        ] as const) {
          for (let i = 0; i < 3; i++) expect(await attempt(`1.2.3.${i}, ${real}, 10.1.2.3`)).toBe('UNAUTHENTICATED');
          expect(errorCode(await loginAt(proxied.app, user.email, TEST_PASSWORD, `9.9.9.9, ${real}, 10.9.8.7`))).toBe('TOO_MANY_REQUESTS');
        }
      });

      it('upgrades a password hash of older parameters at the next successful sign-in; it still verifies', async () => {
        const old = await hashPassword(TEST_PASSWORD, TEST_PASSWORD_HASH_COST);
        expect(old).toMatch(/^scrypt\$16384\$8\$1\$/);
        const user = await proxied.factory.user(Role.AGENCY_MEMBER, { passwordHash: old });
        const storedHash = async () =>
          (await proxied.dataSource.query(`SELECT password_hash FROM app_user WHERE id = $1`, [user.id]))[0].password_hash as string;

        // A failed sign-in changes nothing.
        expect(errorCode(await loginAt(proxied.app, user.email, 'not the password at all', '198.51.100.200'))).toBe('UNAUTHENTICATED');
        expect(await storedHash()).toBe(old);
        expect((await loginAt(proxied.app, user.email, TEST_PASSWORD, '198.51.100.201')).data?.login.user.id).toBe(user.id);
        const upgraded = await storedHash();
        expect(upgraded).toMatch(/^scrypt\$131072\$8\$1\$/);
        expect(await verifyPassword(TEST_PASSWORD, upgraded)).toBe(true);
        expect((await loginAt(proxied.app, user.email, TEST_PASSWORD, '198.51.100.202')).data?.login.user.id).toBe(user.id);
        expect(await storedHash()).toBe(upgraded);
      });
    });
  });
});
