import { loadConfig } from '../../config/app-config';
import { SEALED_PREFIX, UnreadableSecretError, WebhookSecretBoxService } from './webhook-secret-box.service';

const box = (key?: string) => new WebhookSecretBoxService(loadConfig(key ? { WEBHOOK_SECRETS_KEY: key } : {}));
const KEY = 'a-webhook-secrets-key-of-at-least-32-chars';

describe('WebhookSecretBoxService', () => {
  const secret = 'whsec_0123456789abcdefghijklmnopqrstuvwxyzABCDE';

  it('stores a secret encrypted, differently each time, and opens it again', () => {
    const [a, b] = [box(KEY).seal(secret), box(KEY).seal(secret)];
    for (const stored of [a, b]) {
      expect(stored.startsWith(SEALED_PREFIX)).toBe(true);
      expect(stored).not.toContain(secret);
      expect(stored).not.toContain(secret.slice(6, 20));
      expect(box(KEY).open(stored)).toBe(secret);
    }
    expect(a).not.toBe(b);
  });

  it('stores and opens secrets as they are without a key, and opens those with a key too', () => {
    expect(box().seal(secret)).toBe(secret);
    expect(box().open(secret)).toBe(secret);
    expect(box(KEY).open(secret)).toBe(secret);
  });

  it('refuses a sealed secret with another key, without one, or altered', () => {
    const stored = box(KEY).seal(secret);
    expect(() => box('another-key-that-is-also-32-characters-long').open(stored)).toThrow(UnreadableSecretError);
    expect(() => box().open(stored)).toThrow('the signing secret is encrypted, and WEBHOOK_SECRETS_KEY is not set');
    const altered = stored.slice(0, -2) + (stored.endsWith('A') ? 'BB' : 'AA');
    expect(() => box(KEY).open(altered)).toThrow(UnreadableSecretError);
  });
});
