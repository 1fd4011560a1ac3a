import { createHmac, timingSafeEqual } from 'node:crypto';
import http from 'node:http';
import { AddressInfo } from 'node:net';

export interface ReceivedWebhook {
  /** The request's path (and query), as the app called it: the receiver's URL path plus anything appended. */
  path: string;
  /** Header names in lower case, as node gives them. */
  headers: http.IncomingHttpHeaders;
  body: string;
  /** The body parsed as JSON, or undefined when it is not JSON. */
  json: unknown;
  /** Whether WaterBridge-Signature matches the receiver's current secret (for this path) and the timestamp is within 5 minutes. */
  signatureValid: boolean;
  at: number;
}

export interface WebhookReceiver {
  /** http://127.0.0.1:<port>/webhooks */
  url: string;
  received: ReceivedWebhook[];
  /** The next calls get these statuses, in order; later ones 200. */
  respondWith(codes: number[]): void;
  setSecret(secret: string): void;
  /** Resolves once `count` calls have arrived in all. */
  waitFor(count: number, timeoutMs?: number): Promise<ReceivedWebhook[]>;
  stop(): Promise<void>;
}

const TOLERANCE_SECONDS = 300;

/**
 * Checks a call the way docs/WEBHOOKS.md tells receivers to, with its own HMAC (not the app's signWebhook), so a
 * mistake in the app's signing shows up here.
 */
function verify(secret: string | undefined, headers: http.IncomingHttpHeaders, body: string): boolean {
  const timestamp = headers['waterbridge-timestamp'];
  const signature = headers['waterbridge-signature'];
  if (!secret || typeof timestamp !== 'string' || typeof signature !== 'string' || !/^\d+$/.test(timestamp)) return false;
  if (Math.abs(Date.now() / 1000 - Number(timestamp)) > TOLERANCE_SECONDS) return false;
  const expected = createHmac('sha256', secret).update(`${timestamp}.${body}`).digest();
  return signature.split(',').some((part) => {
    const [scheme, hex] = part.trim().split('=', 2);
    if (scheme !== 'v1' || !/^[0-9a-f]{64}$/.test(hex ?? '')) return false;
    return timingSafeEqual(Buffer.from(hex, 'hex'), expected);
  });
}

export interface WebhookReceiverOptions {
  /** The signing secret; or, when one receiver stands for many endpoints (`url` + '/<id>'), the secret of each path. */
  secret?: string | ((path: string) => string | undefined);
  /** Slows every answer by this much. */
  delayMs?: number;
  /** Answers 401 to a call whose signature does not verify, as a receiver following docs/WEBHOOKS.md does (still recorded). */
  refuseUnverified?: boolean;
}

/** A real HTTP receiver on 127.0.0.1 (random port) that records every call it gets. */
export async function startWebhookReceiver(options: WebhookReceiverOptions = {}): Promise<WebhookReceiver> {
  let secret = options.secret;
  const queued: number[] = [];
  const received: ReceivedWebhook[] = [];
  const waiters: Array<() => void> = [];

  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const body = Buffer.concat(chunks).toString('utf8');
      let json: unknown;
      try {
        json = JSON.parse(body);
      } catch {
        json = undefined;
      }
      const path = req.url ?? '';
      const signatureValid = verify(typeof secret === 'function' ? secret(path) : secret, req.headers, body);
      received.push({ path, headers: req.headers, body, json, signatureValid, at: Date.now() });
      const status = options.refuseUnverified && !signatureValid ? 401 : (queued.shift() ?? 200);
      // A slow receiver (delayMs) answers only after the delay.
      setTimeout(() => {
        res.writeHead(status, { 'content-type': 'text/plain' }).end(status < 300 ? 'ok' : 'not now');
        for (const wake of waiters.splice(0)) wake();
      }, options.delayMs ?? 0);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://127.0.0.1:${port}/webhooks`,
    received,
    respondWith: (codes) => void queued.push(...codes),
    setSecret: (next) => void (secret = next),
    async waitFor(count, timeoutMs = 20_000) {
      const deadline = Date.now() + timeoutMs;
      while (received.length < count) {
        const left = deadline - Date.now();
        if (left <= 0) throw new Error(`webhook receiver: ${received.length} of ${count} calls after ${timeoutMs} ms`);
        await new Promise<void>((resolve) => {
          const timer = setTimeout(resolve, left);
          waiters.push(() => (clearTimeout(timer), resolve()));
        });
      }
      return received.slice(0, count);
    },
    stop: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
