import { describe, expect, it } from 'vitest';
import { type MergeableProfile, mergeConsents, mergeProfiles } from './merge-plan.ts';

const profile = (over: Partial<MergeableProfile>): MergeableProfile => ({
  name: 'A',
  externalId: null,
  ownerId: null,
  language: null,
  timeZone: null,
  tags: [],
  customFields: {},
  consents: {},
  customerSince: new Date('2024-01-01'),
  openDebt: 0,
  ...over,
});

describe('merging two profiles', () => {
  it('keeps the survivor’s values and fills its gaps from the other', () => {
    const merged = mergeProfiles(
      profile({ ownerId: 'u1', tags: ['vip', 'hotel'], customFields: { a: 1 }, openDebt: 100.1 }),
      profile({
        ownerId: 'u2',
        language: 'en',
        tags: ['hotel', 'aventura'],
        customFields: { a: 2, b: 'x' },
        customerSince: new Date('2020-01-01'),
        openDebt: 50.2,
      }),
    );
    expect(merged).toEqual({
      ownerId: 'u1',
      language: 'en',
      timeZone: null,
      tags: ['vip', 'hotel', 'aventura'],
      customFields: { a: 1, b: 'x' },
      consents: {},
      customerSince: new Date('2020-01-01'),
      openDebt: 150.3,
    });
  });

  it('consent: the latest statement per channel wins; on a tie the stricter one', () => {
    const old = { marketingOptIn: true, doNotContact: false, at: '2025-01-01T00:00:00.000Z', source: 'web' };
    const recent = {
      marketingOptIn: false,
      doNotContact: true,
      at: '2025-06-01T00:00:00.000Z',
      source: 'llamada',
    };
    expect(mergeConsents({ email: old }, { email: recent, sms: old })).toEqual({ email: recent, sms: old });
    expect(mergeConsents({ email: recent }, { email: old })).toEqual({ email: recent });
    const tie = { ...old, doNotContact: true };
    expect(mergeConsents({ email: old }, { email: tie }).email).toMatchObject({
      doNotContact: true,
      marketingOptIn: true,
    });
  });
});
