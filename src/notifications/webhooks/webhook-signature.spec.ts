import { createHmac } from 'node:crypto';
import { generateWebhookSecret, signWebhook, verifyWebhookSignature } from './webhook-signature';

describe('webhook signatures', () => {
  const secret = 'whsec_test-secret';
  const body = '{"id":"d1","event":"MATCH_INTRODUCED","data":{"matchId":"m1","needTitle":"水厂"}}';
  const timestamp = 1_800_000_000;
  const now = timestamp * 1000;

  it('signs "<timestamp>.<body>" with HMAC-SHA256, as the receiver documentation says', () => {
    const expected = createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex');
    expect(signWebhook(secret, timestamp, body)).toBe(`v1=${expected}`);
  });

  it('accepts its own signature and refuses any change to the body, the timestamp or the secret', () => {
    const signature = signWebhook(secret, timestamp, body);
    expect(verifyWebhookSignature(secret, signature, String(timestamp), body, { now })).toBe(true);
    expect(verifyWebhookSignature(secret, signature, String(timestamp), body.replace('m1', 'm2'), { now })).toBe(false);
    expect(verifyWebhookSignature(secret, signature, String(timestamp + 1), body, { now })).toBe(false);
    expect(verifyWebhookSignature('whsec_other', signature, String(timestamp), body, { now })).toBe(false);
  });

  it('refuses timestamps outside the tolerance, in the past or the future', () => {
    const signature = signWebhook(secret, timestamp, body);
    expect(verifyWebhookSignature(secret, signature, timestamp, body, { now: now + 300_000 })).toBe(true);
    expect(verifyWebhookSignature(secret, signature, timestamp, body, { now: now + 301_000 })).toBe(false);
    expect(verifyWebhookSignature(secret, signature, timestamp, body, { now: now - 301_000 })).toBe(false);
    expect(verifyWebhookSignature(secret, signature, timestamp, body, { now: now + 3_600_000, toleranceSeconds: 3600 })).toBe(true);
  });

  it('accepts a header with several v1 values when one matches (secret rotation)', () => {
    const current = signWebhook(secret, timestamp, body);
    const previous = signWebhook('whsec_previous', timestamp, body);
    expect(verifyWebhookSignature(secret, `${previous}, ${current}`, timestamp, body, { now })).toBe(true);
    expect(verifyWebhookSignature('whsec_previous', `${previous},${current}`, timestamp, body, { now })).toBe(true);
    expect(verifyWebhookSignature('whsec_third', `${previous},${current}`, timestamp, body, { now })).toBe(false);
  });

  it('refuses malformed headers without throwing', () => {
    const hex = signWebhook(secret, timestamp, body).slice(3);
    for (const header of ['', hex, `v0=${hex}`, `v1=${hex.slice(2)}`, 'v1=zz', `v1=${hex}00`, ',,,', null, undefined]) {
      expect(verifyWebhookSignature(secret, header, timestamp, body, { now })).toBe(false);
    }
    for (const ts of ['', 'abc', '1.5', '-1', null, undefined]) {
      expect(verifyWebhookSignature(secret, `v1=${hex}`, ts, body, { now })).toBe(false);
    }
  });

  it('generates distinct whsec_ secrets of 32 random bytes', () => {
    const a = generateWebhookSecret();
    const b = generateWebhookSecret();
    expect(a).toMatch(/^whsec_[A-Za-z0-9_-]{43}$/);
    expect(Buffer.from(a.slice('whsec_'.length), 'base64url')).toHaveLength(32);
    expect(a).not.toBe(b);
  });
});
