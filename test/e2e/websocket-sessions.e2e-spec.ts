import { AddressInfo } from 'node:net';
import { Client, createClient } from 'graphql-ws';
import jwt from 'jsonwebtoken';
import WebSocket from 'ws';
import { MatchStatus, SideResponse } from '../../src/matches/match-status';
import { NotificationFanoutJob } from '../../src/notifications/notification-fanout.job';
import { NOTIFICATION_CHANNEL } from '../../src/notifications/notification-stream.service';
import { UserEntity } from '../../src/users/user.entity';
import { Role } from '../../src/access/actor';
import { TEST_PASSWORD } from '../support/factory';
import { startTestApp, TEST_JWT_SECRET, TestApp } from '../support/test-app';
import { waitUntil } from '../support/wait';
import { buildWorld, World } from '../support/world';

interface Note {
  id: string;
  type: string;
  body: string;
}

/** One graphql-ws connection, as a client sees it. */
interface Connection {
  client: Client;
  connected: boolean;
  /** How the server closed it, when it did (with the time, for the expiry case). */
  closed?: { code: number; reason: string; at: number };
}

/** One `notificationAdded` subscription on a connection. */
interface Subscription {
  received: Note[];
  errors: Array<{ extensions?: { code?: string } }>;
  completed: boolean;
  stop: () => void;
}

async function listen(t: TestApp): Promise<string> {
  const server = t.app.getHttpServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return `ws://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`;
}

/** Opens a connection at once (not lazily), with `token` if given, from `localAddress` if given (any 127.x is this machine). */
function connect(url: string, token?: string, localAddress?: string): Connection {
  class FromAddress extends WebSocket {
    constructor(address: string | URL, protocols?: string | string[]) {
      super(address, protocols, localAddress ? { localAddress } : {});
    }
  }
  const connection: Connection = {
    connected: false,
    client: createClient({
      url,
      webSocketImpl: FromAddress,
      connectionParams: token ? { authorization: `Bearer ${token}` } : {},
      lazy: false,
      retryAttempts: 0,
      onNonLazyError: () => undefined,
      on: {
        connected: () => (connection.connected = true),
        closed: (event) => {
          const { code, reason } = event as { code: number; reason: string };
          connection.closed ??= { code, reason: String(reason), at: Date.now() };
        },
      },
    }),
  };
  return connection;
}

/** Resolves once the server acknowledged the connection or closed it. */
const settled = (c: Connection) => waitUntil(() => c.connected || c.closed !== undefined, 'the connection to be acknowledged or closed');

function subscribe(c: Connection): Subscription {
  const sub: Subscription = { received: [], errors: [], completed: false, stop: () => undefined };
  sub.stop = c.client.subscribe<{ notificationAdded: Note }>(
    { query: 'subscription { notificationAdded { id type body } }' },
    {
      next: (message) => {
        if (message.data) sub.received.push(message.data.notificationAdded);
        if (message.errors) sub.errors.push(...(message.errors as unknown as Subscription['errors']));
      },
      error: (error) => sub.errors.push(Array.isArray(error) ? error[0] : (error as Subscription['errors'][number])),
      complete: () => (sub.completed = true),
    },
  );
  return sub;
}

/** Writes an in-app notification for the user and announces it the way the fan-out does (NOTIFY after commit). */
async function notify(t: TestApp, userId: string, type: string, body: string): Promise<string> {
  const [{ id }] = await t.dataSource.query(
    `INSERT INTO notification (user_id, event_id, type, title, body) VALUES ($1, gen_random_uuid(), $2, $3, $4) RETURNING id`,
    [userId, type, type, body],
  );
  await announce(t, userId, id);
  return id;
}
const announce = (t: TestApp, userId: string, id: string) =>
  t.dataSource.query('SELECT pg_notify($1, $2)', [NOTIFICATION_CHANNEL, JSON.stringify({ userId, id })]);

/** A notification that reaches every one of `subs`: announced until heard, since the server registers a subscription a moment after it is sent. */
async function delivered(t: TestApp, userId: string, subs: Subscription[]): Promise<string> {
  const id = await notify(t, userId, 'MATCH_INTRODUCED', 'A probe');
  await waitUntil(
    async () => subs.every((s) => s.received.some((n) => n.id === id)) || (await announce(t, userId, id), false),
    'the notification on every open subscription',
    15_000,
  );
  return id;
}

