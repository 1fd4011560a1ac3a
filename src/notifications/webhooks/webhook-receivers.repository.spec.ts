import http from 'node:http';
import { AddressInfo } from 'node:net';
import { loadConfig } from '../../config/app-config';
import { WebhookSecretBoxService } from './webhook-secret-box.service';
import { WebhookReceiversRepository } from './webhook-receivers.repository';
import { verifyWebhookSignature } from './webhook-signature';

type Handler = (req: http.IncomingMessage, body: string, res: http.ServerResponse) => void;

/** A local receiver whose behaviour each test sets. */
async function receiver(handler: Handler): Promise<{ url: string; hits: number; close(): Promise<void> }> {
  const state = { hits: 0 };
  const server = http.createServer((req, res) => {
    state.hits += 1;
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => handler(req, Buffer.concat(chunks).toString('utf8'), res));
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/hook`,
    get hits() {
      return state.hits;
    },
    close: () => new Promise<void>((r) => (server.closeAllConnections(), server.close(() => r()))),
  };
}

/** A sender, and the secret box it opens stored secrets with, on one configuration. */
const makeSender = (config: ReturnType<typeof loadConfig>) => new WebhookReceiversRepository(config, new WebhookSecretBoxService(config));

describe('WebhookReceiversRepository', () => {
  const secret = 'whsec_sender-spec';
  const delivery = { key: 'event-1:webhook-1', eventType: 'MATCH_INTRODUCED' };
  const body = JSON.stringify({ id: delivery.key, event: 'MATCH_INTRODUCED', data: { needTitle: '斯里兰卡农村供水' } });
  let sender: WebhookReceiversRepository;
  const servers: Array<{ close(): Promise<void> }> = [];

  beforeEach(() => {
    sender = makeSender(loadConfig({ WEBHOOK_ALLOW_HTTP: 'true', WEBHOOK_ALLOW_PRIVATE_NETWORKS: 'true', WEBHOOK_TIMEOUT_MS: '300' }));
  });
  afterEach(async () => {
    sender.onModuleDestroy();
    await Promise.all(servers.splice(0).map((s) => s.close()));
  });

  it('posts the body with the signed headers and reports a 2xx as ok', async () => {
    let seen: { headers: http.IncomingHttpHeaders; body: string } | undefined;
    const r = await receiver((req, received, res) => ((seen = { headers: req.headers, body: received }), res.writeHead(204).end()));
    servers.push(r);
    const result = await sender.post({ url: r.url, secret }, delivery, body);
    expect(result).toEqual({ ok: true, statusCode: 204, durationMs: expect.any(Number), error: null });
    expect(seen?.body).toBe(body);
    expect(seen?.headers).toMatchObject({
      'content-type': 'application/json',
      'user-agent': 'WaterBridge-Webhooks/1',
      'waterbridge-event': 'MATCH_INTRODUCED',
      'waterbridge-delivery': 'event-1:webhook-1',
    });
    const timestamp = Number(seen?.headers['waterbridge-timestamp']);
    expect(Math.abs(timestamp - Date.now() / 1000)).toBeLessThan(5);
    expect(verifyWebhookSignature(secret, seen?.headers['waterbridge-signature'] as string, String(timestamp), seen!.body)).toBe(true);
  });

  it('reports a non-2xx answer with its status', async () => {
    const r = await receiver((_req, _body, res) => res.writeHead(503).end('maintenance'));
    servers.push(r);
    expect(await sender.post({ url: r.url, secret }, delivery, body)).toMatchObject({ ok: false, statusCode: 503, error: 'HTTP 503' });
  });

  it('does not follow a redirect', async () => {
    const target = await receiver((_req, _body, res) => res.writeHead(200).end());
    const bouncer = await receiver((_req, _body, res) => res.writeHead(307, { location: target.url }).end());
    servers.push(target, bouncer);
    expect(await sender.post({ url: bouncer.url, secret }, delivery, body)).toMatchObject({
      ok: false,
      statusCode: 307,
      error: 'HTTP 307',
    });
    expect(target.hits).toBe(0);
  });

  it('gives up after WEBHOOK_TIMEOUT_MS on a receiver that does not answer', async () => {
    const r = await receiver(() => undefined);
    servers.push(r);
    const result = await sender.post({ url: r.url, secret }, delivery, body);
    expect(result).toMatchObject({ ok: false, statusCode: null, error: 'timed out after 300 ms' });
    expect(result.durationMs).toBeGreaterThanOrEqual(290);
    expect(result.durationMs).toBeLessThan(2000);
  });

  it('turns a refused connection into a short error instead of throwing', async () => {
    const r = await receiver((_req, _body, res) => res.end());
    await r.close();
    expect(await sender.post({ url: r.url, secret }, delivery, body)).toMatchObject({
      ok: false,
      statusCode: null,
      error: 'connection refused',
    });
  });

  it('stops reading a large answer but keeps its status', async () => {
    const r = await receiver((_req, _body, res) => {
      res.writeHead(200, { 'content-type': 'text/plain' });
      res.write('x'.repeat(64 * 1024));
      // The answer never ends: the sender must not wait for it.
    });
    servers.push(r);
    const result = await sender.post({ url: r.url, secret }, delivery, body);
    expect(result).toMatchObject({ ok: true, statusCode: 200, error: null });
    expect(result.durationMs).toBeLessThan(290);
  });

  it('reuses its connection for calls in a row', async () => {
    const ports = new Set<number>();
    const r = await receiver((req, _body, res) => (ports.add(req.socket.remotePort!), res.writeHead(200).end('ok')));
    servers.push(r);
    for (let i = 0; i < 3; i++) expect((await sender.post({ url: r.url, secret }, delivery, body)).ok).toBe(true);
    expect(ports.size).toBe(1);
  });

  it('refuses http:// unless WEBHOOK_ALLOW_HTTP is on', async () => {
    const r = await receiver((_req, _body, res) => res.end());
    servers.push(r);
    const strict = makeSender(loadConfig({}));
    expect(await strict.post({ url: r.url, secret }, delivery, body)).toMatchObject({
      ok: false,
      statusCode: null,
      error: 'http:// URLs are not allowed',
    });
    expect(r.hits).toBe(0);
    strict.onModuleDestroy();
  });

  it('refuses loopback and private addresses unless WEBHOOK_ALLOW_PRIVATE_NETWORKS is on, named or resolved', async () => {
    const r = await receiver((_req, _body, res) => res.end());
    servers.push(r);
    const port = new URL(r.url).port;
    const guarded = makeSender(loadConfig({ WEBHOOK_ALLOW_HTTP: 'true', WEBHOOK_TIMEOUT_MS: '2000' }));
    try {
      expect(await guarded.post({ url: r.url, secret }, delivery, body)).toMatchObject({
        ok: false,
        statusCode: null,
        error: 'refused: 127.0.0.1 is a private or reserved address (WEBHOOK_ALLOW_PRIVATE_NETWORKS is off)',
      });
      // A host name is checked on what it resolves to, at the moment of the call.
      const byName = await guarded.post({ url: `http://localhost:${port}/hook`, secret }, delivery, body);
      expect(byName).toMatchObject({ ok: false, statusCode: null });
      expect(byName.error).toMatch(/^refused: (127\.0\.0\.1|::1) is a private or reserved address/);
      expect(r.hits).toBe(0);
    } finally {
      guarded.onModuleDestroy();
    }
    // The same receiver is reached once private networks are allowed (the sender of the other tests).
    expect((await sender.post({ url: `http://localhost:${port}/hook`, secret }, delivery, body)).ok).toBe(true);
    expect(r.hits).toBe(1);
  });
});
