import { Injectable, OnModuleDestroy } from '@nestjs/common';
import http from 'node:http';
import https from 'node:https';
import { performance } from 'node:perf_hooks';
import { AppConfig } from '../../config/app-config';
import { BlockedAddressError, isPublicAddress, literalAddress, publicOnlyLookup } from './webhook-address';
import { UnreadableSecretError, WebhookSecretBoxService } from './webhook-secret-box.service';
import { signWebhook } from './webhook-signature';

export interface WebhookCallResult {
  ok: boolean;
  statusCode: number | null;
  durationMs: number;
  error: string | null;
}

/** A receiver's answer is only read to free the connection; past this it is cut off. */
const MAX_RESPONSE_BYTES = 4096;
const MAX_ERROR_LENGTH = 200;

const NETWORK_ERRORS: Record<string, string> = {
  ECONNREFUSED: 'connection refused',
  ECONNRESET: 'connection reset',
  ENOTFOUND: 'host not found',
  EAI_AGAIN: 'host lookup failed (temporary)',
  EHOSTUNREACH: 'host unreachable',
  ENETUNREACH: 'network unreachable',
  ETIMEDOUT: 'connection timed out',
  EPIPE: 'connection closed while sending',
  HPE_INVALID_CONSTANT: 'invalid HTTP response',
};

class CallTimeout extends Error {}

/** Short, log-safe description of a failed call (no stack, no body). */
function describeError(error: unknown): string {
  if (error instanceof CallTimeout) return error.message;
  if (error instanceof BlockedAddressError) return `refused: ${error.message} (WEBHOOK_ALLOW_PRIVATE_NETWORKS is off)`;
  const { code, message } = error as { code?: string; message?: string };
  const text = code
    ? (NETWORK_ERRORS[code] ??
      (/^(ERR_TLS|CERT|UNABLE_TO|DEPTH_ZERO|SELF_SIGNED|HOSTNAME)/.test(code) ? `TLS: ${code}` : `${code}: ${message ?? ''}`))
    : (message ?? String(error));
  return text.trim().slice(0, MAX_ERROR_LENGTH);
}

/**
 * Sends one signed webhook call. It never throws and never follows a redirect (a 3xx is a failed call, so a receiver
 * cannot bounce signed payloads elsewhere); the delivery job turns failures into retries.
 */
@Injectable()
export class WebhookReceiversRepository implements OnModuleDestroy {
  // Keep-alive: a burst of deliveries to the same receiver reuses its connections instead of a TLS handshake each.
  private readonly httpAgent = new http.Agent({ keepAlive: true, maxSockets: 16 });
  private readonly httpsAgent = new https.Agent({ keepAlive: true, maxSockets: 16 });

  constructor(
    private readonly config: AppConfig,
    private readonly secrets: WebhookSecretBoxService,
  ) {}

  /** `endpoint.secret` as stored (WebhookSecretBoxService): it is opened here, just to sign. */
  async post(
    endpoint: { url: string; secret: string },
    delivery: { key: string; eventType: string },
    body: string,
  ): Promise<WebhookCallResult> {
    const started = performance.now();
    const elapsed = () => Math.round(performance.now() - started);
    let url: URL;
    try {
      url = new URL(endpoint.url);
    } catch {
      return { ok: false, statusCode: null, durationMs: elapsed(), error: 'invalid URL' };
    }
    if (url.protocol !== 'https:' && !(url.protocol === 'http:' && this.config.WEBHOOK_ALLOW_HTTP)) {
      return { ok: false, statusCode: null, durationMs: elapsed(), error: `${url.protocol}// URLs are not allowed` };
    }
    // A literal address is connected to without a lookup, so it is checked here; host names in publicOnlyLookup.
    const literal = literalAddress(url.hostname);
    if (literal !== null && !this.config.WEBHOOK_ALLOW_PRIVATE_NETWORKS && !isPublicAddress(literal)) {
      return { ok: false, statusCode: null, durationMs: elapsed(), error: describeError(new BlockedAddressError(literal)) };
    }
    let secret: string;
    try {
      secret = this.secrets.open(endpoint.secret);
    } catch (error) {
      if (!(error instanceof UnreadableSecretError)) throw error;
      return { ok: false, statusCode: null, durationMs: elapsed(), error: error.message };
    }
    const timestamp = Math.floor(Date.now() / 1000);
    const headers = {
      'content-type': 'application/json',
      'content-length': String(Buffer.byteLength(body)),
      'user-agent': 'WaterBridge-Webhooks/1',
      'WaterBridge-Event': delivery.eventType,
      'WaterBridge-Delivery': delivery.key,
      'WaterBridge-Timestamp': String(timestamp),
      'WaterBridge-Signature': signWebhook(secret, timestamp, body),
    };
    const deadline = Date.now() + this.config.WEBHOOK_TIMEOUT_MS;
    let outcome = await this.call(url, headers, body, deadline);
    // A kept-alive connection the receiver closed just as we reused it: Node's documented case for one retry.
    if (outcome.error && outcome.reusedSocket && (outcome.error as { code?: string }).code === 'ECONNRESET' && Date.now() < deadline) {
      outcome = await this.call(url, headers, body, deadline);
    }
    const durationMs = elapsed();
    if (outcome.statusCode !== null) {
      const ok = outcome.statusCode >= 200 && outcome.statusCode < 300;
      return { ok, statusCode: outcome.statusCode, durationMs, error: ok ? null : `HTTP ${outcome.statusCode}` };
    }
    return { ok: false, statusCode: null, durationMs, error: describeError(outcome.error) };
  }

  onModuleDestroy(): void {
    this.httpAgent.destroy();
    this.httpsAgent.destroy();
  }

  private call(
    url: URL,
    headers: Record<string, string>,
    body: string,
    deadline: number,
  ): Promise<{ statusCode: number | null; error?: unknown; reusedSocket: boolean }> {
    return new Promise((resolve) => {
      const isHttps = url.protocol === 'https:';
      const lookup = this.config.WEBHOOK_ALLOW_PRIVATE_NETWORKS ? undefined : publicOnlyLookup;
      const request = (isHttps ? https : http).request(url, {
        method: 'POST',
        headers,
        agent: isHttps ? this.httpsAgent : this.httpAgent,
        lookup,
      });
      let statusCode: number | null = null;
      let settled = false;
      const settle = (error?: unknown) => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        // Once the status is known the receiver has answered; a broken or slow body does not change that.
        resolve({ statusCode, error: statusCode === null ? error : undefined, reusedSocket: request.reusedSocket });
      };
      // One deadline for the whole exchange (connect, send, answer), not just socket idleness.
      const timer = setTimeout(
        () => {
          const timeout = new CallTimeout(`timed out after ${this.config.WEBHOOK_TIMEOUT_MS} ms`);
          settle(timeout);
          request.destroy(timeout);
        },
        Math.max(0, deadline - Date.now()),
      );
      request.on('error', (error) => settle(error));
      request.on('response', (response) => {
        statusCode = response.statusCode ?? null;
        let received = 0;
        response.on('data', (chunk: Buffer) => {
          received += chunk.length;
          if (received > MAX_RESPONSE_BYTES) {
            // Not worth reading on: drop this connection rather than download a large answer.
            response.destroy();
            settle();
          }
        });
        response.on('end', () => settle());
        response.on('close', () => settle());
        response.on('error', (error) => settle(error));
      });
      request.end(body);
    });
  }
}
