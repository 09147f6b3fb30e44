/** Human-friendly reference numbers for service requests and call-backs. Pure given its random source. */

const ALPHABET = '23456789ABCDEFGHJKLMNPQRSTUVWXYZ';

/**
 * `SR-` and eight characters without look-alikes (no 0/O, 1/I): about 10¹² values, unique per workspace.
 * @example referenceNumber('SR', () => 0) // 'SR-22222222'
 */
export function referenceNumber(prefix: string, random: () => number): string {
  let out = '';
  for (let i = 0; i < 8; i++) out += ALPHABET[Math.floor(random() * ALPHABET.length)];
  return `${prefix}-${out}`;
}
