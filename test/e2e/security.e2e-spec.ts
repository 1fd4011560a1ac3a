import { INestApplication } from '@nestjs/common';
import { getIntrospectionQuery } from 'graphql';
import { createHash, randomBytes } from 'node:crypto';
import { AddressInfo } from 'node:net';
import request from 'supertest';
import WebSocket from 'ws';
import { createApp } from '../../src/app.factory';
import { hashPassword } from '../../src/users/password-hasher';
import { OrganizationKind } from '../../src/organizations/organization.entity';
import { SearchRepository } from '../../src/search/search.repository';
import { Role } from '../../src/access/actor';
import { TEST_PASSWORD } from '../support/factory';
import { signInOverWebSocket } from '../support/graphql-ws';
import { errorCode, GraphQLResponse, startTestApp, testConfig, TestApp } from '../support/test-app';
import { useWorld, World } from '../support/world';

const LOGIN =
  'mutation($email: String!, $password: String!) { login(email: $email, password: $password) { token expiresAt refreshToken refreshTokenExpiresAt user { id } } }';
const REFRESH = 'mutation($r: String!) { refreshToken(refreshToken: $r) { token refreshToken user { id } } }';

type Login = { login: { token: string; expiresAt: string; refreshToken: string; refreshTokenExpiresAt: string; user: { id: string } } };
type Refresh = { refreshToken: { token: string; refreshToken: string; user: { id: string } } };

/** A client address of its own for each test, so failures of one test never lock another's sign-ins. */
let lastAddress = 0;
const freshAddress = () => (++lastAddress, `10.51.${lastAddress >> 8}.${lastAddress & 255}`);
const unknownEmail = () => `nobody-${randomBytes(4).toString('hex')}@example.org`;
const retryAfter = (res: GraphQLResponse) => res.errors?.[0]?.extensions?.retryAfterSeconds as number;

/** POST /graphql on `app` as a browser or a proxied client would, with headers. */
function post(app: INestApplication, body: unknown, headers: Record<string, string> = {}) {
  return request(app.getHttpServer())
    .post('/graphql')
    .set('content-type', 'application/json')
    .set(headers)
    .send(body as object);
}

