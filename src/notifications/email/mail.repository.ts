import { Injectable, Logger, OnModuleDestroy } from '@nestjs/common';
import { createTransport, type NodemailerError, type SMTPPoolOptions, type SMTPPoolSentMessageInfo, type Transporter } from 'nodemailer';
import { AppConfig } from '../../config/app-config';

export interface OutgoingMail {
  to: string;
  subject: string;
  text: string;
  html: string;
  /** Stable per delivery, so a resend carries the same Message-ID. */
  messageId: string;
  headers?: Record<string, string>;
}

export interface MailResult {
  statusCode: number | null;
  response: string;
}

/**
 * A delivery that did not reach the SMTP server or was refused by it. The message is one short line without
 * credentials, fit for the delivery log; `statusCode` is the server's reply code when it answered.
 */
export class MailDeliveryError extends Error {
  constructor(
    message: string,
    readonly statusCode: number | null = null,
    /** The server refused for good (5xx): sending the same message again gets the same answer. */
    readonly permanent = false,
  ) {
    super(message);
    this.name = 'MailDeliveryError';
  }
}

const MAX_ERROR_LENGTH = 300;

/** Sends notification e-mails over one pooled SMTP connection set, opened on the first send. */
@Injectable()
export class MailRepository implements OnModuleDestroy {
  private readonly logger = new Logger(MailRepository.name);
  private transporter?: Transporter<SMTPPoolSentMessageInfo, SMTPPoolOptions>;

  constructor(private readonly config: AppConfig) {}

  get configured(): boolean {
    return this.config.SMTP_HOST !== undefined;
  }

  async send(mail: OutgoingMail): Promise<MailResult> {
    if (!this.configured) throw new MailDeliveryError('SMTP is not configured (set SMTP_HOST)');
    try {
      const info = await this.pool().sendMail({
        from: this.config.MAIL_FROM,
        to: mail.to,
        subject: mail.subject,
        text: mail.text,
        html: mail.html,
        messageId: formatMessageId(mail.messageId),
        headers: mail.headers,
        // Bounds every send, including a server that trickles its replies (which no socket timeout notices).
        signal: AbortSignal.timeout(this.config.SMTP_TIMEOUT_MS),
      });
      return { statusCode: replyCode(info.response), response: info.response };
    } catch (error) {
      throw this.deliveryError(error);
    }
  }

  onModuleDestroy(): void {
    this.transporter?.close();
    this.transporter = undefined;
  }

  private pool(): Transporter<SMTPPoolSentMessageInfo, SMTPPoolOptions> {
    if (this.transporter) return this.transporter;
    const c = this.config;
    this.transporter = createTransport({
      pool: true,
      maxConnections: 3,
      host: c.SMTP_HOST,
      port: c.SMTP_PORT,
      secure: c.SMTP_SECURE,
      requireTLS: c.SMTP_REQUIRE_TLS,
      auth: c.SMTP_USER !== undefined ? { user: c.SMTP_USER, pass: c.SMTP_PASSWORD } : undefined,
      connectionTimeout: 10_000,
      greetingTimeout: 10_000,
      socketTimeout: 20_000,
      // Messages are built from our own texts only: nothing may make the mailer read files or fetch URLs.
      disableFileAccess: true,
      disableUrlAccess: true,
    });
    // Failures of a send reach its caller; an 'error' event without a listener would end the process instead.
    this.transporter.on('error', (error) => this.logger.warn(this.deliveryError(error).message));
    return this.transporter;
  }

  /** One line naming the server and what went wrong; the credentials are cut out wherever the server echoed them. */
  private deliveryError(error: unknown): MailDeliveryError {
    const e = (error ?? {}) as Partial<NodemailerError> & { message?: string; permanent?: boolean };
    const code = typeof e.responseCode === 'number' ? e.responseCode : null;
    let reason = String(e.message ?? error).split(/\r?\n/)[0];
    for (const secret of this.secrets()) reason = reason.split(secret).join('***');
    const kind = e.code ? ` (${e.code})` : '';
    const message = `SMTP delivery via ${this.config.SMTP_HOST}:${this.config.SMTP_PORT} failed${kind}: ${reason}`;
    return new MailDeliveryError(
      message.slice(0, MAX_ERROR_LENGTH),
      code,
      e.permanent === true || (code !== null && code >= 500 && code !== 503),
    );
  }

  private secrets(): string[] {
    const { SMTP_USER: user, SMTP_PASSWORD: pass } = this.config;
    const plain = [user, pass].filter((s): s is string => !!s);
    // AUTH PLAIN and LOGIN send them base64-encoded; a server may echo that command back.
    const encoded = [...plain, `\0${user ?? ''}\0${pass ?? ''}`].map((s) => Buffer.from(s).toString('base64'));
    return [...plain, ...encoded].filter((s) => s.length >= 3).sort((a, b) => b.length - a.length);
  }
}

/**
 * `<id@waterbridge>` for a bare id. Characters a Message-ID may not hold (and dots where a dot-atom may not have
 * them) are %-encoded, so distinct ids stay distinct.
 */
export function formatMessageId(id: string): string {
  if (/^<.+>$/.test(id)) return id;
  const hex = (ch: string) => [...Buffer.from(ch)].map((b) => `%${b.toString(16).toUpperCase().padStart(2, '0')}`).join('');
  const local = id.replace(/[^A-Za-z0-9!#$&'*+\-/=?^_`{|}~.]/g, hex).replace(/^\.|\.$|(?<=\.)\./g, hex);
  return `<${local}@waterbridge>`;
}

/** The three-digit SMTP reply code at the start of a response line ("250 2.0.0 Ok: queued"). */
function replyCode(response: string | undefined): number | null {
  const match = /^(\d{3})/.exec(response ?? '');
  return match ? Number(match[1]) : null;
}
