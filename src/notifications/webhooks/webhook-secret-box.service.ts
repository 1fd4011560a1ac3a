import { Injectable } from '@nestjs/common';
import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';
import { AppConfig } from '../../config/app-config';

/** Marks a sealed secret: AES-256-GCM, then the IV, the tag and the ciphertext (base64url). */
export const SEALED_PREFIX = 'wbenc1:';

export class UnreadableSecretError extends Error {}

/**
 * Webhook signing secrets at rest. The server must know a secret to sign with it (HMAC), so it cannot keep a hash as
 * for passwords; with WEBHOOK_SECRETS_KEY set it keeps each one encrypted (AES-256-GCM), so a copy of the database or a
 * backup alone cannot forge calls to the members' systems. Without the key secrets are stored as they are.
 */
@Injectable()
export class WebhookSecretBoxService {
  private readonly key: Buffer | null;

  constructor(config: AppConfig) {
    // Any string of 32 characters or more: hashed to the 32 bytes AES-256 needs.
    this.key = config.WEBHOOK_SECRETS_KEY ? createHash('sha256').update(config.WEBHOOK_SECRETS_KEY).digest() : null;
  }

  get encrypts(): boolean {
    return this.key !== null;
  }

  /** The form in which `secret` is stored. */
  seal(secret: string): string {
    if (!this.key) return secret;
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', this.key, iv);
    const sealed = Buffer.concat([cipher.update(secret, 'utf8'), cipher.final()]);
    return SEALED_PREFIX + [iv.toString('base64url'), cipher.getAuthTag().toString('base64url'), sealed.toString('base64url')].join(':');
  }

  /** The secret behind its stored form (stored as it is when no key was set then); UnreadableSecretError otherwise. */
  open(stored: string): string {
    if (!stored.startsWith(SEALED_PREFIX)) return stored;
    if (!this.key) throw new UnreadableSecretError('the signing secret is encrypted, and WEBHOOK_SECRETS_KEY is not set');
    const [iv, tag, sealed] = stored.slice(SEALED_PREFIX.length).split(':');
    try {
      const decipher = createDecipheriv('aes-256-gcm', this.key, Buffer.from(iv, 'base64url'));
      decipher.setAuthTag(Buffer.from(tag, 'base64url'));
      return Buffer.concat([decipher.update(Buffer.from(sealed, 'base64url')), decipher.final()]).toString('utf8');
    } catch {
      throw new UnreadableSecretError(
        'the signing secret cannot be decrypted with WEBHOOK_SECRETS_KEY (was the key changed?): rotate the webhook secret',
      );
    }
  }
}
