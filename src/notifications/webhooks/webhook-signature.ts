import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

/** How far a signed timestamp may be from the receiver's clock before the call counts as a replay. */
export const DEFAULT_SIGNATURE_TOLERANCE_SECONDS = 300;

const V1_HEX = /^[0-9a-f]{64}$/i;

function hmacV1(secret: string, timestamp: number | string, body: string): Buffer {
  // The timestamp is signed with the body, so an old (captured) call cannot be replayed with a fresh timestamp.
  return createHmac('sha256', secret).update(`${timestamp}.${body}`, 'utf8').digest();
}

/** `v1=<hex HMAC-SHA256(secret, "<timestamp>.<body>")>`, the value of the WaterBridge-Signature header. */
export function signWebhook(secret: string, timestamp: number, body: string): string {
  return `v1=${hmacV1(secret, timestamp, body).toString('hex')}`;
}

export interface VerifyWebhookOptions {
  /** Largest accepted distance between the signed timestamp and `now`, in seconds (default 300). */
  toleranceSeconds?: number;
  /** The receiver's clock, in milliseconds (default Date.now()). */
  now?: number;
}

/**
 * Whether a call carries a valid signature: a fresh timestamp and one of the (comma-separated) `v1=` values matching
 * the HMAC of `<timestamp>.<body>`. Several values let a sender sign with an old and a new secret during a rotation.
 * Compared in constant time, so the comparison leaks nothing about the expected value.
 */
export function verifyWebhookSignature(
  secret: string,
  signatureHeader: string | null | undefined,
  timestampHeader: string | number | null | undefined,
  body: string,
  options: VerifyWebhookOptions = {},
): boolean {
  if (!secret || !signatureHeader || timestampHeader === null || timestampHeader === undefined) return false;
  const timestampText = String(timestampHeader).trim();
  if (!/^\d{1,12}$/.test(timestampText)) return false;
  const timestamp = Number(timestampText);
  const tolerance = options.toleranceSeconds ?? DEFAULT_SIGNATURE_TOLERANCE_SECONDS;
  const nowSeconds = (options.now ?? Date.now()) / 1000;
  if (Math.abs(nowSeconds - timestamp) > tolerance) return false;

  const expected = hmacV1(secret, timestampText, body);
  let valid = false;
  for (const part of signatureHeader.split(',')) {
    const separator = part.indexOf('=');
    if (separator < 0) continue;
    const scheme = part.slice(0, separator).trim();
    const value = part.slice(separator + 1).trim();
    if (scheme !== 'v1' || !V1_HEX.test(value)) continue;
    const candidate = Buffer.from(value, 'hex');
    // No early exit: every value is compared, whichever matches.
    if (candidate.length === expected.length && timingSafeEqual(candidate, expected)) valid = true;
  }
  return valid;
}

/** A new signing secret: `whsec_` and 32 random bytes (base64url), shown to its owner once. */
export function generateWebhookSecret(): string {
  return `whsec_${randomBytes(32).toString('base64url')}`;
}
