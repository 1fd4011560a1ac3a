import { DomainError } from '../../common/domain-error';
import { isPublicAddress, literalAddress } from './webhook-address';

export const WEBHOOK_URL_MAX_LENGTH = 2000;

/**
 * How a webhook is named in the log: its id and host. Never its URL, whose path or query often carries the receiver's
 * own access token (Slack, Teams and Zapier hooks do).
 */
export function webhookLogName(webhookId: string | null, url: string): string {
  let host: string;
  try {
    host = new URL(url).host;
  } catch {
    host = 'an invalid URL';
  }
  return `webhook ${webhookId ?? '(deleted)'} at ${host}`;
}

/**
 * Checks a webhook URL before it is stored, and returns it trimmed: absolute, https:// (http:// only when
 * WEBHOOK_ALLOW_HTTP, for local development), without credentials (they would be logged and shown with the URL), and
 * not an IP address of a private or reserved network unless WEBHOOK_ALLOW_PRIVATE_NETWORKS (host names are checked
 * when a call is made, on the addresses they resolve to).
 */
export function validateWebhookUrl(url: string, allow: { http: boolean; privateNetworks: boolean }): string {
  const trimmed = url.trim();
  if (trimmed.length === 0) throw DomainError.badInput('url', 'url must not be empty');
  if (trimmed.length > WEBHOOK_URL_MAX_LENGTH)
    throw DomainError.badInput('url', `url must be at most ${WEBHOOK_URL_MAX_LENGTH} characters`);
  let parsed: URL;
  try {
    parsed = new URL(trimmed);
  } catch {
    throw DomainError.badInput('url', 'url must be an absolute URL such as https://example.org/waterbridge');
  }
  const allowed = allow.http ? ['https:', 'http:'] : ['https:'];
  if (!allowed.includes(parsed.protocol)) {
    throw DomainError.badInput('url', allow.http ? 'url must start with https:// or http://' : 'url must start with https://');
  }
  if (!parsed.hostname) throw DomainError.badInput('url', 'url must name a host');
  if (parsed.username || parsed.password) {
    throw DomainError.badInput('url', 'url must not contain a user name or password: the signature authenticates the calls');
  }
  const address = literalAddress(parsed.hostname);
  if (address !== null && !allow.privateNetworks && !isPublicAddress(address)) {
    throw DomainError.badInput('url', 'url must not point to a loopback, private or reserved address');
  }
  return trimmed;
}