describe('security limits', () => {
  let t: TestApp;
  let w: World;
  // Behind a proxy (X-Forwarded-For decides the client address), CORS for one origin, the sandbox on; default limits.
  useWorld((app, world) => ((t = app), (w = world)), {
    TRUST_PROXY: '1',
    CORS_ORIGINS: 'https://app.example.org',
    GRAPHQL_SANDBOX: 'true',
  });

  // A stricter depth limit; and looser complexity and body limits, without introspection. Neither has CORS or sandbox.
  let strict: TestApp;
  let other: TestApp;
  beforeAll(async () => {
    strict = await startTestApp({ GRAPHQL_MAX_DEPTH: '4' });
    other = await startTestApp({
      GRAPHQL_MAX_COMPLEXITY: '1000000',
      GRAPHQL_MAX_BODY_BYTES: String(4 * 1024 * 1024),
      GRAPHQL_INTROSPECTION: 'false',
    });
  });
  afterAll(async () => {
    await strict?.close();
    await other?.close();
  });

  const login = async (email: string, password: string, address: string, app: INestApplication = t.app) =>
    (await post(app, { query: LOGIN, variables: { email, password } }, { 'x-forwarded-for': address })).body as GraphQLResponse<Login>;
  const newUser = () => t.factory.user(Role.AGENCY_MEMBER, { organizationId: w.orgs.agencyOrg.id });
  type ThrottleKind = 'ACCOUNT' | 'ADDRESS' | 'ACCOUNT_ADDRESS';
  /** The key of an e-mail address tried from one client address. */
  const pair = (email: string, address: string) => JSON.stringify([email, address]);
  const throttleRow = async (kind: ThrottleKind, key: string) =>
    (
      await t.dataSource.query(`SELECT failures, lockouts, locked_until FROM login_throttle WHERE kind = $1 AND key = $2`, [kind, key])
    )[0] as { failures: number; lockouts: number; locked_until: Date | null } | undefined;
  /** Ends the lock of an e-mail address from one client address now, as if its time had passed. */
  const expireLock = (email: string, address: string) =>
    t.dataSource.query(`UPDATE login_throttle SET locked_until = now() - interval '1 second' WHERE kind = 'ACCOUNT_ADDRESS' AND key = $1`, [
      pair(email, address),
    ]);

  describe('sign-in throttling', () => {
    it('locks an e-mail address from one client address after 5 failures: even the right password waits there, while the owner elsewhere signs in', async () => {
      const user = await newUser();
      const attacker = freshAddress();
      for (let i = 0; i < 5; i++) expect(errorCode(await login(user.email, 'not the password at all', attacker))).toBe('UNAUTHENTICATED');

      const refused = await login(user.email, TEST_PASSWORD, attacker);
      expect(refused.data ?? null).toBeNull();
      expect(refused.errors?.[0].extensions).toMatchObject({ code: 'TOO_MANY_REQUESTS', retryAfterSeconds: expect.any(Number) });
      expect(retryAfter(refused)).toBeGreaterThan(55);
      expect(retryAfter(refused)).toBeLessThanOrEqual(60);
      expect(refused.errors?.[0].message).toMatch(/^Too many failed sign-in attempts: try again in \d+ seconds$/);
      // The lock is the pair's: the owner, from their own address, is not locked out by a stranger's guesses …
      expect((await login(user.email, TEST_PASSWORD, freshAddress())).data?.login.token).toEqual(expect.any(String));
      // … and another account from the attacker's address still signs in (5 failures are far from the address limit).
      const colleague = await newUser();
      expect((await login(colleague.email, TEST_PASSWORD, attacker)).data?.login.token).toEqual(expect.any(String));
    });

    it('gets 200 parallel wrong guesses for one account no more than 5 password checks; the rest are refused unchecked', async () => {
      const user = await newUser();
      const attacker = freshAddress();
      const burst = await Promise.all(Array.from({ length: 200 }, () => login(user.email, 'not the password at all', attacker)));
      const codes = burst.map(errorCode);
      expect(codes.filter((c) => c === 'UNAUTHENTICATED')).toHaveLength(5);
      expect(codes.filter((c) => c === 'TOO_MANY_REQUESTS')).toHaveLength(195);
      expect(await throttleRow('ACCOUNT_ADDRESS', pair(user.email, attacker))).toMatchObject({ failures: 4, lockouts: 1 });
      // Only the five checked attempts count against the account as a whole.
      expect((await throttleRow('ACCOUNT', user.email))?.failures).toBe(5);
      expect((await login(user.email, TEST_PASSWORD, freshAddress())).data?.login.token).toEqual(expect.any(String));
    });

    it('locks an account for everyone after LOGIN_MAX_FAILURES_PER_ACCOUNT failures from many addresses (distributed guessing)', async () => {
      const user = await newUser();
      for (let round = 0; round < 10; round++) {
        const guesses = await Promise.all(Array.from({ length: 10 }, () => login(user.email, 'not the password at all', freshAddress())));
        expect(guesses.map(errorCode)).toEqual(Array(10).fill('UNAUTHENTICATED'));
      }
      expect((await throttleRow('ACCOUNT', user.email))?.failures).toBe(100);
      const refused = await login(user.email, TEST_PASSWORD, freshAddress());
      expect(errorCode(refused)).toBe('TOO_MANY_REQUESTS');
      expect(retryAfter(refused)).toBeGreaterThan(55);
      expect(await throttleRow('ACCOUNT', user.email)).toMatchObject({ lockouts: 1 });
    });

    it('answers a locked unknown e-mail address exactly like a locked account, so the refusal reveals nothing', async () => {
      const user = await newUser();
      const ghost = unknownEmail();
      const address = freshAddress();
      for (let i = 0; i < 5; i++) {
        await login(user.email, 'not the password at all', address);
        await login(ghost, 'not the password at all', address);
      }
      const [account, nobody] = [await login(user.email, TEST_PASSWORD, address), await login(ghost, TEST_PASSWORD, address)];
      const shape = (res: GraphQLResponse) => ({
        data: res.data ?? null,
        message: res.errors?.[0].message.replace(/\d+/, 'N'),
        keys: Object.keys(res.errors?.[0].extensions ?? {}).sort(),
      });
      expect(shape(account)).toEqual(shape(nobody));
      expect(errorCode(nobody)).toBe('TOO_MANY_REQUESTS');
    });

    it('locks a client address after 20 failures across e-mail addresses, while those addresses stay usable elsewhere', async () => {
      const address = freshAddress();
      const ghosts = Array.from({ length: 5 }, unknownEmail);
      for (let i = 0; i < 19; i++)
        expect(errorCode(await login(ghosts[i % 5], 'not the password at all', address))).toBe('UNAUTHENTICATED');
      const user = await newUser();
      // 19 failures: not locked yet; this sign-in works (it gives its attempt back, and does not clear the address's failures).
      expect((await login(user.email, TEST_PASSWORD, address)).data?.login.token).toEqual(expect.any(String));
      expect(errorCode(await login(ghosts[0], 'not the password at all', address))).toBe('UNAUTHENTICATED');

      const refused = await login(user.email, TEST_PASSWORD, address);
      expect(errorCode(refused)).toBe('TOO_MANY_REQUESTS');
      expect(retryAfter(refused)).toBeGreaterThan(55);
      expect((await login(user.email, TEST_PASSWORD, freshAddress())).data?.login.token).toEqual(expect.any(String));
      expect(await throttleRow('ADDRESS', address)).toMatchObject({ failures: 19, lockouts: 1 });
    });
    it('counts sign-ins over WebSocket against the address of their connection, not one key shared by all', async () => {
      const wsLogin = (address: string, email: string, password: string) => signInOverWebSocket(t.app, address, email, password);
      const [crowded, quiet] = [freshAddress(), freshAddress()];
      const ghosts = Array.from({ length: 5 }, unknownEmail);
      for (let i = 0; i < 20; i++) expect(await wsLogin(crowded, ghosts[i % 5], 'not the password at all')).toBe('UNAUTHENTICATED');
      const user = await newUser();
      expect(await wsLogin(crowded, user.email, TEST_PASSWORD)).toBe('TOO_MANY_REQUESTS');
      expect(await throttleRow('ADDRESS', crowded)).toMatchObject({ lockouts: 1 });
      // Another client over WebSocket is not caught in that lock.
      expect(await wsLogin(quiet, user.email, TEST_PASSWORD)).toBe('signed in');
    });

    it('doubles the lock-out with each further lock, one attempt between locks, up to an hour', async () => {
      const user = await newUser();
      const address = freshAddress();
      const failThenWait = async (failures: number) => {
        for (let i = 0; i < failures; i++)
          expect(errorCode(await login(user.email, 'not the password at all', address))).toBe('UNAUTHENTICATED');
        const refused = await login(user.email, TEST_PASSWORD, address);
        expect(errorCode(refused)).toBe('TOO_MANY_REQUESTS');
        await expireLock(user.email, address);
        return retryAfter(refused);
      };
      const waits = [await failThenWait(5), await failThenWait(1), await failThenWait(1)];
      expect(waits.map((s) => Math.round(s / 10) * 10)).toEqual([60, 120, 240]);

      // The tenth lock would be 60 × 2^9 s: it is capped at an hour.
      await t.dataSource.query(`UPDATE login_throttle SET lockouts = 9 WHERE kind = 'ACCOUNT_ADDRESS' AND key = $1`, [
        pair(user.email, address),
      ]);
      const capped = await failThenWait(1);
      expect(capped).toBeGreaterThan(3590);
      expect(capped).toBeLessThanOrEqual(3600);
      expect((await throttleRow('ACCOUNT_ADDRESS', pair(user.email, address)))?.lockouts).toBe(10);
    });

    it('forgets the failures and the backoff of an account from a client address once it signs in there', async () => {
      const user = await newUser();
      const address = freshAddress();
      for (let i = 0; i < 4; i++) await login(user.email, 'not the password at all', address);
      expect((await throttleRow('ACCOUNT_ADDRESS', pair(user.email, address)))?.failures).toBe(4);
      expect((await login(user.email, TEST_PASSWORD, address)).data?.login.token).toEqual(expect.any(String));
      expect(await throttleRow('ACCOUNT_ADDRESS', pair(user.email, address))).toBeUndefined();
      // The account as a whole keeps its 4 failures: the right password only gave its own attempt back.
      expect((await throttleRow('ACCOUNT', user.email))?.failures).toBe(4);
      // Five more failures do not lock it: the count started over.
      for (let i = 0; i < 5; i++) expect(errorCode(await login(user.email, 'not the password at all', address))).toBe('UNAUTHENTICATED');
      expect((await login(user.email, TEST_PASSWORD, address)).data).toBeNull();
    });

    it('counts concurrent failures on two API processes exactly, and both enforce the lock', async () => {
      const url = (t.dataSource.options as { url: string }).url;
      const twin = await createApp(testConfig(url, { TRUST_PROXY: '1' }));
      await twin.init();
      try {
        const address = freshAddress();
        const ghosts = Array.from({ length: 5 }, unknownEmail);
        // 19 failures at once, 10 on one process and 9 on the other: 4, 4, 4, 4 and 3 per e-mail address.
        const burst = await Promise.all(
          Array.from({ length: 19 }, (_, i) => login(ghosts[i % 5], 'not the password at all', address, i % 2 === 0 ? t.app : twin)),
        );
        expect(burst.map(errorCode)).toEqual(Array(19).fill('UNAUTHENTICATED'));
        expect((await throttleRow('ADDRESS', address))?.failures).toBe(19);
        const perAccount = await Promise.all(ghosts.map((g) => throttleRow('ACCOUNT_ADDRESS', pair(g, address))));
        expect(perAccount.map((r) => r?.failures)).toEqual([4, 4, 4, 4, 3]);

        // The 20th locks the address, for both processes.
        expect(errorCode(await login(ghosts[4], 'not the password at all', address, twin))).toBe('UNAUTHENTICATED');
        const user = await newUser();
        expect(errorCode(await login(user.email, TEST_PASSWORD, address, t.app))).toBe('TOO_MANY_REQUESTS');
        expect(errorCode(await login(user.email, TEST_PASSWORD, address, twin))).toBe('TOO_MANY_REQUESTS');
      } finally {
        await twin
          .get(SearchRepository)
          .deleteAll()
          .catch(() => undefined);
        await twin.close();
      }
    });

    it('signs in with a password set under older rules: sign-in does not apply the password rules', async () => {
      const user = await t.factory.user(Role.AGENCY_MEMBER, {
        organizationId: w.orgs.agencyOrg.id,
        passwordHash: await hashPassword('old8char'),
      });
      expect((await login(user.email, 'old8char', freshAddress())).data?.login.user.id).toBe(user.id);
    });

    it('counts wrong current passwords of changePassword as failed sign-ins: the account locks, then even the right one waits', async () => {
      const user = await newUser();
      const session = (await login(user.email, TEST_PASSWORD, freshAddress())).data!.login;
      const address = freshAddress();
      const change = (current: string) =>
        post(
          t.app,
          {
            query: 'mutation($c: String!) { changePassword(currentPassword: $c, newPassword: "a fresh pass phrase") }',
            variables: { c: current },
          },
          {
            authorization: `Bearer ${session.token}`,
            'x-forwarded-for': address,
          },
        ).then((res) => res.body as GraphQLResponse);
      for (let i = 0; i < 5; i++) expect((await change('not my password')).errors?.[0]?.extensions?.field).toBe('currentPassword');
      const locked = await change(TEST_PASSWORD);
      expect(errorCode(locked)).toBe('TOO_MANY_REQUESTS');
      expect(retryAfter(locked)).toBeGreaterThan(0);
      expect(errorCode(await login(user.email, TEST_PASSWORD, address))).toBe('TOO_MANY_REQUESTS');
      expect(await throttleRow('ACCOUNT_ADDRESS', pair(user.email, address))).toMatchObject({ lockouts: 1 });
      await expireLock(user.email, address);
      expect((await change(TEST_PASSWORD)).data).toEqual({ changePassword: true });
    });

    it('bounds the password checks in flight: a burst beyond them is refused without being checked', async () => {
      const narrow = await startTestApp({ LOGIN_MAX_CONCURRENT_CHECKS: '1', TRUST_PROXY: '1' });
      try {
        // Different e-mail addresses from different client addresses: no throttle key stops them, only the gate.
        const burst = await Promise.all(
          Array.from({ length: 300 }, () => login(unknownEmail(), 'not the password at all', freshAddress(), narrow.app)),
        );
        const busy = burst.filter((res) => errorCode(res) === 'TOO_MANY_REQUESTS');
        expect(busy.length).toBeGreaterThan(0);
        expect(busy[0].errors?.[0]).toMatchObject({
          message: 'Too many sign-ins are being checked right now: try again in 1 second',
          extensions: { retryAfterSeconds: 1 },
        });
        expect(burst.filter((res) => errorCode(res) === 'UNAUTHENTICATED').length).toBe(300 - busy.length);
        // A refused attempt was not counted: nothing stays against its client address.
        const counted = await narrow.dataSource.query(
          `SELECT count(*)::int AS n FROM login_throttle WHERE kind = 'ADDRESS' AND failures > 0`,
        );
        expect(counted[0].n).toBe(300 - busy.length);
      } finally {
        await narrow.close();
      }
    });
  });

  describe('password rules', () => {
    const createUser = 'mutation($input: CreateUserInput!) { createUser(input: $input) { id email } }';
    const input = (email: string, password: string) => ({
      email,
      displayName: 'New Member',
      password,
      organizationId: w.orgs.agencyOrg.id,
      role: 'AGENCY_MEMBER',
    });
    const refusals: Array<[string, string, string]> = [
      ['too short', 'short pass1', 'password must be at least 12 characters long'],
      ['too long', 'x1'.repeat(101), 'password must be at most 200 characters long'],
      ['one character repeated', 'zzzzzzzzzzzzzzzz', 'password must not be one character repeated'],
      ["the e-mail address's name", 'Kamala.Silva-2025!', 'password must not contain the name of the e-mail address (the part before @)'],
      ['a common password', 'Password123456', 'password is one of the most common passwords: choose another'],
    ];

    it.each(refusals)(
      'refuse a new account whose password is %s, naming the field, and write nothing',
      async (_case, password, message) => {
        const email = 'kamala.silva@water.lk';
        const before = await t.dataSource.query(`SELECT count(*)::int AS n FROM app_user`);
        const res = await t.gql(createUser, { input: input(email, password) }, w.token('admin'));
        expect(res.errors?.[0]).toMatchObject({ message, extensions: { code: 'BAD_USER_INPUT', field: 'password' } });
        expect(await t.dataSource.query(`SELECT count(*)::int AS n FROM app_user`)).toEqual(before);
      },
    );

    it('accept a good password, such as the demo one', async () => {
      const res = await t.gql<{ createUser: { email: string } }>(
        createUser,
        { input: input('demo.like@water.lk', 'waterbridge-demo') },
        w.token('admin'),
      );
      expect(res.data?.createUser.email).toBe('demo.like@water.lk');
    });

    it('apply to changePassword, with the field newPassword; the old password keeps working', async () => {
      const user = await newUser();
      const token = t.tokenFor(user.id);
      const localPart = user.email.split('@')[0];
      for (const [newPassword, message] of [
        ['tiny', 'newPassword must be at least 12 characters long'],
        ['1111111111111111', 'newPassword must not be one character repeated'],
        [`${localPart.toUpperCase()}-secret`, 'newPassword must not contain the name of the e-mail address (the part before @)'],
        ['qwertyuiop12', 'newPassword is one of the most common passwords: choose another'],
      ]) {
        const res = await t.gql(
          'mutation($c: String!, $n: String!) { changePassword(currentPassword: $c, newPassword: $n) }',
          { c: TEST_PASSWORD, n: newPassword },
          token,
        );
        expect(res.errors?.[0]).toMatchObject({ message, extensions: { code: 'BAD_USER_INPUT', field: 'newPassword' } });
      }
      expect((await login(user.email, TEST_PASSWORD, freshAddress())).data?.login.user.id).toBe(user.id);
    });
  });

  describe('refresh tokens', () => {
    const refresh = async (refreshToken: string) => t.gql<Refresh>(REFRESH, { r: refreshToken });
    const signIn = async (email: string) => (await login(email, TEST_PASSWORD, freshAddress())).data!.login;

    it('come with login, are stored only as a hash, and rotate: the new access token works, the old refresh token does not', async () => {
      const user = await newUser();
      const session = await signIn(user.email);
      expect(session.refreshToken).toMatch(/^[\w-]{43}$/);
      expect(new Date(session.refreshTokenExpiresAt).getTime() - Date.now()).toBeGreaterThan(29 * 24 * 3600 * 1000);
      const stored = await t.dataSource.query(`SELECT token_hash FROM refresh_token WHERE user_id = $1`, [user.id]);
      expect(stored).toEqual([{ token_hash: createHash('sha256').update(session.refreshToken).digest('hex') }]);

      const rotated = await refresh(session.refreshToken);
      expect(rotated.errors).toBeUndefined();
      expect(rotated.data?.refreshToken.user.id).toBe(user.id);
      expect(rotated.data?.refreshToken.refreshToken).not.toBe(session.refreshToken);
      const me = await t.gql<{ me: { id: string } }>('{ me { id } }', {}, rotated.data!.refreshToken.token);
      expect(me.data?.me.id).toBe(user.id);
      // The next rotation works from the new one.
      const again = await refresh(rotated.data!.refreshToken.refreshToken);
      expect(again.data?.refreshToken.user.id).toBe(user.id);
    });

    it('revoke the session (family) of a used one that comes back (a stolen copy), not the other sessions of the user', async () => {
      const user = await newUser();
      const first = await signIn(user.email);
      const otherDevice = await signIn(user.email);
      const rotated = (await refresh(first.refreshToken)).data!.refreshToken;

      const replay = await refresh(first.refreshToken);
      expect(errorCode(replay)).toBe('UNAUTHENTICATED');
      expect(errorCode(await refresh(rotated.refreshToken))).toBe('UNAUTHENTICATED');
      expect((await refresh(otherDevice.refreshToken)).data?.refreshToken.user.id).toBe(user.id);
      expect(errorCode(await refresh('not-a-token-at-all'))).toBe('UNAUTHENTICATED');
    });

    it('a password change signs out every session: its bearer tokens stop working too, and a new sign-in works', async () => {
      const user = await newUser();
      const [here, elsewhere] = [await signIn(user.email), await signIn(user.email)];
      const me = (token: string) => t.gql<{ me: { id: string } }>('{ me { id } }', {}, token);
      expect((await me(elsewhere.token)).data).toEqual({ me: { id: user.id } });
      const changed = await t.gql(
        'mutation($c: String!) { changePassword(currentPassword: $c, newPassword: "a fresh pass phrase") }',
        { c: TEST_PASSWORD },
        here.token,
      );
      expect(changed.data).toEqual({ changePassword: true });
      for (const token of [here.token, elsewhere.token]) {
        const refused = await me(token);
        expect(errorCode(refused)).toBe('UNAUTHENTICATED');
        expect(refused.errors?.[0]?.message).toBe(
          'The token was revoked by a password change or a sign-out of every session: sign in again',
        );
      }
      const again = (await login(user.email, 'a fresh pass phrase', freshAddress())).data!.login;
      expect((await me(again.token)).data).toEqual({ me: { id: user.id } });
      // A refreshed session gets a token of the current version as well.
      const refreshed = (await refresh(again.refreshToken)).data!.refreshToken;
      expect((await me(refreshed.token)).data).toEqual({ me: { id: user.id } });
    });

    it('are revoked by a password change and by deactivation, and refused once expired', async () => {
      const user = await newUser();
      const session = await signIn(user.email);
      const changed = await t.gql(
        'mutation($c: String!) { changePassword(currentPassword: $c, newPassword: "a fresh pass phrase") }',
        { c: TEST_PASSWORD },
        session.token,
      );
      expect(changed.data).toEqual({ changePassword: true });
      expect(errorCode(await refresh(session.refreshToken))).toBe('UNAUTHENTICATED');

      const member = await newUser();
      const memberSession = await signIn(member.email);
      const sessionless = t.tokenFor(member.id);
      expect(errorCode(await t.gql('{ me { id } }', {}, sessionless))).toBeUndefined();
      const deactivated = await t.gql(
        'mutation($id: ID!) { updateUser(input: { id: $id, active: false }) { active } }',
        { id: member.id },
        w.token('admin'),
      );
      expect(deactivated.data).toEqual({ updateUser: { active: false } });
      await t.gql('mutation($id: ID!) { updateUser(input: { id: $id, active: true }) { active } }', { id: member.id }, w.token('admin'));
      expect(errorCode(await refresh(memberSession.refreshToken))).toBe('UNAUTHENTICATED');
      // Reactivation does not bring back a bearer token from before the deactivation, with a session or without.
      expect(errorCode(await t.gql('{ me { id } }', {}, memberSession.token))).toBe('UNAUTHENTICATED');
      expect(errorCode(await t.gql('{ me { id } }', {}, sessionless))).toBe('UNAUTHENTICATED');

      const late = await newUser();
      const lateSession = await signIn(late.email);
      await t.dataSource.query(`UPDATE refresh_token SET expires_at = now() - interval '1 second' WHERE user_id = $1`, [late.id]);
      expect(errorCode(await refresh(lateSession.refreshToken))).toBe('UNAUTHENTICATED');
    });
  });

  describe('GraphQL limits', () => {
    // needs → edges → node → organization → country → code: 6 levels.
    const deep = '{ needs(first: 1) { edges { node { organization { country { code } } } } } }';
    // needs 1 + edges (1 + 100 × node (1 + sdgTargets 21 + technologyCategories 21 + cooperationModes 11)) = 5,402
    const complex =
      '{ needs(first: 100) { edges { node { sdgTargets { code labelEn } technologyCategories { code labelEn } cooperationModes { code } } } } }';
    const count = async (app: TestApp, table: string) =>
      (await app.dataSource.query(`SELECT count(*)::int AS n FROM ${table}`))[0].n as number;

    it('refuse a query deeper than GRAPHQL_MAX_DEPTH with QUERY_TOO_DEEP and HTTP 400; a higher limit lets it through', async () => {
      const res = await post(strict.app, { query: deep });
      expect(res.status).toBe(400);
      expect(res.body.data).toBeUndefined();
      expect(res.body.errors[0]).toMatchObject({
        message: expect.stringContaining('the limit is 4 levels'),
        extensions: { code: 'QUERY_TOO_DEEP', maxDepth: 4 },
      });

      // The default limit (10) lets the same query through.
      const through = await t.gql<{ needs: { edges: Array<{ node: { organization: { country: { code: string } } } }> } }>(deep);
      expect(through.errors).toBeUndefined();
      expect(through.data?.needs.edges[0].node.organization.country.code).toMatch(/^[A-Z]{2}$/);
    });

    it('execute nothing of a mutation that is too deep', async () => {
      const f = strict.factory;
      const need = await f.need((await f.organization({ kind: OrganizationKind.AGENCY })).id);
      const match = await f.match(need.id, (await f.organization()).id);
      const coordinator = await f.user(Role.COORDINATOR);
      const approve =
        'mutation($id: ID!) { approveMatch(input: { id: $id, version: 1 }) { status need { organization { country { code } } } } }';
      const res = await strict.gql(approve, { id: match.id }, strict.tokenFor(coordinator.id));
      expect(errorCode(res)).toBe('QUERY_TOO_DEEP');
      expect(await strict.dataSource.query(`SELECT status, version FROM match WHERE id = $1`, [match.id])).toEqual([
        { status: 'SUGGESTED', version: 1 },
      ]);
      // Within the limit, the same approval goes through.
      const shallow = await strict.gql<{ approveMatch: { status: string } }>(
        'mutation($id: ID!) { approveMatch(input: { id: $id, version: 1 }) { status } }',
        { id: match.id },
        strict.tokenFor(coordinator.id),
      );
      expect(shallow.errors).toBeUndefined();
      expect(shallow.data?.approveMatch.status).not.toBe('SUGGESTED');
    });

    it('refuse nested lists beyond GRAPHQL_MAX_COMPLEXITY with QUERY_TOO_COMPLEX and HTTP 400; a higher limit lets them through', async () => {
      const res = await post(t.app, { query: complex });
      expect(res.status).toBe(400);
      expect(res.body.data).toBeUndefined();
      expect(res.body.errors[0]).toMatchObject({
        message: expect.stringContaining('limit of 5000'),
        extensions: { code: 'QUERY_TOO_COMPLEX', maxComplexity: 5000 },
      });
      // A page of 10 costs 542: fine; so does a page of 10 asked for through a variable.
      expect((await t.gql(complex.replace('first: 100', 'first: 10'))).errors).toBeUndefined();
      const byVariable = complex.replace('{ needs(first: 100)', 'query($n: Int!) { needs(first: $n)');
      expect((await t.gql(byVariable, { n: 10 })).errors).toBeUndefined();
      expect(errorCode(await t.gql(byVariable, { n: 100 }))).toBe('QUERY_TOO_COMPLEX');

      const through = await other.gql<{ needs: { edges: unknown[] } }>(complex);
      expect(through.errors).toBeUndefined();
      expect(Array.isArray(through.data?.needs.edges)).toBe(true);
    });

    it('execute nothing of a mutation that is too complex', async () => {
      const before = await count(t, 'capability');
      // 300 × (1 + 10 × 2) = 6,300
      const selections = Array.from({ length: 300 }, (_, i) => `c${i}: countriesServed { code nameEn }`).join(' ');
      const res = await t.gql(
        `mutation { createCapability(input: { technologyCategory: "DESALINATION", description: "Seawater RO" }) { id ${selections} } }`,
        {},
        w.token('enterprise'),
      );
      expect(errorCode(res)).toBe('QUERY_TOO_COMPLEX');
      expect(await count(t, 'capability')).toBe(before);
    });

    it('answer a body over GRAPHQL_MAX_BODY_BYTES with HTTP 413 and a JSON error, executing nothing; a higher limit lets it through', async () => {
      const padded = { query: '{ __typename }', variables: { pad: 'x'.repeat(1_100_000) } };
      const res = await post(t.app, padded);
      expect(res.status).toBe(413);
      expect(res.headers['content-type']).toMatch(/^application\/json/);
      expect(res.body).toEqual({
        errors: [
          {
            message: 'The request body is larger than the limit of 1048576 bytes',
            extensions: { code: 'PAYLOAD_TOO_LARGE', maxBytes: 1048576 },
          },
        ],
      });
      expect(res.headers['x-content-type-options']).toBe('nosniff');

      const before = await count(t, 'capability');
      const write = await post(
        t.app,
        {
          query: 'mutation($d: String!) { createCapability(input: { technologyCategory: "DESALINATION", description: $d }) { id } }',
          variables: { d: '海水淡化'.repeat(100_000) },
        },
        { authorization: `Bearer ${w.token('enterprise')}` },
      );
      expect(write.status).toBe(413);
      expect(await count(t, 'capability')).toBe(before);

      const through = await post(other.app, padded);
      expect(through.status).toBe(200);
      expect(through.body).toEqual({ data: { __typename: 'Query' } });
    });

    it('close a WebSocket whose message is over GRAPHQL_MAX_BODY_BYTES (1009), where a higher limit takes the same message', async () => {
      /** Opens a graphql-ws socket on `app`, sends one message of `bytes`, and reports how the server answered. */
      const sendOver = async (app: INestApplication, bytes: number) => {
        const server = app.getHttpServer();
        if (!server.listening) await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
        const socket = new WebSocket(`ws://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`, 'graphql-transport-ws');
        await new Promise((resolve, reject) => (socket.once('open', resolve), socket.once('error', reject)));
        const answer = new Promise<string>((resolve) => {
          // ws hands a message over as a Buffer (binaryType 'nodebuffer', its default).
          socket.once('message', (data) => resolve(`message ${JSON.parse((data as Buffer).toString('utf8')).type}`));
          socket.once('close', (code) => resolve(`close ${code}`));
        });
        socket.send(JSON.stringify({ type: 'connection_init', payload: { pad: 'x'.repeat(bytes) } }));
        const result = await answer;
        socket.terminate();
        return result;
      };
      // The refusal is a warning in the JSON log, not graphql-ws's error and stack on stderr.
      const stderr = jest.spyOn(console, 'error');
      try {
        expect(await sendOver(t.app, 1_100_000)).toBe('close 1009');
        expect(await sendOver(other.app, 1_100_000)).toBe('message connection_ack');
        expect(await sendOver(t.app, 1000)).toBe('message connection_ack');
        await new Promise((resolve) => setTimeout(resolve, 100));
        expect(stderr).not.toHaveBeenCalled();
      } finally {
        stderr.mockRestore();
      }
    });

    it('answer a body that is not JSON with a JSON error, not an HTML page', async () => {
      const res = await request(t.app.getHttpServer()).post('/graphql').set('content-type', 'application/json').send('{"query": ');
      expect(res.status).toBe(400);
      expect(res.body).toEqual({ errors: [{ message: 'The request body is not valid JSON', extensions: { code: 'BAD_REQUEST' } }] });
    });
  });

  describe('introspection, sandbox, headers and CORS', () => {
    it('serve introspection, the full standard query included, only where it is enabled', async () => {
      const full = await post(t.app, { query: getIntrospectionQuery({ descriptions: true, inputValueDeprecation: true }) });
      expect(full.status).toBe(200);
      expect(full.body.data.__schema.queryType.name).toBe('Query');
      // Nesting introspection lists beyond the standard query is refused even where introspection is on.
      const nested = await t.gql('{ __schema { types { fields { type { fields { type { fields { name } } } } } } } }');
      expect(errorCode(nested)).toBe('QUERY_TOO_DEEP');

      expect(
        (await strict.gql<{ __schema: { queryType: { name: string } } }>('{ __schema { queryType { name } } }')).data?.__schema.queryType
          .name,
      ).toBe('Query');
      const off = await other.gql('{ __schema { queryType { name } } }');
      expect(errorCode(off)).toBe('GRAPHQL_VALIDATION_FAILED');
      expect(off.data ?? undefined).toBeUndefined();
    });

    it('serve the Apollo sandbox to a browser only where GRAPHQL_SANDBOX is on', async () => {
      const page = await request(t.app.getHttpServer()).get('/graphql').set('accept', 'text/html');
      expect(page.status).toBe(200);
      expect(page.headers['content-type']).toMatch(/^text\/html/);
      expect(page.text).toContain('embeddable-sandbox');
      // The Content-Security-Policy lets the sandbox load, and only from Apollo's CDN.
      expect(page.headers['content-security-policy']).toContain('https://embeddable-sandbox.cdn.apollographql.com');

      const none = await request(other.app.getHttpServer()).get('/graphql').set('accept', 'text/html');
      expect(none.headers['content-type'] ?? '').not.toMatch(/text\/html/);
      expect(none.text).not.toContain('embeddable-sandbox');
    });

    it('send the security headers and no x-powered-by', async () => {
      for (const app of [t, other]) {
        const res = await post(app.app, { query: '{ __typename }' });
        expect(res.status).toBe(200);
        expect(res.headers['x-content-type-options']).toBe('nosniff');
        expect(res.headers['x-frame-options']).toBe('SAMEORIGIN');
        expect(res.headers['strict-transport-security']).toMatch(/max-age=\d+/);
        expect(res.headers['content-security-policy']).toContain("default-src 'self'");
        expect(res.headers['x-powered-by']).toBeUndefined();
      }
      expect((await post(other.app, { query: '{ __typename }' })).headers['content-security-policy']).not.toContain('apollographql.com');
    });

    it('allow cross-origin calls from the CORS_ORIGINS only, without credentials', async () => {
      const from = (app: TestApp, origin: string) => post(app.app, { query: '{ __typename }' }, { origin });
      const allowed = await from(t, 'https://app.example.org');
      expect(allowed.headers['access-control-allow-origin']).toBe('https://app.example.org');
      expect(allowed.headers['access-control-allow-credentials']).toBeUndefined();
      // The request id is readable from the browser, to quote with a failed call.
      expect(allowed.headers['access-control-expose-headers']).toContain('x-request-id');
      expect((await from(t, 'https://evil.example.com')).headers['access-control-allow-origin']).toBeUndefined();
      expect((await from(other, 'https://app.example.org')).headers['access-control-allow-origin']).toBeUndefined();

      const preflight = await request(t.app.getHttpServer()).options('/graphql').set({
        origin: 'https://app.example.org',
        'access-control-request-method': 'POST',
        'access-control-request-headers': 'content-type,authorization',
      });
      expect(preflight.status).toBe(204);
      expect(preflight.headers['access-control-allow-origin']).toBe('https://app.example.org');
      expect(preflight.headers['access-control-allow-headers']).toContain('authorization');
      const refused = await request(t.app.getHttpServer())
        .options('/graphql')
        .set({ origin: 'https://evil.example.com', 'access-control-request-method': 'POST' });
      expect(refused.headers['access-control-allow-origin']).toBeUndefined();
    });
  });
});