describe('GraphQL WebSocket sessions', () => {
  let t: TestApp;
  let w: World;
  let url: string;
  const open: Connection[] = [];

  beforeAll(async () => {
    t = await startTestApp();
    w = await buildWorld(t);
    url = await listen(t);
  });
  afterEach(async () => {
    // dispose() answers void or a Promise: Promise.resolve gives Promise.all a Promise either way.
    await Promise.all(open.splice(0).map((c) => Promise.resolve(c.client.dispose())));
  });
  afterAll(() => t?.close());

  /** A fresh member of the world's enterprise, signed in over a connection with a live subscription. */
  async function signedInSubscriber(token?: (user: UserEntity) => string) {
    const user = await t.factory.user(Role.ENTERPRISE_MEMBER, { organizationId: w.orgs.enterpriseOrg.id });
    const connection = connect(url, token ? token(user) : t.tokenFor(user.id));
    open.push(connection);
    const sub = subscribe(connection);
    await delivered(t, user.id, [sub]);
    return { user, connection, sub };
  }

  /** Waits until `sub` receives notification `id` or its connection is closed, and reports which. */
  const outcomeOf = async (connection: Connection, sub: Subscription, id: () => string | undefined) =>
    waitUntil(
      () => (sub.received.some((n) => n.id === id()) ? 'delivered' : connection.closed && 'closed'),
      'the notification or the close',
    );

  it('after a password change sends nothing more (not the MATCH_ENGAGED with the other side’s contacts) and closes the socket, 4401', async () => {
    const { user, connection, sub } = await signedInSubscriber();
    const changed = await t.gql(
      'mutation($c: String!) { changePassword(currentPassword: $c, newPassword: "a brand new passphrase") }',
      { c: TEST_PASSWORD },
      t.tokenFor(user.id),
    );
    expect(changed.errors).toBeUndefined();

    // Both sides accept an introduction: the fan-out tells every member of both organisations, with the contacts.
    const need = await t.factory.need(w.orgs.agencyOrg.id);
    const match = await t.factory.match(need.id, w.orgs.enterpriseOrg.id, {
      status: MatchStatus.INTRODUCED,
      introducedAt: new Date(),
      enterpriseResponse: SideResponse.ACCEPTED,
    });
    const accepted = await t.gql<{ respondToMatch: { status: string } }>(
      'mutation($id: ID!, $v: Int!) { respondToMatch(input: { id: $id, version: $v, accept: true }) { status } }',
      { id: match.id, v: match.version },
      w.token('agency'),
    );
    expect(accepted.data?.respondToMatch.status).toBe('ENGAGED');
    await t.app.get(NotificationFanoutJob).drain();
    const [engaged] = await t.dataSource.query(`SELECT id, body FROM notification WHERE user_id = $1 AND type = 'MATCH_ENGAGED'`, [
      user.id,
    ]);
    expect(engaged.body).toContain(w.orgs.agencyOrg.contactEmail);

    expect(await outcomeOf(connection, sub, () => engaged.id)).toBe('closed');
    // Only the probe (announced until heard, so perhaps more than once) ever arrived.
    expect(new Set(sub.received.map((n) => n.type))).toEqual(new Set(['MATCH_INTRODUCED']));
    expect(connection.closed).toMatchObject({
      code: 4401,
      reason: 'The token was revoked by a password change or a sign-out of every session: sign in again',
    });
  });

  it('after the account is deactivated sends nothing more and closes the socket, 4401', async () => {
    const { user, connection, sub } = await signedInSubscriber();
    const deactivated = await t.gql(
      'mutation($id: ID!) { updateUser(input: { id: $id, active: false }) { active } }',
      { id: user.id },
      w.token('admin'),
    );
    expect(deactivated.errors).toBeUndefined();
    // A notification fanned out for the user just before the deactivation committed.
    const id = await notify(
      t,
      user.id,
      'MATCH_ENGAGED',
      'You can now contact them directly: partners@lanka-water.example, +94 11 000 0000',
    );

    expect(await outcomeOf(connection, sub, () => id)).toBe('closed');
    expect(new Set(sub.received.map((n) => n.type))).toEqual(new Set(['MATCH_INTRODUCED']));
    expect(connection.closed).toMatchObject({ code: 4401, reason: 'The account behind this token no longer exists or was deactivated' });
  });

  it('closes the socket when its token expires, with nothing sent (4401)', async () => {
    let expiresAt = 0;
    const shortLived = (user: UserEntity) => {
      const token = jwt.sign({ tv: 0 }, TEST_JWT_SECRET, { algorithm: 'HS256', subject: user.id, issuer: 'waterbridge', expiresIn: 5 });
      expiresAt = (jwt.decode(token) as { exp: number }).exp * 1000;
      return token;
    };
    const { connection } = await signedInSubscriber(shortLived);
    // The subscription worked while the token was valid (signedInSubscriber); now nothing is sent, and the server closes.
    await waitUntil(() => connection.closed, 'the socket to be closed at the expiry of its token', 20_000);
    expect(connection.closed).toMatchObject({ code: 4401, reason: 'The token has expired: sign in again' });
    expect(connection.closed!.at).toBeGreaterThanOrEqual(expiresAt);
  });
});

