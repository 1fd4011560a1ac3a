import { INestApplication } from '@nestjs/common';
import request from 'supertest';
import { createApp } from '../../src/app.factory';
import { SearchRepository } from '../../src/search/search.repository';
import { TEST_PASSWORD } from '../support/factory';
import { oneOperationOverWebSocket } from '../support/graphql-ws';
import { errorCode, GraphQLResponse, startTestApp, testConfig, TestApp } from '../support/test-app';
import { buildWorld, World } from '../support/world';

/** POST /graphql as a client at `address` (behind the proxy, X-Forwarded-For says who), with an optional bearer token. */
function post(app: INestApplication, body: unknown, address: string, token?: string) {
  const req = request(app.getHttpServer()).post('/graphql').set('content-type', 'application/json').set('x-forwarded-for', address);
  if (token) req.set('authorization', `Bearer ${token}`);
  return req.send(body as object);
}

const overWebSocket = (app: INestApplication, address: string, query: string) => oneOperationOverWebSocket(app, address, query);

const aliases = (n: number, field: string) => `{ ${Array.from({ length: n }, (_, i) => `a${i}: ${field}`).join(' ')} }`;
const SEARCH = '{ searchNeeds(query: "water", first: 20) { totalCount } }';
/** 10 + 100 + 1 = 111 points: 45 of them fit in 5,000. */
const LIST = '{ needs(first: 100) { totalCount } }';

