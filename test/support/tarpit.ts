import http from 'node:http';
import { AddressInfo } from 'node:net';

export interface Tarpit {
  /** http://127.0.0.1:<port>/webhooks */
  url: string;
  /** Every call that arrived (whole request read), in order: its WaterBridge-Delivery header. */
  received: string[];
  /** Calls that arrived and were not answered yet. */
  readonly holding: number;
  /** Resolves once `count` calls have arrived in all. */
  waitFor(count: number, timeoutMs?: number): Promise<void>;
  /** Answers the held calls 200, and every later call at once. */
  release(): void;
  stop(): Promise<void>;
}

/**
 * A webhook receiver that accepts connections, reads each request, and then does not answer — until released: a
 * receiver that hangs (or a member's URL pointing at one on purpose) held by a test for as long as it likes.
 */
export async function startTarpit(): Promise<Tarpit> {
  const received: string[] = [];
  const held: http.ServerResponse[] = [];
  const waiters: Array<() => void> = [];
  let released = false;
  const answer = (res: http.ServerResponse) => {
    if (!res.destroyed) res.writeHead(200, { 'content-type': 'text/plain' }).end('ok');
  };

  const server = http.createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      received.push(String(req.headers['waterbridge-delivery']));
      if (released) answer(res);
      else held.push(res);
      for (const wake of waiters.splice(0)) wake();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://127.0.0.1:${port}/webhooks`,
    received,
    get holding() {
      return held.filter((res) => !res.destroyed && !res.writableEnded).length;
    },
    async waitFor(count, timeoutMs = 30_000) {
      const deadline = Date.now() + timeoutMs;
      while (received.length < count) {
        const left = deadline - Date.now();
        if (left <= 0) throw new Error(`tarpit: ${received.length} of ${count} calls after ${timeoutMs} ms`);
        await new Promise<void>((resolve) => {
          const timer = setTimeout(resolve, left);
          waiters.push(() => (clearTimeout(timer), resolve()));
        });
      }
    },
    release() {
      released = true;
      for (const res of held.splice(0)) answer(res);
    },
    stop: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
