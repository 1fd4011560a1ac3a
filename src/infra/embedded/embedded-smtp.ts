import { mkdirSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { Socket } from 'node:net';
import { SMTPServer } from 'smtp-server';

export interface EmbeddedSmtpOptions {
  /** Folder the caught messages are written to. */
  dir: string;
  port: number;
  log?: (message: string) => void;
}

export interface EmbeddedSmtp {
  host: string;
  port: number;
  dir: string;
  stop(): Promise<void>;
}

/**
 * A mail catcher for the embedded mode: accepts every message on loopback and keeps it verbatim as
 * `<dir>/<timestamp>-<n>.eml` (opens in any mail client), so e-mail notifications work without an SMTP account.
 */
export async function startEmbeddedSmtp(options: EmbeddedSmtpOptions): Promise<EmbeddedSmtp> {
  const dir = resolve(options.dir);
  const log = options.log ?? (() => undefined);
  mkdirSync(dir, { recursive: true });
  let count = 0;
  const sockets = new Set<Socket>();

  const server = new SMTPServer({
    secure: false,
    authOptional: true,
    // Loopback only, and no TLS: STARTTLS would only present smtp-server's published test certificate.
    disabledCommands: ['STARTTLS'],
    logger: false,
    // SMTP_USER may be set for a real server later; the catcher takes any login rather than refuse the mail.
    onAuth(auth, _session, callback) {
      callback(null, { user: auth.username ?? 'catcher' });
    },
    onData(stream, _session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('error', callback);
      stream.on('end', () => {
        const file = join(dir, `${new Date().toISOString().replace(/[:.]/g, '-')}-${++count}.eml`);
        writeFile(file, Buffer.concat(chunks)).then(
          () => callback(),
          (error: Error) => callback(error),
        );
      });
    },
  });
  server.on('error', (error) => log(`Mail catcher: ${error.message}`));
  server.server.on('connection', (socket: Socket) => {
    sockets.add(socket);
    socket.once('close', () => sockets.delete(socket));
  });

  const host = '127.0.0.1';
  await new Promise<void>((done, fail) => {
    server.server.once('error', fail);
    server.server.listen(options.port, host, () => {
      server.server.off('error', fail);
      done();
    });
  }).catch((error: Error) => {
    throw new Error(`The embedded mail catcher could not listen on ${host}:${options.port}: ${error.message}`);
  });
  log(`Mail catcher listening on ${host}:${options.port}, writing to ${dir}`);

  return {
    host,
    port: options.port,
    dir,
    // smtp-server waits up to 30 s for idle clients (our own pooled connections) to leave; a shutdown does not.
    stop: () =>
      new Promise<void>((done) => {
        server.server.close(() => done());
        for (const socket of sockets) socket.destroy();
      }),
  };
}
