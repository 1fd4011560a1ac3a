import http from 'node:http';
import { AddressInfo } from 'node:net';

export interface HeldRequest {
  /** Resolves once a matching request has arrived (and is being held). */
  arrived: Promise<void>;
  /** Lets the held request through to the server. */
  release(): void;
}

export interface HoldingProxy {
  /** http://127.0.0.1:<port> */
  url: string;
  /** Holds the next request that matches, until released; every other request passes straight through. */
  holdNext(matches: (method: string, path: string) => boolean): HeldRequest;
  stop(): Promise<void>;
}

/**
 * A real HTTP proxy in front of a real server (Meilisearch), which can hold one chosen request in flight: how a test
 * puts a slow network exactly between two steps of the application, without a mock.
 */
export async function startHoldingProxy(target: string): Promise<HoldingProxy> {
  const upstream = new URL(target);
  let hold: { matches: (method: string, path: string) => boolean; arrived: () => void; released: Promise<void> } | undefined;

  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      let gate = Promise.resolve();
      if (hold && hold.matches(req.method ?? 'GET', req.url ?? '/')) {
        gate = hold.released;
        hold.arrived();
        hold = undefined;
      }
      void gate.then(() => {
        const forward = http.request(
          {
            host: upstream.hostname,
            port: upstream.port,
            method: req.method,
            path: req.url,
            headers: { ...req.headers, host: upstream.host },
          },
          (answer) => {
            res.writeHead(answer.statusCode ?? 502, answer.headers);
            answer.pipe(res);
          },
        );
        forward.on('error', () => res.destroy());
        forward.end(Buffer.concat(chunks));
      });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://127.0.0.1:${port}`,
    holdNext(matches) {
      let arrived!: () => void;
      let release!: () => void;
      const arrival = new Promise<void>((resolve) => (arrived = resolve));
      const released = new Promise<void>((resolve) => (release = resolve));
      hold = { matches, arrived, released };
      return { arrived: arrival, release };
    },
    stop: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
