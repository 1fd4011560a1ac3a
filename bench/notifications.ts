import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { rmSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { DataSource } from 'typeorm';
import { logLevels } from '../src/app.factory';
import { hashPassword } from '../src/users/password-hasher';
import { TokenService } from '../src/access/token.service';
import { prepareIsolatedWorld } from '../src/cli/match-batch.command';
import { freePort } from '../src/infra/embedded/free-port';
import { NotificationOutboxService } from '../src/notifications/notification-outbox.service';
import { configOrExit, startRuntime } from '../src/runtime';
import { SearchRepository } from '../src/search/search.repository';
import { oneFactorExplanation } from '../test/support/factory';
import { ReceivedMail, startSmtpReceiver } from '../test/support/smtp-receiver';
import { percentile } from '../test/support/statistics';
import { ReceivedWebhook, startWebhookReceiver } from '../test/support/webhook-receiver';

/**
 * npm run bench:notifications — 5,000 match approvals fanned out to both sides on all three channels. Starts a
 * throwaway PostgreSQL and Meilisearch, test/support's SMTP and webhook receivers (both in this process), and
 * the application with its workers; seeds agencies, enterprises, their members, one webhook per organisation and the
 * suggested matches straight into PostgreSQL; approves every match through `approveMatches` over GraphQL/HTTP (batches
 * of 100, one after the other, as a coordinator); then waits for every in-app notification, e-mail and webhook call.
 * Prints the rates, the latency from each approval's commit to each receipt, and the lost and duplicated counts;
 * exits 1 when anything is lost or duplicated or the whole run misses its target.
 */
const AGENCIES = Number(process.env.BENCH_AGENCIES ?? 100);
const NEEDS_PER_AGENCY = Number(process.env.BENCH_NEEDS_PER_AGENCY ?? 50);
const ENTERPRISES = Number(process.env.BENCH_ENTERPRISES ?? 500);
/** The most approveMatches takes at once. */
const BATCH = 100;
const TARGET_MS = 120_000;
/** How long to wait for the last delivery before calling the rest lost. */
const GIVE_UP_MS = Number(process.env.BENCH_TIMEOUT_SECONDS ?? 300) * 1000;
/** After everything arrived and the queue is empty, how long to keep listening for duplicates. */
const GRACE_MS = 3_000;

const log = (message: string) => console.log(message);
const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

type Channel = 'in-app' | 'e-mail' | 'webhook';
const CHANNELS: Channel[] = ['in-app', 'e-mail', 'webhook'];

/** One arrival at a receiver: which delivery (the idempotency key), which match and recipient it is for, and when. */
interface Receipt {
  key: string;
  matchId: string | null;
  recipient: string;
  at: number;
}

/**
 * An e-mail as a receipt: key = X-WaterBridge-Delivery (the values looked for hold no spaces, so any left are
 * folding); matchId resolved later from the event the key names.
 */
function mailReceipt(mail: ReceivedMail): Receipt {
  return {
    key: (mail.headers['x-waterbridge-delivery'] ?? '').replace(/\s+/g, ''),
    matchId: null,
    recipient: mail.to.join(','),
    at: mail.at,
  };
}

/** What the webhook receiver counts: a call whose signature verified (others were answered 401), naming its delivery in its body. */
function webhookReceipt(call: ReceivedWebhook): Receipt | undefined {
  const organizationId = /^\/webhooks\/([0-9a-f-]{36})$/.exec(call.path)?.[1];
  const key = call.headers['waterbridge-delivery'];
  const body = call.json as { id?: unknown; data?: { matchId?: unknown } } | undefined;
  if (!call.signatureValid || !organizationId || typeof key !== 'string' || body?.id !== key) return undefined;
  return { key, matchId: typeof body.data?.matchId === 'string' ? body.data.matchId : null, recipient: organizationId, at: call.at };
}

/** Busy and total CPU time of the whole machine so far, in ms (other processes included). */
function machineCpu(): { busy: number; total: number } {
  let busy = 0;
  let total = 0;
  for (const { times } of cpus()) {
    const all = times.user + times.nice + times.sys + times.idle + times.irq;
    total += all;
    busy += all - times.idle;
  }
  return { busy, total };
}

interface Seeded {
  coordinatorId: string;
  /** Organisation id → its webhook's secret. */
  secrets: Map<string, string>;
  /** Organisation id → its one member. */
  memberOf: Map<string, { id: string; email: string }>;
  /** Match id → the agency and the enterprise it introduces. */
  sidesOf: Map<string, { agencyId: string; enterpriseId: string }>;
  matches: Array<{ id: string; version: number }>;
}

/**
 * Agencies with one member and NEEDS_PER_AGENCY open needs each, enterprises with one member each (Chinese speakers,
 * so both languages of the e-mails are built), a webhook per organisation subscribed to MATCH_INTRODUCED, and one
 * SUGGESTED match per need, the enterprises taking the needs in turn.
 */
async function seed(dataSource: DataSource, hooksUrl: string): Promise<Seeded> {
  const hash = await hashPassword('bench-password');
  await dataSource.transaction(async (m) => {
    await m.query(
      `INSERT INTO organization (kind, name_en, country_code, verification_status, external_id, description)
       SELECT 'AGENCY'::organization_kind, 'Bench water agency ' || i, 'LK', 'VERIFIED'::verification_status, 'bench-agency-' || lpad(i::text, 5, '0'), '' FROM generate_series(1, $1) i
       UNION ALL
       SELECT 'ENTERPRISE'::organization_kind, 'Bench water enterprise ' || i, 'CN', 'VERIFIED'::verification_status, 'bench-enterprise-' || lpad(i::text, 5, '0'), '' FROM generate_series(1, $2) i`,
      [AGENCIES, ENTERPRISES],
    );
    await m.query(
      `INSERT INTO app_user (email, display_name, password_hash, organization_id, role, preferred_language)
       SELECT external_id || '@bench.local', 'Member of ' || name_en, $1, id,
              (CASE kind WHEN 'AGENCY' THEN 'AGENCY_MEMBER' ELSE 'ENTERPRISE_MEMBER' END)::user_role, (CASE kind WHEN 'AGENCY' THEN 'EN' ELSE 'ZH' END)::language
       FROM organization WHERE external_id LIKE 'bench-%'`,
      [hash],
    );
    await m.query(
      `INSERT INTO webhook_endpoint (organization_id, url, secret, events)
       SELECT id, $1 || id, 'whsec_' || replace(gen_random_uuid()::text, '-', ''), '{MATCH_INTRODUCED}' FROM organization WHERE external_id LIKE 'bench-%'`,
      [hooksUrl],
    );
    await m.query(
      `INSERT INTO need (organization_id, title, description, country_code, sector_code, sdg_targets, cooperation_modes, technology_categories, status, published_at, external_id)
       SELECT o.id, 'Rural water supply ' || k || ' for ' || o.name_en, 'Boreholes and a small treatment plant for twelve villages.', 'LK', '14031',
              '{6.1}', '{EPC}', '{GROUNDWATER_WELLS}', 'OPEN', now(), o.external_id || '-need-' || lpad(k::text, 4, '0')
       FROM organization o CROSS JOIN generate_series(1, $1) k WHERE o.kind = 'AGENCY' AND o.external_id LIKE 'bench-%'`,
      [NEEDS_PER_AGENCY],
    );
    await m.query(
      `WITH n AS (SELECT id, row_number() OVER (ORDER BY external_id) - 1 AS r FROM need WHERE external_id LIKE 'bench-%'),
            e AS (SELECT id, row_number() OVER (ORDER BY external_id) - 1 AS r FROM organization WHERE kind = 'ENTERPRISE' AND external_id LIKE 'bench-%')
       INSERT INTO match (need_id, enterprise_id, origin, status, score, rank, explanation, status_changed_at)
       SELECT n.id, e.id, 'SUGGESTION', 'SUGGESTED', 0.5, 1, $1::jsonb, now() FROM n JOIN e ON e.r = n.r % $2`,
      [JSON.stringify(oneFactorExplanation()), ENTERPRISES],
    );
  });
  const [secretariat] = await dataSource.query(
    `INSERT INTO organization (kind, name_en, country_code, verification_status) VALUES ('SECRETARIAT', 'Bench secretariat', 'CN', 'VERIFIED') RETURNING id`,
  );
  const [coordinator] = await dataSource.query(
    `INSERT INTO app_user (email, display_name, password_hash, organization_id, role) VALUES ('coordinator@bench.local', 'Bench coordinator', $1, $2, 'COORDINATOR') RETURNING id`,
    [hash, secretariat.id],
  );
  const hooks: Array<{ organization_id: string; secret: string }> = await dataSource.query(
    `SELECT organization_id, secret FROM webhook_endpoint`,
  );
  const members: Array<{ id: string; email: string; organization_id: string }> = await dataSource.query(
    `SELECT id, email, organization_id FROM app_user WHERE email LIKE 'bench-%'`,
  );
  const matches: Array<{ id: string; version: number; agency_id: string; enterprise_id: string }> = await dataSource.query(
    `SELECT m.id, m.version, n.organization_id AS agency_id, m.enterprise_id FROM match m JOIN need n ON n.id = m.need_id WHERE m.status = 'SUGGESTED' ORDER BY m.id`,
  );
  return {
    coordinatorId: coordinator.id,
    secrets: new Map(hooks.map((h) => [h.organization_id, h.secret])),
    memberOf: new Map(members.map((u) => [u.organization_id, { id: u.id, email: u.email }])),
    sidesOf: new Map(matches.map((m) => [m.id, { agencyId: m.agency_id, enterpriseId: m.enterprise_id }])),
    matches: matches.map(({ id, version }) => ({ id, version })),
  };
}

interface ChannelResult {
  channel: Channel;
  expected: number;
  received: number;
  unique: number;
  lost: number;
  duplicated: number;
  /** Unique receipts for no approved match or recipient (none is expected). */
  unexpected: number;
  lastAt: number;
  latencies: number[];
}

/**
 * Counts one channel: a receipt is identified by (match, recipient), so a delivery sent twice under two keys counts
 * as a duplicate too, not only a resend of one key; `duplicated` is every receipt beyond the first of its pair.
 */
function tally(channel: Channel, receipts: Receipt[], expected: Set<string>, committedAt: Map<string, number>): ChannelResult {
  const first = new Map<string, number>();
  for (const r of receipts) {
    const id = `${r.matchId}|${r.recipient}`;
    first.set(id, Math.min(first.get(id) ?? Infinity, r.at));
  }
  let found = 0;
  let lastAt = 0;
  const latencies: number[] = [];
  for (const [id, at] of first) {
    if (!expected.has(id)) continue;
    found++;
    lastAt = Math.max(lastAt, at);
    latencies.push(at - committedAt.get(id.split('|')[0])!);
  }
  return {
    channel,
    expected: expected.size,
    received: receipts.length,
    unique: first.size,
    lost: expected.size - found,
    duplicated: receipts.length - first.size,
    unexpected: first.size - found,
    lastAt,
    latencies,
  };
}

async function main(): Promise<void> {
  Logger.overrideLogger(logLevels('warn'));
  const cpu = cpus();
  log(`Machine: ${cpu.length} × ${cpu[0]?.model ?? 'cpu'}, ${(totalmem() / 2 ** 30).toFixed(0)} GB, Node ${process.version}`);
  let secrets = new Map<string, string>();
  // Headers only: 10,000 MIME parses would take CPU from the application under test.
  const smtp = await startSmtpReceiver({ headersOnly: true });
  // One receiver for every organisation's webhook (at <url>/<organisation id>), checking each with that one's secret.
  const hooks = await startWebhookReceiver({
    secret: (path) => secrets.get(path.slice(path.lastIndexOf('/') + 1)),
    refuseUnverified: true,
  });
  const mailReceipts = () => smtp.messages.map(mailReceipt);
  const hookReceipts = () => hooks.received.flatMap((call) => webhookReceipt(call) ?? []);
  const distinct = (receipts: Receipt[]) => new Set(receipts.map((r) => r.key)).size;
  const world = await prepareIsolatedWorld();
  // startRuntime exits the process itself when the start fails; the temp dir goes with it all the same.
  const dataDir = world.environment.DATA_DIR;
  if (dataDir) process.once('exit', () => rmSync(dataDir, { recursive: true, force: true }));
  const stopAll = async () => {
    await smtp.stop();
    await hooks.stop();
    await world.cleanup();
  };
  const port = await freePort();
  const config = configOrExit({
    ...process.env,
    ...world.environment,
    WORKERS_ENABLED: 'true',
    SMTP_HOST: '127.0.0.1',
    SMTP_PORT: String(smtp.port),
    SMTP_SECURE: 'false',
    WEBHOOK_ALLOW_HTTP: 'true',
    WEBHOOK_ALLOW_PRIVATE_NETWORKS: 'true',
    LOG_LEVEL: 'warn',
    PORT: String(port),
  });
  const runtime = await startRuntime(config, new Logger('bench'));
  let code = 1;
  try {
    const app = runtime.app;
    await app.listen(port, '127.0.0.1');
    const dataSource = app.get(DataSource);

    const t = Date.now();
    const seeded = await seed(dataSource, `${hooks.url}/`);
    secrets = seeded.secrets;
    const approvals = seeded.matches.length;
    log(
      `Seeded ${AGENCIES} agencies × ${NEEDS_PER_AGENCY} open needs, ${ENTERPRISES} enterprises, one member and one webhook each, ${approvals} suggested matches in ${seconds(Date.now() - t)}`,
    );

    // What each channel must receive: per approval, the agency's and the enterprise's member (in-app, e-mail) and
    // organisation (webhook).
    const expected: Record<Channel, Set<string>> = { 'in-app': new Set(), 'e-mail': new Set(), webhook: new Set() };
    for (const [matchId, { agencyId, enterpriseId }] of seeded.sidesOf) {
      for (const organizationId of [agencyId, enterpriseId]) {
        const member = seeded.memberOf.get(organizationId)!;
        expected['in-app'].add(`${matchId}|${member.id}`);
        expected['e-mail'].add(`${matchId}|${member.email}`);
        expected.webhook.add(`${matchId}|${organizationId}`);
      }
    }
    const total = CHANNELS.reduce((n, c) => n + expected[c].size, 0);

    // The workflow nudges the fan-out right after its transaction commits: that instant is each approval's commit time.
    const outbox = app.get(NotificationOutboxService);
    const nudge = outbox.nudge.bind(outbox);
    let lastCommit = 0;
    outbox.nudge = () => {
      lastCommit = Date.now();
      nudge();
    };

    const token = app.get(TokenService).issue({ id: seeded.coordinatorId, tokenVersion: 0 }).token;
    const approve = async (batch: Array<{ id: string; version: number }>) => {
      const res = await fetch(`http://127.0.0.1:${port}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body: JSON.stringify({
          query: 'mutation($input: [MatchVersionInput!]!) { approveMatches(input: $input) { id status } }',
          variables: { input: batch },
        }),
      });
      const body = (await res.json()) as {
        data?: { approveMatches: Array<{ id: string; status: string }> };
        errors?: Array<{ message: string }>;
      };
      if (body.errors || !body.data) throw new Error(`approveMatches: ${JSON.stringify(body.errors)}`);
      if (body.data.approveMatches.some((m) => m.status !== 'INTRODUCED'))
        throw new Error('approveMatches returned a match that is not INTRODUCED');
    };

    // Every channel counted while the approvals go on, so the progress lines show the pipeline keeping up (or not).
    const inAppCount = async () =>
      Number((await dataSource.query(`SELECT count(*) AS n FROM notification WHERE type = 'MATCH_INTRODUCED'`))[0].n);
    const progress = async (started: number) => {
      const counts = [await inAppCount(), distinct(mailReceipts()), distinct(hookReceipts())];
      return {
        counts,
        line: `  ${seconds(Date.now() - started).padStart(7)}: in-app ${counts[0]}, e-mail ${counts[1]}, webhook ${counts[2]} of ${total / 3} each`,
      };
    };

    log(`Approving ${approvals} matches: approveMatches over GraphQL/HTTP, ${BATCH} per call, one call after the other`);
    const committedAt = new Map<string, number>();
    const callMs: number[] = [];
    const readBackMs: number[] = [];
    const started = Date.now();
    const cpuAtStart = { process: process.cpuUsage(), machine: machineCpu() };
    let lastProgress = started;
    for (let i = 0; i < approvals; i += BATCH) {
      const batch = seeded.matches.slice(i, i + BATCH);
      lastCommit = 0;
      const sent = Date.now();
      await approve(batch);
      const answered = Date.now();
      const committed = lastCommit || answered;
      callMs.push(answered - sent);
      readBackMs.push(answered - committed);
      for (const m of batch) committedAt.set(m.id, committed);
      if (Date.now() - lastProgress >= 5000) {
        lastProgress = Date.now();
        log(`${(await progress(started)).line} (approved ${i + batch.length})`);
      }
    }
    const approvedAt = Date.now();
    log(
      `Approved ${approvals} in ${seconds(approvedAt - started)} = ${(approvals / ((approvedAt - started) / 1000)).toFixed(0)} approvals/s; ` +
        `per call of ${BATCH}: p50 ${percentile(callMs, 50)} ms, p95 ${percentile(callMs, 95)} ms (commit → response p50 ${percentile(readBackMs, 50)} ms)`,
    );

    // Until every expected delivery arrived (or GIVE_UP_MS)…
    let complete = false;
    for (;;) {
      const { counts, line } = await progress(started);
      complete = counts.every((n) => n >= total / 3);
      if (complete || Date.now() - started > GIVE_UP_MS) break;
      if (Date.now() - lastProgress >= 5000) {
        lastProgress = Date.now();
        log(line);
      }
      await sleep(200);
    }
    const arrivedAt = Date.now();
    const busy = { process: process.cpuUsage(cpuAtStart.process), machine: machineCpu() };
    log(
      complete
        ? `All ${total} deliveries arrived ${seconds(arrivedAt - started)} after the first approval`
        : `Gave up after ${seconds(arrivedAt - started)}`,
    );
    // …then until nothing is left to send, and a little longer: anything sent twice would show up now.
    while (Date.now() - arrivedAt < 30_000) {
      const [{ open }] = await dataSource.query(
        `SELECT (SELECT count(*) FROM notification_delivery WHERE status = 'PENDING') + (SELECT count(*) FROM pgboss.job WHERE name = 'notification-delivery' AND state IN ('created', 'retry', 'active')) AS open`,
      );
      if (Number(open) === 0) break;
      await sleep(250);
    }
    await sleep(GRACE_MS);

    // Receipts → (match, recipient) pairs. An e-mail's key names its event; the event names the match.
    const events: Array<{ id: string; match_id: string }> = await dataSource.query(
      `SELECT id, payload->>'matchId' AS match_id FROM notification_event WHERE type = 'MATCH_INTRODUCED'`,
    );
    const matchOfEvent = new Map(events.map((e) => [e.id, e.match_id]));
    const mails = mailReceipts().map((r) => ({ ...r, matchId: matchOfEvent.get(r.key.split(':')[0]) ?? null }));
    const malformed = mails.filter((r) => !/^[0-9a-f-]{36}:email:[0-9a-f-]{36}$/.test(r.key)).length;
    const calls = hookReceipts();
    const refused = hooks.received.length - calls.length;
    const notes: Array<{ match_id: string; user_id: string; created_at: Date }> = await dataSource.query(
      `SELECT match_id, user_id, created_at FROM notification WHERE type = 'MATCH_INTRODUCED'`,
    );
    const inApp = notes.map((n) => ({
      key: `${n.match_id}|${n.user_id}`,
      matchId: n.match_id,
      recipient: n.user_id,
      at: n.created_at.getTime(),
    }));
    const results = [
      tally('in-app', inApp, expected['in-app'], committedAt),
      tally('e-mail', mails, expected['e-mail'], committedAt),
      tally('webhook', calls, expected.webhook, committedAt),
    ];
    const [attempts] = await dataSource.query(
      `SELECT count(*)::int AS all, count(*) FILTER (WHERE NOT succeeded)::int AS failed FROM notification_delivery_attempt`,
    );
    const sends: Array<{ channel: string; p50: number; p95: number }> = await dataSource.query(
      `SELECT d.channel, percentile_disc(0.5) WITHIN GROUP (ORDER BY a.duration_ms) AS p50, percentile_disc(0.95) WITHIN GROUP (ORDER BY a.duration_ms) AS p95
       FROM notification_delivery_attempt a JOIN notification_delivery d ON d.id = a.delivery_id GROUP BY d.channel ORDER BY d.channel`,
    );
    const [states] = await dataSource.query(
      `SELECT count(*) FILTER (WHERE status = 'DELIVERED')::int AS delivered, count(*) FILTER (WHERE status <> 'DELIVERED')::int AS other FROM notification_delivery`,
    );

    const lastAt = Math.max(...results.map((r) => r.lastAt));
    const elapsed = lastAt - started;
    const found = results.reduce((n, r) => n + r.expected - r.lost, 0);
    const all: ChannelResult = {
      channel: 'in-app',
      expected: total,
      received: results.reduce((n, r) => n + r.received, 0),
      unique: results.reduce((n, r) => n + r.unique, 0),
      lost: results.reduce((n, r) => n + r.lost, 0),
      duplicated: results.reduce((n, r) => n + r.duplicated, 0),
      unexpected: results.reduce((n, r) => n + r.unexpected, 0),
      lastAt,
      latencies: results.flatMap((r) => r.latencies),
    };
    const row = (name: string, r: ChannelResult) =>
      `${name.padEnd(8)} ${String(r.expected).padStart(8)} ${String(r.received).padStart(9)} ${String(r.unique).padStart(7)} ${String(r.lost).padStart(5)} ${String(r.duplicated).padStart(5)} ${String(r.unexpected).padStart(5)}` +
      `   ${((r.expected - r.lost) / ((r.lastAt - started) / 1000)).toFixed(0).padStart(6)}/s   ` +
      `p50 ${(percentile(r.latencies, 50) / 1000).toFixed(2)} s, p95 ${(percentile(r.latencies, 95) / 1000).toFixed(2)} s, p99 ${(percentile(r.latencies, 99) / 1000).toFixed(2)} s, max ${(Math.max(...r.latencies) / 1000).toFixed(2)} s`;
    log('');
    log(
      `channel  expected  received  unique  lost  dupl  unexp   rate (first approval → last receipt)   latency, approval commit → receipt`,
    );
    for (const r of results) log(row(r.channel, r));
    log(row('all', all));
    log('');
    log(
      `First approval → last receipt: ${seconds(elapsed)} for ${found} deliveries = ${(found / (elapsed / 1000)).toFixed(0)} deliveries/s (target: all within ${seconds(TARGET_MS)})`,
    );
    log(`Last approval → last receipt: ${seconds(lastAt - approvedAt)}`);
    log(
      `Delivery rows: ${states.delivered} DELIVERED, ${states.other} in another state; attempts ${attempts.all} (${attempts.failed} failed); webhook calls refused by the receiver: ${refused}; e-mails without a delivery key: ${malformed}`,
    );
    log(`Send time per attempt (from the delivery log): ${sends.map((c) => `${c.channel} p50 ${c.p50} ms, p95 ${c.p95} ms`).join('; ')}`);
    const wall = (arrivedAt - started) * 1000;
    log(
      `CPU from the first approval to the last receipt: this process (application, receivers, benchmark) ${(((busy.process.user + busy.process.system) / wall) * 100).toFixed(0)} % of one core; ` +
        `the machine ${(((busy.machine.busy - cpuAtStart.machine.busy) / (busy.machine.total - cpuAtStart.machine.total)) * 100).toFixed(0)} % of its ${cpu.length} cores`,
    );
    log(`Process memory (RSS, application and receivers): ${Math.round(process.memoryUsage().rss / 2 ** 20)} MB`);

    const problems: string[] = [];
    if (all.lost > 0) problems.push(`${all.lost} deliveries lost (${results.map((r) => `${r.channel} ${r.lost}`).join(', ')})`);
    if (all.duplicated > 0)
      problems.push(`${all.duplicated} deliveries duplicated (${results.map((r) => `${r.channel} ${r.duplicated}`).join(', ')})`);
    if (all.unexpected > 0) problems.push(`${all.unexpected} unexpected deliveries`);
    if (refused > 0) problems.push(`${refused} webhook calls failed verification`);
    if (all.lost === 0 && elapsed > TARGET_MS)
      problems.push(`the last delivery arrived after ${seconds(elapsed)}, over the ${seconds(TARGET_MS)} target`);
    log(
      problems.length === 0
        ? `PASS: ${found} of ${total} delivered within ${seconds(elapsed)}, none lost, none duplicated`
        : `FAIL: ${problems.join('; ')}`,
    );
    code = problems.length === 0 ? 0 : 1;
  } catch (error) {
    console.error(error instanceof Error ? (error.stack ?? error.message) : error);
    code = 1;
  } finally {
    await runtime.app
      .get(SearchRepository)
      .deleteAll()
      .catch(() => undefined);
    // Closes the application (workers finish their batch), stops PostgreSQL and Meilisearch, removes the temp dir, exits.
    await runtime.stop('benchmark done', code, stopAll);
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error instanceof Error ? (error.stack ?? error.message) : error);
    process.exit(1);
  },
);
