import { Socket } from 'node:net';
import { simpleParser } from 'mailparser';
import { SMTPServer, SMTPServerDataStream, SMTPServerSession } from 'smtp-server';

/** One message as the receiving server saw it, decoded the way a mail client would show it. */
export interface ReceivedMail {
  /** Envelope recipients (RCPT TO). */
  to: string[];
  /** The From header as shown ("WaterBridge <notifications@…>"). */
  from: string;
  subject: string;
  text: string;
  html: string;
  /** Message-ID header, angle brackets included. */
  messageId: string;
  /** Header name (lower-cased) → decoded value; the last one wins when a header repeats. */
  headers: Record<string, string>;
  /** The DATA exactly as it arrived. */
  raw: string;
  /** When its DATA ended (ms since the epoch). */
  at: number;
}

export interface SmtpReceiver {
  host: string;
  port: number;
  messages: ReceivedMail[];
  /** Resolves once `count` messages arrived in all; rejects naming what did arrive after `timeoutMs`. */
  waitFor(count: number, timeoutMs?: number): Promise<ReceivedMail[]>;
  /** Stops listening and drops the open connections: the server is unreachable, as in an outage. */
  down(): Promise<void>;
  /** Listens again on the same port. */
  up(): Promise<void>;
  stop(): Promise<void>;
}

export interface SmtpReceiverOptions {
  /** Slows each acceptance by this much. */
  delayMs?: number;
  /**
   * Reads only the header, without a MIME parser: values unfolded but not decoded, `text` and `html` empty, `raw` the
   * header alone. For thousands of messages, whose parsing (and bodies) would take CPU and memory from the
   * application under test (the benchmarks).
   */
  headersOnly?: boolean;
}

/** A real SMTP server on loopback (no auth, no TLS) that keeps what it receives, for tests of the e-mail channel. */
export async function startSmtpReceiver(options: SmtpReceiverOptions = {}): Promise<SmtpReceiver> {
  const host = '127.0.0.1';
  const messages: ReceivedMail[] = [];
  const waiters = new Set<() => void>();
  const sockets = new Set<Socket>();
  let server: SMTPServer | undefined;
  let port = 0;

  const onData = (stream: SMTPServerDataStream, session: SMTPServerSession, callback: (error?: Error | null) => void) => {
    const chunks: Buffer[] = [];
    stream.on('data', (chunk: Buffer) => chunks.push(chunk));
    stream.on('error', callback);
    stream.on('end', () => {
      const at = Date.now();
      const raw = Buffer.concat(chunks);
      // A slow server (delayMs): the message is taken, and acknowledged, only after the delay.
      new Promise((resolve) => setTimeout(resolve, options.delayMs ?? 0))
        .then(() => (options.headersOnly ? readHeader(raw.toString('utf8'), session, at) : parse(raw, session, at)))
        .then(
          (mail) => {
            messages.push(mail);
            for (const wake of waiters) wake();
            callback();
          },
          (error: Error) => callback(error),
        );
    });
  };

  const listen = async () => {
    // A fresh server each time: a closed smtp-server keeps the state of its old connections.
    const next = new SMTPServer({
      secure: false,
      authOptional: true,
      disabledCommands: ['STARTTLS'],
      disableReverseLookup: true,
      logger: false,
      onData,
    });
    next.server.on('connection', (socket: Socket) => {
      sockets.add(socket);
      socket.once('close', () => sockets.delete(socket));
    });
    await new Promise<void>((resolve, reject) => {
      next.server.once('error', reject);
      next.server.listen(port, host, () => {
        next.server.off('error', reject);
        resolve();
      });
    });
    const address = next.server.address();
    if (typeof address !== 'object' || address === null) throw new Error('The SMTP receiver has no address');
    port = address.port;
    // Dropped client sockets (down(), a test's pool being closed) surface as 'error'; unheard, they would end the run.
    next.on('error', () => undefined);
    server = next;
  };

  const down = async () => {
    const current = server;
    server = undefined;
    if (!current) return;
    const closed = new Promise<void>((resolve) => current.server.close(() => resolve()));
    for (const socket of sockets) socket.destroy();
    await closed;
  };

  await listen();
  return {
    host,
    get port() {
      return port;
    },
    messages,
    waitFor(count, timeoutMs = 20_000) {
      return new Promise((resolve, reject) => {
        const check = () => {
          if (messages.length < count) return;
          finish();
          resolve(messages.slice(0, count));
        };
        const timer = setTimeout(() => {
          finish();
          reject(
            new Error(
              `Expected ${count} e-mail(s) within ${timeoutMs} ms, got ${messages.length}: ${JSON.stringify(messages.map((m) => m.subject))}`,
            ),
          );
        }, timeoutMs);
        const finish = () => {
          clearTimeout(timer);
          waiters.delete(check);
        };
        waiters.add(check);
        check();
      });
    },
    down,
    up: async () => {
      if (!server) await listen();
    },
    stop: down,
  };
}

async function parse(raw: Buffer, session: SMTPServerSession, at: number): Promise<ReceivedMail> {
  const parsed = await simpleParser(raw);
  const headers: Record<string, string> = {};
  for (const [name, value] of parsed.headers) headers[name] = headerText(value);
  return {
    to: session.envelope.rcptTo.map((r) => r.address),
    from: parsed.from?.text ?? '',
    subject: parsed.subject ?? '',
    text: parsed.text ?? '',
    html: parsed.html || '',
    messageId: parsed.messageId ?? '',
    headers,
    raw: raw.toString('utf8'),
    at,
  };
}

/** The header of `raw`, its lines unfolded (RFC 5322 §2.2.3), not decoded: name (lower-cased) → value; the last one wins. */
function readHeader(raw: string, session: SMTPServerSession, at: number): ReceivedMail {
  const end = raw.search(/\r?\n\r?\n/);
  const head = end < 0 ? raw : raw.slice(0, end);
  const headers: Record<string, string> = {};
  for (const line of head.replace(/\r?\n[ \t]+/g, ' ').split(/\r?\n/)) {
    const colon = line.indexOf(':');
    if (colon > 0) headers[line.slice(0, colon).trim().toLowerCase()] = line.slice(colon + 1).trim();
  }
  const { from = '', subject = '', 'message-id': messageId = '' } = headers;
  return { to: session.envelope.rcptTo.map((r) => r.address), from, subject, text: '', html: '', messageId, headers, raw: head, at };
}

/** mailparser turns some headers into objects (addresses, dates, structured values); tests want their text. */
function headerText(value: unknown): string {
  if (typeof value === 'string') return value;
  if (value instanceof Date) return value.toISOString();
  if (Array.isArray(value)) return value.map(headerText).join(', ');
  if (value && typeof value === 'object') {
    const v = value as { text?: unknown; value?: unknown };
    if (typeof v.text === 'string') return v.text;
    if (typeof v.value === 'string') return v.value;
  }
  return String(value);
}
