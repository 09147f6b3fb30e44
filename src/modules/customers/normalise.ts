/**
 * Normalising identities: e-mail addresses, phone numbers in E.164 (libphonenumber-js with the workspace's
 * default country), and channel ids. Pure. Each answer carries the stored value, a display form and the
 * looser match key that duplicate detection compares.
 */
import { type CountryCode, Metadata, parsePhoneNumberFromString } from 'libphonenumber-js/max';
import type { IdentityKind } from './types.ts';

export type Normalised =
  | { ok: true; value: string; display: string; matchKey: string }
  | { ok: false; message: string };

const EMAIL = /^[^\s@"(),:;<>[\\\]]+@([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/;
const GMAIL = new Set(['gmail.com', 'googlemail.com']);

/**
 * @example normaliseEmail(' Jose.Rodriguez+viajes@Gmail.com ')
 * // { ok: true, value: 'jose.rodriguez+viajes@gmail.com', matchKey: 'email:joserodriguez@gmail.com', … }
 */
export function normaliseEmail(input: string): Normalised {
  const value = input.trim().toLowerCase();
  if (value.length > 254 || !EMAIL.test(value))
    return { ok: false, message: 'is not a valid e-mail address' };
  const at = value.lastIndexOf('@');
  let local = value.slice(0, at).replace(/\+.*$/, '');
  const domain = value.slice(at + 1);
  // Gmail ignores dots in the local part; everyone treats +tags as the same mailbox.
  if (GMAIL.has(domain)) local = local.replace(/\./g, '');
  return {
    ok: true,
    value,
    display: value,
    matchKey: `email:${local}@${domain === 'googlemail.com' ? 'gmail.com' : domain}`,
  };
}

/**
 * @example normalisePhone('300 123 4567', 'CO') // { ok: true, value: '+573001234567', display: '+57 300 1234567', … }
 */
export function normalisePhone(input: string, defaultCountry: string): Normalised {
  const text = input.trim();
  if (defaultCountry === 'CO') {
    const mobile = colombianMobile(text);
    if (mobile) return mobile;
  }
  if (!/^[+\d(][\d\s().-]{3,30}$/.test(text)) return { ok: false, message: 'is not a phone number' };
  const phone = parsePhoneNumberFromString(text, defaultCountry as CountryCode);
  if (!phone?.isValid())
    return { ok: false, message: `is not a valid phone number (default country ${defaultCountry})` };
  // Phone and WhatsApp numbers share a match key: the same number on both is likely the same person.
  return {
    ok: true,
    value: phone.number,
    display: phone.formatInternational(),
    matchKey: `phone:${phone.number}`,
  };
}

/** A Colombian mobile written plainly: `+57` or not, then ten digits, maybe grouped 3-3-4 or 3-7 by spaces. */
const PLAIN_CO_MOBILE = /^(?:\+57 ?)?(3\d\d) ?(\d{3}) ?(\d{4})$/;
/**
 * libphonenumber's own pattern for Colombian mobiles, from the metadata it validates with (`type()` is
 * not in its typings; were it gone, nothing would match and every number would take the slow path).
 */
const CO_MOBILE = (() => {
  const metadata = new Metadata();
  metadata.selectNumberingPlan('CO');
  const plan = metadata.numberingPlan as
    | { type?(kind: string): { pattern(): string } | undefined }
    | undefined;
  const pattern = plan?.type?.('MOBILE')?.pattern();
  return pattern ? new RegExp(`^(?:${pattern})$`) : /(?!)/;
})();

/**
 * The same answer as libphonenumber for a plainly written Colombian mobile (most of what a Colombian
 * workspace imports), at a tenth of its cost: parsing, validating and formatting took about 8 µs a number.
 * Anything else, or a number the mobile pattern refuses, answers null and goes through libphonenumber.
 */
function colombianMobile(text: string): Normalised | null {
  const groups = PLAIN_CO_MOBILE.exec(text);
  if (!groups) return null;
  const national = `${groups[1]}${groups[2]}${groups[3]}`;
  if (!CO_MOBILE.test(national)) return null;
  const value = `+57${national}`;
  return {
    ok: true,
    value,
    display: `+57 ${groups[1]} ${groups[2]}${groups[3]}`,
    matchKey: `phone:${value}`,
  };
}

const PATTERNS: Record<'messenger' | 'instagram' | 'webchat', [RegExp, string]> = {
  messenger: [/^\d{5,20}$/, 'must be a Messenger page-scoped id (digits)'],
  instagram: [/^\d{5,20}$/, 'must be an Instagram-scoped id (digits)'],
  webchat: [/^[A-Za-z0-9_-]{8,100}$/, 'must be a visitor id of 8 to 100 letters, digits, _ or -'],
};

/**
 * Normalises an identity of any kind.
 * @example normaliseIdentity('telegram', '@Servicenter_Bot', 'CO') // value '@servicenter_bot'
 */
export function normaliseIdentity(kind: IdentityKind, input: string, defaultCountry: string): Normalised {
  switch (kind) {
    case 'email':
      return normaliseEmail(input);
    case 'phone':
    case 'whatsapp':
      return normalisePhone(input, defaultCountry);
    case 'telegram': {
      const text = input.trim();
      if (/^-?\d{5,20}$/.test(text)) return same(text, `telegram:${text}`);
      if (/^@?[A-Za-z][A-Za-z0-9_]{4,31}$/.test(text)) {
        const name = `@${text.replace(/^@/, '').toLowerCase()}`;
        return same(name, `telegram:${name}`);
      }
      return { ok: false, message: 'must be a Telegram user id (digits) or @username' };
    }
    default: {
      const text = input.trim();
      const [pattern, message] = PATTERNS[kind];
      return pattern.test(text) ? same(text, `${kind}:${text}`) : { ok: false, message };
    }
  }
}

const same = (value: string, matchKey: string): Normalised => ({ ok: true, value, display: value, matchKey });

/**
 * Lower case without accents, for comparing names as the database's `atiende_fold` does.
 * @example foldText('José Rodríguez') // 'jose rodriguez'
 */
export const foldText = (text: string): string =>
  text
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .toLowerCase();

/** Whether a search text is an identity rather than a name: an e-mail address or a phone-like run of digits. */
export function identityQuery(q: string, defaultCountry: string): { kind: IdentityKind; value: string }[] {
  const email = normaliseEmail(q);
  if (email.ok) return [{ kind: 'email', value: email.value }];
  if ((q.match(/\d/g)?.length ?? 0) >= 7) {
    const phone = normalisePhone(q, defaultCountry);
    if (phone.ok) {
      return [
        { kind: 'phone', value: phone.value },
        { kind: 'whatsapp', value: phone.value },
      ];
    }
  }
  return [];
}
