/** Passwords (argon2id) and random tokens (stored as SHA-256). */
import { createHash, randomBytes } from 'node:crypto';
import { hash, verify } from '@node-rs/argon2';

// Argon2id (the package's const enum value 2, spelt out because isolated modules cannot read const enums).
const ARGON2ID = 2;

export const hashPassword = (password: string): Promise<string> => hash(password, { algorithm: ARGON2ID });

export async function verifyPassword(hashed: string, password: string): Promise<boolean> {
  try {
    return await verify(hashed, password);
  } catch {
    return false;
  }
}

/** A fresh token with a readable prefix, e.g. `atk_…` for API tokens. */
export const newToken = (prefix: string): string => `${prefix}_${randomBytes(32).toString('base64url')}`;

export const hashToken = (token: string): string => createHash('sha256').update(token).digest('hex');

/** A valid hash of no password: verifying against it costs what a real check costs, so timing tells nothing. */
export const DUMMY_HASH =
  '$argon2id$v=19$m=19456,t=2,p=1$tSJWZbx9SyICtgqVkOUreA$e/3MjjB5GoEtvpotXE140Ono1qG2PwV0yQTRqKwJhvo';

export function passwordProblem(password: string): string | null {
  if (password.length < 8) return 'must be at least 8 characters';
  if (password.length > 200) return 'must be at most 200 characters';
  return null;
}