describe('request budget and the cost of root fields', () => {
  let t: TestApp;
  let w: World;
  // The default limits, and a budget of 5,000 points a minute for anonymous clients (the least allowed: the cost limit).
  beforeAll(async () => {
    t = await startTestApp({ TRUST_PROXY: '1', GRAPHQL_BUDGET_ANONYMOUS_PER_MINUTE: '5000', GRAPHQL_BUDGET_SIGNED_IN_PER_MINUTE: '60000' });
    w = await buildWorld(t);
    await t.indexEverything();
  });
  afterAll(() => t?.close());

  let lastAddress = 0;
  const freshAddress = () => `203.0.113.${++lastAddress}`;

  it('refuses 2,500 aliased sign-ins before any resolver runs: not one password is checked or counted', async () => {
    const email = w.users.agency.email;
    const res = await post(
      t.app,
      { query: `mutation ${aliases(2500, `login(email: "${email}", password: "guess") { token }`)}` },
      freshAddress(),
    );
    expect(res.status).toBe(400);
    expect(res.body.data ?? null).toBeNull();
    expect(res.body.errors[0].extensions).toMatchObject({ code: 'QUERY_TOO_MANY_ROOT_FIELDS', maxRootFields: 20 });
    expect(await t.dataSource.query(`SELECT kind FROM login_throttle WHERE key LIKE '%' || $1 || '%'`, [email])).toEqual([]);
  });

  it('refuses 2,500 aliased lists and searches that ask for no items, by the root-field limit and by their cost', async () => {
    for (const field of ['needs(first: 100) { totalCount }', 'searchNeeds(query: "water", first: 1) { totalCount }']) {
      const res = await post(t.app, { query: aliases(2500, field) }, freshAddress());
      expect(res.status).toBe(400);
      expect(errorCode(res.body)).toBe('QUERY_TOO_MANY_ROOT_FIELDS');
    }
    // Within the root-field limit, the work behind the fields still counts: 20 lists of 100 cost 20 × 111, 20 searches
    // 20 × 101, where they cost 2 each before.
    const lists = await post(t.app, { query: aliases(20, 'needs(first: 100) { totalCount }') }, freshAddress());
    expect(lists.status).toBe(200);
    expect(errorCode(lists.body)).toBeUndefined();
    const wide = await startTestApp({ GRAPHQL_MAX_ROOT_FIELDS: '5000' });
    try {
      for (const field of ['needs(first: 100) { totalCount }', 'searchNeeds(query: "water", first: 1) { totalCount }']) {
        const res = await post(wide.app, { query: aliases(2500, field) }, freshAddress());
        expect(res.status).toBe(400);
        expect(res.body.errors[0].extensions).toMatchObject({ code: 'QUERY_TOO_COMPLEX', maxComplexity: 5000 });
      }
      // 50 searches of one item each: 50 × (100 + 1 + 1) = 5,100.
      const res = await post(wide.app, { query: aliases(50, 'searchNeeds(query: "water", first: 1) { totalCount }') }, freshAddress());
      expect(errorCode(res.body)).toBe('QUERY_TOO_COMPLEX');
    } finally {
      await wide.close();
    }
  });

  it('serves a normal client while an attacker that spent its budget is refused, with the time to wait', async () => {
    const [attacker, neighbour] = [freshAddress(), freshAddress()];
    // Each search costs 100 + 20 + 1 = 121 points: 41 of them fit in 5,000 (and the bucket refills 83 points a second).
    const answers: Array<{ status: number; code: unknown; retryAfter?: string; body: GraphQLResponse }> = [];
    while (answers.length < 100 && answers.filter((a) => a.status === 429).length < 2) {
      const res = await post(t.app, { query: SEARCH }, attacker);
      answers.push({ status: res.status, code: errorCode(res.body), retryAfter: res.headers['retry-after'], body: res.body });
    }
    const served = answers.findIndex((a) => a.status !== 200);
    expect(served).toBeGreaterThanOrEqual(41);
    expect(answers.slice(0, served).every((a) => a.code === undefined)).toBe(true);
    const refused = answers.slice(served);
    expect(refused.map((a) => [a.status, a.code])).toEqual(Array(2).fill([429, 'TOO_MANY_REQUESTS']));
    const first = refused[0];
    expect(first.body.data ?? null).toBeNull();
    expect(first.body.errors?.[0].message).toMatch(
      /^Too many requests: this client's budget of 5000 cost points a minute is spent; try again in \d+ seconds$/,
    );
    const wait = first.body.errors?.[0].extensions?.retryAfterSeconds as number;
    expect(wait).toBeGreaterThanOrEqual(1);
    expect(wait).toBeLessThanOrEqual(60);
    expect(first.retryAfter).toBe(String(wait));

    // Another client address is served as usual, and so is a signed-in user behind the attacker's address.
    const neighbourAnswer = await post(t.app, { query: SEARCH }, neighbour);
    expect(neighbourAnswer.status).toBe(200);
    expect(neighbourAnswer.body.data.searchNeeds.totalCount).toBeGreaterThan(0);
    const member = await post(t.app, { query: SEARCH }, attacker, t.tokenFor(w.users.enterprise.id));
    expect(errorCode(member.body)).toBeUndefined();

    // A refused operation executes nothing: a refused sign-in is not counted against the throttle.
    await t.dataSource.query(`UPDATE request_budget SET points = 0, updated_at = clock_timestamp() WHERE client = $1`, [
      `address:${attacker}`,
    ]);
    const login = await post(
      t.app,
      { query: `mutation { login(email: "${w.users.agency.email}", password: "guess") { token } }` },
      attacker,
    );
    expect(errorCode(login.body)).toBe('TOO_MANY_REQUESTS');
    expect(await t.dataSource.query(`SELECT kind FROM login_throttle WHERE key LIKE '%' || $1 || '%'`, [w.users.agency.email])).toEqual([]);

    // The bucket refills with time (here, as if a minute had passed).
    await t.dataSource.query(`UPDATE request_budget SET updated_at = updated_at - interval '60 seconds' WHERE client = $1`, [
      `address:${attacker}`,
    ]);
    expect(errorCode((await post(t.app, { query: SEARCH }, attacker)).body)).toBeUndefined();
  });

  it('charges each signed-in user on their own, wherever they call from', async () => {
    const token = t.tokenFor(w.users.coordinator.id);
    // 60,000 points; each ranking costs 1,000 + its candidates: spend them down directly, as 480 rankings would.
    await t.dataSource.query(
      `INSERT INTO request_budget (client, points, updated_at) VALUES ($1, 50, clock_timestamp()) ON CONFLICT (client) DO UPDATE SET points = 50, updated_at = clock_timestamp()`,
      [`user:${w.users.coordinator.id}`],
    );
    const ranking = `{ matchCandidates(needId: "${w.openNeed.id}", first: 5) { rank } }`;
    const refused = await post(t.app, { query: ranking }, freshAddress(), token);
    expect(refused.status).toBe(429);
    expect(errorCode(refused.body)).toBe('TOO_MANY_REQUESTS');
    // From another address the same user is the same client; another user is not.
    expect(errorCode((await post(t.app, { query: ranking }, freshAddress(), token)).body)).toBe('TOO_MANY_REQUESTS');
    expect(errorCode((await post(t.app, { query: ranking }, freshAddress(), t.tokenFor(w.users.admin.id))).body)).toBeUndefined();
  });

  it('shares the budget between API processes, and applies it and the root-field limit over WebSocket', async () => {
    const url = (t.dataSource.options as { url: string }).url;
    const twin = await createApp(testConfig(url, { TRUST_PROXY: '1', GRAPHQL_BUDGET_ANONYMOUS_PER_MINUTE: '5000' }));
    await twin.init();
    try {
      const attacker = freshAddress();
      // 45 lists spread over both processes spend the bucket; the next is refused by either.
      for (let i = 0; i < 45; i++)
        expect(errorCode((await post(i % 2 === 0 ? t.app : twin, { query: LIST }, attacker)).body)).toBeUndefined();
      expect((await post(twin, { query: LIST }, attacker)).status).toBe(429);
      expect((await post(t.app, { query: LIST }, attacker)).status).toBe(429);

      const overSocket = (await overWebSocket(t.app, attacker, LIST)) as GraphQLResponse;
      expect(errorCode(overSocket)).toBe('TOO_MANY_REQUESTS');
      expect(overSocket.data ?? null).toBeNull();
      const fresh = (await overWebSocket(t.app, freshAddress(), SEARCH)) as GraphQLResponse<{ searchNeeds: { totalCount: number } }>;
      expect(fresh.data?.searchNeeds.totalCount).toBeGreaterThan(0);
      const fanOut = (await overWebSocket(t.app, freshAddress(), aliases(2500, 'needs(first: 100) { totalCount }'))) as GraphQLResponse;
      expect(errorCode(fanOut)).toBe('QUERY_TOO_MANY_ROOT_FIELDS');
    } finally {
      await twin
        .get(SearchRepository)
        .deleteAll()
        .catch(() => undefined);
      await twin.close();
    }
  });

  it('signs in within the budget as usual', async () => {
    const res = await post(
      t.app,
      { query: `mutation { login(email: "${w.users.enterprise.email}", password: "${TEST_PASSWORD}") { token } }` },
      freshAddress(),
    );
    expect(res.body.data.login.token).toEqual(expect.any(String));
  });
});
