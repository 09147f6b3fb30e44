/**
 * The text a customer is found by: name, organisations, e-mail local parts, external id, tags and custom
 * text values. Pure; the database folds accents
 * and case and indexes it for trigram and full-text search.
 */
import type { CustomFieldValues } from './types.ts';

export interface SearchableCustomer {
  name: string;
  externalId?: string | null;
  organisations?: string[];
  identities?: { kind: string; value: string; display: string }[];
  tags?: string[];
  customFields?: CustomFieldValues;
}

/**
 * @example searchText({ name: 'José Rodríguez', identities: [{ kind: 'email', value: 'jose.r@gmail.com', display: 'jose.r@gmail.com' }] })
 * // 'José Rodríguez jose r'
 */
export function searchText(c: SearchableCustomer): string {
  const parts: string[] = [c.name, ...(c.organisations ?? [])];
  // Whole e-mails and phone numbers are found exactly through the identity index. Of the rest, only an
  // e-mail's local part helps ("mjperez"): domains and digits would match thousands of strangers.
  for (const identity of c.identities ?? []) {
    // "vale.suarez88" becomes "vale suarez": the full-text parser would keep it as one opaque token.
    if (identity.kind === 'email')
      parts.push(
        identity.value
          .slice(0, identity.value.lastIndexOf('@'))
          .replace(/[^\p{L}]+/gu, ' ')
          .trim(),
      );
  }
  if (c.externalId) parts.push(c.externalId);
  parts.push(...(c.tags ?? []));
  for (const value of Object.values(c.customFields ?? {})) if (typeof value === 'string') parts.push(value);
  // Each non-blank part once, in order (a handful: a scan beats building a set for every customer).
  const kept: string[] = [];
  for (const part of parts) if (part.trim() !== '' && !kept.includes(part)) kept.push(part);
  return kept.join(' ').slice(0, 4000);
}