describe('GraphQL WebSocket caps', () => {
  let t: TestApp;
  let w: World;
  let url: string;
  const open: Connection[] = [];

  beforeAll(async () => {
    t = await startTestApp({ WS_MAX_CONNECTIONS_PER_ADDRESS: '3', WS_MAX_SUBSCRIPTIONS_PER_CONNECTION: '2' });
    w = await buildWorld(t);
    url = await listen(t);
  });
  afterEach(async () => {
    // dispose() answers void or a Promise: Promise.resolve gives Promise.all a Promise either way.
    await Promise.all(open.splice(0).map((c) => Promise.resolve(c.client.dispose())));
  });
  afterAll(() => t?.close());

  const connectAndSettle = async (token?: string, localAddress?: string) => {
    const connection = connect(url, token, localAddress);
    open.push(connection);
    await settled(connection);
    return connection;
  };

  it('refuses the fourth connection from one address with 4429 while the first three work; other addresses and freed slots connect', async () => {
    const token = w.token('enterprise');
    const first = await Promise.all([1, 2, 3].map(() => connectAndSettle(token)));
    expect(first.map((c) => c.connected)).toEqual([true, true, true]);

    const fourth = await connectAndSettle(token);
    expect(fourth.connected).toBe(false);
    expect(fourth.closed).toMatchObject({ code: 4429, reason: 'Too many connections from this address' });

    // Another address is not caught by the cap of this one.
    expect((await connectAndSettle(token, '127.0.0.2')).connected).toBe(true);
    // The three still work.
    const subs = first.map(subscribe);
    await delivered(t, w.users.enterprise.id, subs);
    expect(first.map((c) => c.closed)).toEqual([undefined, undefined, undefined]);

    // A closed connection frees its place (the server counts it out once it sees the close).
    await first[0].client.dispose();
    await waitUntil(async () => (await connectAndSettle(token)).connected, 'a new connection once one of the three closed');
  });

  it('refuses the third subscription on one connection with TOO_MANY_REQUESTS while the first two keep receiving; an ended one frees its place', async () => {
    // From an address of its own: the server may not yet have counted out the connections of the test above.
    const connection = await connectAndSettle(w.token('agency'), '127.0.0.3');
    const [a, b] = [subscribe(connection), subscribe(connection)];
    await delivered(t, w.users.agency.id, [a, b]);

    const third = subscribe(connection);
    await waitUntil(() => third.errors.length > 0 || third.received.length > 0 || third.completed, 'the third subscription to be answered');
    expect(third.errors.map((e) => e.extensions?.code)).toEqual(['TOO_MANY_REQUESTS']);
    await delivered(t, w.users.agency.id, [a, b]);
    expect(third.received).toEqual([]);
    expect(connection.closed).toBeUndefined();

    a.stop();
    const fourth = subscribe(connection);
    await delivered(t, w.users.agency.id, [b, fourth]);
    expect(fourth.errors).toEqual([]);
  });
});
