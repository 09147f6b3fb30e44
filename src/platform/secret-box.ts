/**
 * Encrypts stored credentials (mailbox passwords, DKIM keys) with AES-256-GCM under a key derived from
 * `ATIENDE_SECRET`. Without a secret nothing can be sealed: storing a credential in the clear is never
 * the fallback.
 */
import { createCipheriv, createDecipheriv, randomBytes, scryptSync } from 'node:crypto';
import { AppError } from './errors.ts';

export interface SecretBox {
  /** Whether a secret is configured, so credentials can be stored. */
  readonly available: boolean;
  /** `v1.<iv>.<tag>.<ciphertext>`, base64url; a fresh IV each time. */
  seal(plain: string): string;
  open(sealed: string): string;
}

const noSecret = () =>
  new AppError(
    'secrets.unavailable',
    409,
    'Stored credentials need ATIENDE_SECRET to be set on the server (at least 32 characters)',
  );

/**
 * @example
 * const box = createSecretBox(config.secret);
 * const stored = box.seal('imap-password'); box.open(stored) === 'imap-password';
 */
export function createSecretBox(secret: string | null): SecretBox {
  // A fixed, public salt: the key only has to differ per installation, which the secret already does.
  const key = secret ? scryptSync(secret, 'atiende.secret-box.v1', 32) : null;
  return {
    available: key !== null,
    seal(plain) {
      if (!key) throw noSecret();
      const iv = randomBytes(12);
      const cipher = createCipheriv('aes-256-gcm', key, iv);
      const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
      const parts = [iv, cipher.getAuthTag(), body].map((b) => b.toString('base64url'));
      return `v1.${parts.join('.')}`;
    },
    open(sealed) {
      if (!key) throw noSecret();
      const [version, iv, tag, body] = sealed.split('.');
      if (version !== 'v1' || !iv || !tag || body === undefined)
        throw new AppError('secrets.corrupt', 500, 'A stored credential is not in a known format');
      const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(iv, 'base64url'));
      decipher.setAuthTag(Buffer.from(tag, 'base64url'));
      return Buffer.concat([decipher.update(Buffer.from(body, 'base64url')), decipher.final()]).toString(
        'utf8',
      );
    },
  };
}
