import fc from 'fast-check';
import { type CountryCode, parsePhoneNumberFromString } from 'libphonenumber-js/max';
import { describe, expect, it } from 'vitest';
import { foldText, identityQuery, normaliseEmail, normaliseIdentity, normalisePhone } from './normalise.ts';

describe('e-mail addresses', () => {
  it('are trimmed and lower-cased; +tags and Gmail dots only change the match key', () => {
    expect(normaliseEmail(' Jose.Rodriguez+Viajes@Gmail.COM ')).toEqual({
      ok: true,
      value: 'jose.rodriguez+viajes@gmail.com',
      display: 'jose.rodriguez+viajes@gmail.com',
      matchKey: 'email:joserodriguez@gmail.com',
    });
    expect(normaliseEmail('ana.maria+x@empresa.co')).toMatchObject({
      matchKey: 'email:ana.maria@empresa.co',
    });
  });

  it('that are not addresses are refused with a reason', () => {
    for (const bad of ['', 'ana', 'ana@', '@x.co', 'ana @x.co', 'ana@x', `${'a'.repeat(250)}@x.co`]) {
      expect(normaliseEmail(bad), bad).toEqual({ ok: false, message: 'is not a valid e-mail address' });
    }
  });
});

describe('phone numbers', () => {
  it('become E.164 with the workspace’s country, however they are written', () => {
    for (const written of ['300 123 4567', '(300) 123-4567', '+57 300 1234567', '3001234567']) {
      expect(normalisePhone(written, 'CO'), written).toMatchObject({
        ok: true,
        value: '+573001234567',
        matchKey: 'phone:+573001234567',
      });
    }
    expect(normalisePhone('612 34 56 78', 'ES')).toMatchObject({ ok: true, value: '+34612345678' });
  });

  it('that cannot exist are refused', () => {
    expect(normalisePhone('12', 'CO').ok).toBe(false);
    expect(normalisePhone('399 123 4567', 'CO').ok).toBe(false);
    expect(normalisePhone('call me', 'CO').ok).toBe(false);
  });
});

/** What libphonenumber alone answers: the fast path for plain Colombian mobiles must agree with it. */
function byLibphonenumber(input: string, country: string) {
  const text = input.trim();
  if (!/^[+\d(][\d\s().-]{3,30}$/.test(text)) return { ok: false };
  const phone = parsePhoneNumberFromString(text, country as CountryCode);
  if (!phone?.isValid()) return { ok: false };
  return {
    ok: true,
    value: phone.number,
    display: phone.formatInternational(),
    matchKey: `phone:${phone.number}`,
  };
}

describe('plain Colombian mobiles', () => {
  const digits = (min: number, max: number) =>
    fc.array(fc.constantFrom(...'0123456789'), { minLength: min, maxLength: max }).map((d) => d.join(''));
  const written = fc
    .tuple(
      fc.constantFrom('', '+57', '+57 ', '57', '+5 7', '+1 ', '(', ' '),
      fc.constantFrom('3', '3', '3', '6', '9', '1'),
      digits(1, 3),
      fc.constantFrom('', ' ', '-', '  ', '.'),
      digits(2, 4),
      fc.constantFrom('', ' ', '-', ')'),
      digits(3, 5),
      fc.constantFrom('', ' ', 'x'),
    )
    .map((parts) => parts.join(''));

  it('normalise exactly as libphonenumber does, however they are written', () => {
    fc.assert(
      fc.property(written, fc.constantFrom('CO', 'CO', 'ES', 'US'), (text, country) => {
        const answer = normalisePhone(text, country);
        expect(answer.ok ? answer : { ok: false }).toEqual(byLibphonenumber(text, country));
      }),
      { numRuns: 10_000 },
    );
  });

  it('of every mobile prefix agree with libphonenumber', () => {
    fc.assert(
      fc.property(fc.integer({ min: 3_000_000_000, max: 3_999_999_999 }), (n) => {
        for (const text of [
          `+57 ${n}`,
          `${n}`,
          `+57${n}`,
          `${String(n).slice(0, 3)} ${String(n).slice(3, 6)} ${String(n).slice(6)}`,
        ]) {
          const answer = normalisePhone(text, 'CO');
          expect(answer.ok ? answer : { ok: false }).toEqual(byLibphonenumber(text, 'CO'));
        }
      }),
      { numRuns: 10_000 },
    );
  });
});

describe('channel identities', () => {
  it('WhatsApp numbers share the phone’s match key; Telegram usernames are case-folded', () => {
    expect(normaliseIdentity('whatsapp', '+57 300 123 4567', 'CO')).toMatchObject({
      value: '+573001234567',
      matchKey: 'phone:+573001234567',
    });
    expect(normaliseIdentity('telegram', '@Servicenter_Bot', 'CO')).toMatchObject({
      value: '@servicenter_bot',
    });
    expect(normaliseIdentity('telegram', '123456789', 'CO')).toMatchObject({ value: '123456789' });
    expect(normaliseIdentity('messenger', '24680135791', 'CO')).toMatchObject({ ok: true });
    expect(normaliseIdentity('instagram', 'not digits', 'CO').ok).toBe(false);
    expect(normaliseIdentity('webchat', 'v_0190a1b2c3', 'CO')).toMatchObject({ value: 'v_0190a1b2c3' });
    expect(normaliseIdentity('webchat', 'short', 'CO').ok).toBe(false);
  });
});

describe('search helpers', () => {
  it('fold accents and case like the database does', () => {
    expect(foldText('José Rodríguez ÑANDÚ')).toBe('jose rodriguez nandu');
  });

  it('recognise e-mails and phone-like queries as identities', () => {
    expect(identityQuery('Ana@Example.com', 'CO')).toEqual([{ kind: 'email', value: 'ana@example.com' }]);
    expect(identityQuery('300 123 4567', 'CO').map((q) => q.kind)).toEqual(['phone', 'whatsapp']);
    expect(identityQuery('José', 'CO')).toEqual([]);
  });
});
