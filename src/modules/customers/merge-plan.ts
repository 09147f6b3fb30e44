/**
 * What a merged profile keeps from each side. Pure. The survivor's own values win; the other side fills what
 * the survivor lacks, so nothing known is dropped; identities, timeline, memberships and purchases move
 * wholesale (the service does that).
 */
import type { ConsentChannel, Consents, CustomFieldValues } from './types.ts';

export interface MergeableProfile {
  name: string;
  externalId: string | null;
  ownerId: string | null;
  language: 'es' | 'en' | null;
  timeZone: string | null;
  tags: string[];
  customFields: CustomFieldValues;
  consents: Consents;
  customerSince: Date;
  openDebt: number;
}

export type MergedProfile = Omit<MergeableProfile, 'name' | 'externalId'>;

/**
 * @example
 * mergeProfiles(survivor, source).tags // the union of both, survivor's first
 */
export function mergeProfiles(survivor: MergeableProfile, source: MergeableProfile): MergedProfile {
  return {
    ownerId: survivor.ownerId ?? source.ownerId,
    language: survivor.language ?? source.language,
    timeZone: survivor.timeZone ?? source.timeZone,
    tags: [...new Set([...survivor.tags, ...source.tags])],
    customFields: { ...source.customFields, ...survivor.customFields },
    consents: mergeConsents(survivor.consents, source.consents),
    // The customer has been ours since the earlier of the two records.
    customerSince:
      survivor.customerSince < source.customerSince ? survivor.customerSince : source.customerSince,
    // Both records' debts are the person's debt.
    openDebt: Math.round((survivor.openDebt + source.openDebt) * 100) / 100,
  };
}

/**
 * Per channel, the most recent statement wins: consent is the person's latest wish. On equal dates the more
 * restrictive one wins (do-not-contact, no marketing).
 */
export function mergeConsents(a: Consents, b: Consents): Consents {
  const out: Consents = { ...a };
  for (const [channel, theirs] of Object.entries(b) as [
    ConsentChannel,
    NonNullable<Consents[ConsentChannel]>,
  ][]) {
    const ours = out[channel];
    if (!ours || theirs.at > ours.at) out[channel] = theirs;
    else if (theirs.at === ours.at) {
      out[channel] = {
        ...ours,
        doNotContact: ours.doNotContact || theirs.doNotContact,
        marketingOptIn: ours.marketingOptIn && theirs.marketingOptIn,
      };
    }
  }
  return out;
}
