/** Visitor tokens and host-site identity signatures. Pure apart from reading randomness for new tokens. */
import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

/** A new visitor token: 32 random bytes, URL-safe. Only its hash is stored. */
export const newVisitorToken = (): string => `vt_${randomBytes(32).toString('base64url')}`;

/** A new channel secret for signing identities. */
export const newChannelSecret = (): string => randomBytes(32).toString('base64url');

/** A new public key for the snippet. */
export const newPublicKey = (): string => `wc_${randomBytes(12).toString('base64url')}`;

export const hashToken = (token: string): string => createHash('sha256').update(token).digest('hex');

/**
 * The signature a host site sends with a logged-in customer's id: hex HMAC-SHA256 of the id with the
 * channel's secret.
 * @example signIdentity('secret', 'customer-42') // '5d1e…'
 */
export const signIdentity = (secret: string, customerId: string): string =>
  createHmac('sha256', secret).update(customerId).digest('hex');

/** Whether a signature is right, compared in constant time. */
export function identityVerified(secret: string, customerId: string, signature: string): boolean {
  const expected = Buffer.from(signIdentity(secret, customerId), 'hex');
  const given = /^[0-9a-f]{64}$/i.test(signature) ? Buffer.from(signature, 'hex') : Buffer.alloc(0);
  return given.length === expected.length && timingSafeEqual(given, expected);
}
