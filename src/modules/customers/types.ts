/** Plain shapes shared by the customers module's files and its public surface. */

export const IDENTITY_KINDS = [
  'email',
  'phone',
  'whatsapp',
  'messenger',
  'instagram',
  'telegram',
  'webchat',
] as const;
export type IdentityKind = (typeof IDENTITY_KINDS)[number];

/** Channels a consent is given or refused for. */
export const CONSENT_CHANNELS = [
  'email',
  'phone',
  'sms',
  'whatsapp',
  'messenger',
  'instagram',
  'telegram',
] as const;
export type ConsentChannel = (typeof CONSENT_CHANNELS)[number];

/** One channel's consent: marketing opt-in and do-not-contact, with when and where it was stated. */
export interface Consent {
  marketingOptIn: boolean;
  doNotContact: boolean;
  at: string;
  source: string;
}

export type Consents = Partial<Record<ConsentChannel, Consent>>;

export type CustomFieldValue = string | number | boolean;
export type CustomFieldValues = Record<string, CustomFieldValue>;

export type CustomerKind = 'person' | 'organisation';

export interface ImportRejection {
  line: number;
  reason: string;
}

/** A problem with one field of a request, as the HTTP error details list it. */
export interface FieldProblem {
  path: string;
  message: string;
}

/**
 * What routing, scripting and campaigns read about a customer.
 * @example const s = await customers.getCustomerSummary(workspaceId, id); if (s.tier === 'platinum') …
 */
export interface CustomerSummary {
  id: string;
  kind: CustomerKind;
  name: string;
  language: 'es' | 'en' | null;
  timeZone: string | null;
  tier: string;
  score: number;
  ownerId: string | null;
  /** Channels on which the customer must not be contacted. */
  doNotContact: ConsentChannel[];
  /** Channels on which the customer accepted marketing. */
  marketingOptIn: ConsentChannel[];
}
