import { ChildProcess } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { exited, launch as launchProcess, READY, Started, waitFor } from './support/app-process';
import { buildOnce } from './support/build';
import { freePort } from './support/free-port';
import { waitUntil } from './support/wait';
import { processesMentioning } from '../src/infra/embedded/process-files';

const launched: ChildProcess[] = [];

/** Starts the compiled application and remembers it, so a failed test does not leave it running. */
function launch(env: Record<string, string>, command?: string[]): Started {
  const started = launchProcess(env, command);
  launched.push(started.child);
  return started;
}

async function graphql<T = Record<string, unknown>>(port: number, query: string, variables: Record<string, unknown> = {}, token?: string) {
  const headers: Record<string, string> = { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) };
  const res = await fetch(`http://127.0.0.1:${port}/graphql`, { method: 'POST', headers, body: JSON.stringify({ query, variables }) });
  return (await res.json()) as { data?: T; errors?: unknown[] };
}

describe('npm start (compiled application, embedded servers)', () => {
  let dataDir: string;
  let env: Record<string, string>;
  let port: number;

  beforeAll(async () => {
    buildOnce();
    dataDir = mkdtempSync(join(tmpdir(), 'waterbridge-start-'));
    chmodSync(dataDir, 0o711);
    port = await freePort();
    env = {
      DATA_DIR: join(dataDir, 'data'),
      PORT: String(port),
      EMBEDDED_POSTGRES_PORT: String(await freePort()),
      EMBEDDED_MEILI_PORT: String(await freePort()),
    };
  });
  // A failed test must not leave its instance running into the next one (its servers are then left-overs, which the
  // next start stops: that path has its own test below).
  afterEach(async () => {
    for (const child of launched.splice(0)) {
      if (child.exitCode !== null || child.signalCode !== null) continue;
      child.kill('SIGKILL');
      await exited(child);
    }
  });
  afterAll(() => {
    for (const pid of processesMentioning(dataDir)) process.kill(pid, 'SIGKILL');
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('refuses a bad setting with one line naming it, and a non-zero exit', async () => {
    const started = launch({ ...env, PORT: 'eighty' });
    expect(await exited(started.child)).toBe(1);
    expect(started.output().trim()).toBe('Invalid configuration: PORT must be an integer number (got "eighty")');

    const external = launch({
      ...env,
      DATABASE_URL: 'postgres://u:p@127.0.0.1:1/db',
      MEILI_URL: 'http://127.0.0.1:1',
      MEILI_MASTER_KEY: 'a-master-key-long-enough',
    });
    expect(await exited(external.child)).toBe(1);
    expect(external.output()).toMatch(/^Invalid configuration: JWT_SECRET is required when DATABASE_URL is set/);
    expect(external.output()).not.toContain('u:p@');
  });

  it('starts, seeds real needs, serves GraphQL, and stops both servers on SIGTERM', async () => {
    const started = launch(env);
    await waitFor(started, READY);
    expect(started.output()).toMatch(/COORDINATOR\s+coordinator@demo\.waterbridge\.org/);

    const needs = await graphql<{ needs: { totalCount: number; edges: Array<{ node: { title: string; country: { code: string } } }> } }>(
      port,
      '{ needs(first: 5) { totalCount edges { node { title country { code } } } } }',
    );
    // The 180 GCDF needs and the Sri Lankan joint centre's (src/demo/alliance-demo.ts).
    expect(needs.data?.needs.totalCount).toBe(181);
    expect(needs.data?.needs.edges).toHaveLength(5);
    for (const edge of needs.data?.needs.edges ?? []) expect(edge.node.country.code).toMatch(/^[A-Z]{2}$/);
    // Indexed before the first request: search finds the seeded needs at once.
    const found = await graphql<{ searchNeeds: { totalCount: number } }>(port, '{ searchNeeds(query: "water", first: 1) { totalCount } }');
    expect(found.data?.searchNeeds.totalCount).toBeGreaterThan(100);
    const login = await graphql<{ login: { token: string; user: { role: string } } }>(
      port,
      'mutation { login(email: "coordinator@demo.waterbridge.org", password: "waterbridge-demo") { token user { role } } }',
    );
    expect(login.data?.login.user.role).toBe('COORDINATOR');
    // The demo's review queue fills with candidates for the newest needs, and the coordinator is told by e-mail,
    // which the embedded mail catcher keeps as a file.
    const queue = await waitUntil(async () => {
      const res = await graphql<{ reviewQueue: { totalCount: number } }>(
        port,
        '{ reviewQueue(first: 5) { totalCount } }',
        {},
        login.data?.login.token,
      );
      return (res.data?.reviewQueue.totalCount ?? 0) > 0 ? res.data?.reviewQueue : undefined;
    }, 'candidates in the review queue');
    expect(queue.totalCount).toBeGreaterThan(0);
    await waitUntil(
      () => existsSync(join(env.DATA_DIR, 'mail')) && readdirSync(join(env.DATA_DIR, 'mail')).some((f) => f.endsWith('.eml')),
      'a caught e-mail',
    );
    expect(processesMentioning(dataDir).length).toBeGreaterThanOrEqual(2);

    started.child.kill('SIGTERM');
    expect(await exited(started.child)).toBe(0);
    expect(processesMentioning(dataDir)).toEqual([]);
  });

  it('reuses the data on the next start without seeding twice', async () => {
    const started = launch(env);
    await waitFor(started, READY);
    const res = await graphql(port, '{ needs(first: 1) { totalCount } organizations(first: 1) { totalCount } }');
    expect(res.data).toEqual({ needs: { totalCount: 181 }, organizations: { totalCount: 171 } });
    started.child.kill('SIGINT');
    expect(await exited(started.child)).toBe(0);
    expect(processesMentioning(dataDir)).toEqual([]);
  });

  it('recovers from a hard kill: servers left behind are stopped on the next start', async () => {
    const first = launch(env);
    await waitFor(first, READY);
    first.child.kill('SIGKILL');
    await exited(first.child);
    // What SIGKILL leaves: the database and search servers, still running.
    expect(processesMentioning(dataDir).length).toBeGreaterThanOrEqual(2);

    const second = launch(env);
    await waitFor(second, READY);
    const res = await graphql(port, '{ needs(first: 1) { totalCount } }');
    expect(res.data).toEqual({ needs: { totalCount: 181 } });
    second.child.kill('SIGTERM');
    expect(await exited(second.child)).toBe(0);
    expect(processesMentioning(dataDir)).toEqual([]);
  });

  it('stops everything when a process manager sends SIGTERM to `npm start` itself', async () => {
    const started = launch(env, ['npm', 'start']);
    await waitFor(started, READY);
    started.child.kill('SIGTERM');
    await exited(started.child);
    // npm passes the signal on; the application must not survive its parent with the servers.
    const deadline = Date.now() + 15_000;
    while (processesMentioning(dataDir).length > 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
    expect(processesMentioning(dataDir)).toEqual([]);
  });
});
