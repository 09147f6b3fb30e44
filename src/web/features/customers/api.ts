/** The customers API as the screens use it: types of its JSON, typed calls and TanStack Query keys. */
import { ApiError, request } from '../../api/client.ts';
import type { Language, Page } from '../../api/types.ts';

export type CustomerKind = 'person' | 'organisation';
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
export type FieldValue = string | number | boolean;

export interface CustomerListItem {
  id: string;
  kind: CustomerKind;
  name: string;
  tier: string;
  score: number;
  tags: string[];
  email: string | null;
  phone: string | null;
  organisations: string[];
  erased: boolean;
}

export interface Consent {
  marketingOptIn: boolean;
  doNotContact: boolean;
  at: string;
  source: string;
}

export interface Customer {
  id: string;
  kind: CustomerKind;
  name: string;
  externalId: string | null;
  ownerId: string | null;
  language: Language | null;
  timeZone: string | null;
  tags: string[];
  customFields: Record<string, FieldValue>;
  consents: Record<string, Consent>;
  customerSince: string;
  openDebt: number;
  score: number;
  tier: string;
  valueComputedAt: string | null;
  erasedAt: string | null;
  createdAt: string;
  updatedAt: string;
  identities: { id: string; kind: IdentityKind; value: string; display: string; createdAt: string }[];
  organisations: { id: string; name: string; role: string | null }[];
  memberCount: number;
}

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

export interface NewCustomer {
  kind?: CustomerKind;
  name: string;
  ownerId?: string;
  externalId?: string;
  language?: Language;
  timeZone?: string;
  tags?: string[];
  customFields?: Record<string, FieldValue>;
  email?: string;
  phone?: string;
  organisationIds?: string[];
  customerSince?: string;
  openDebt?: number;
}

export interface CustomerChanges {
  name?: string;
  ownerId?: string | null;
  externalId?: string | null;
  language?: Language | null;
  timeZone?: string | null;
  tags?: string[];
  customFields?: Record<string, FieldValue | null>;
  customerSince?: string;
  openDebt?: number;
}

export interface TimelineEntry {
  id: string;
  at: string;
  kind: string;
  channel: string | null;
  refId: string | null;
  summary: string;
  payload: Record<string, unknown>;
  actorId: string | null;
}

export interface DuplicateSide {
  id: string;
  name: string;
  kind: CustomerKind;
  tier: string;
  createdAt: string;
  identities: { kind: string; display: string }[];
}

export interface Duplicate {
  id: string;
  reason: 'email' | 'phone' | 'name';
  similarity: number;
  createdAt: string;
  a: DuplicateSide;
  b: DuplicateSide;
}

export interface FieldDefinition {
  id: string;
  key: string;
  label: string;
  type: 'text' | 'number' | 'date' | 'choice' | 'boolean';
  options: string[];
  required: boolean;
  position: number;
}

export interface ValueRule {
  windowDays: number;
  recencyHalfLifeDays: number;
  frequencyScale: number;
  monetaryScale: number;
  tenureFullDays: number;
  debtScale: number;
  weights: { recency: number; frequency: number; monetary: number; tenure: number; debt: number };
  tiers: { key: string; topPercent: number; minScore: number }[];
}

export interface NewField {
  key: string;
  label: string;
  type: FieldDefinition['type'];
  options?: string[];
  required?: boolean;
}

export interface ValueRuleView {
  rule: ValueRule;
  cutoffs: { tier: string; minScore: number }[];
  computedAt: string | null;
  distribution: { tier: string; count: number }[];
}

export interface ImportJob {
  id: string;
  status: 'uploaded' | 'running' | 'done' | 'failed';
  fileName: string;
  fileBytes: number;
  bytesRead: number;
  headers: string[];
  sample: string[][];
  mapping: Record<string, string> | null;
  suggestedMapping: Record<string, string>;
  processed: number;
  inserted: number;
  updated: number;
  unchanged: number;
  rejected: number;
  rejections: { line: number; reason: string }[];
  error: string | null;
}

/** Interaction states in which a contact is still open (not closed, abandoned or cancelled). */
export const OPEN_STATES = [
  'new',
  'scheduled',
  'queued',
  'offered',
  'active',
  'waiting_on_customer',
  'transferred',
  'wrap_up',
];

export interface OpenInteraction {
  id: string;
  channel: string;
  direction: 'inbound' | 'outbound';
  subject: string | null;
  state: string;
  agentId: string | null;
  createdAt: string;
}

export interface SearchParams {
  q?: string;
  kind?: CustomerKind | null;
  tier?: string | null;
  organisationId?: string;
  limit?: number;
  cursor?: string | null;
}

const V1 = '/api/v1';
const id = encodeURIComponent;

export const customersApi = {
  list: (params: SearchParams) =>
    request<Page<CustomerListItem>>('GET', `${V1}/customers`, { query: { ...params } }),
  get: (customerId: string) => request<Customer>('GET', `${V1}/customers/${id(customerId)}`),
  create: (input: NewCustomer) => request<Customer>('POST', `${V1}/customers`, { body: input }),
  update: (customerId: string, changes: CustomerChanges) =>
    request<Customer>('PATCH', `${V1}/customers/${id(customerId)}`, { body: changes }),
  timeline: (
    customerId: string,
    params: { kind?: string | null; channel?: string | null; cursor?: string | null; limit?: number },
  ) =>
    request<Page<TimelineEntry>>('GET', `${V1}/customers/${id(customerId)}/timeline`, {
      query: { ...params },
    }),
  setConsent: (
    customerId: string,
    input: { channel: ConsentChannel; marketingOptIn: boolean; doNotContact: boolean; source: string },
  ) => request<Customer>('PUT', `${V1}/customers/${id(customerId)}/consents`, { body: input }),
  setOrganisations: (customerId: string, organisationIds: string[]) =>
    request<Customer>('PUT', `${V1}/customers/${id(customerId)}/organisations`, {
      body: { items: organisationIds.map((organisationId) => ({ organisationId })) },
    }),
  // The shared client sends one value per query key; the state filter repeats, so the URL is built here.
  openInteractions: (customerId: string) =>
    request<Page<OpenInteraction>>(
      'GET',
      `${V1}/interactions?${new URLSearchParams([
        ['customerId', customerId],
        ['limit', '20'],
        ...OPEN_STATES.map((state) => ['state', state]),
      ]).toString()}`,
    ),
  addNote: (customerId: string, body: string) =>
    request<TimelineEntry>('POST', `${V1}/customers/${id(customerId)}/notes`, { body: { body } }),
  addIdentity: (customerId: string, input: { kind: IdentityKind; value: string }) =>
    request<Customer>('POST', `${V1}/customers/${id(customerId)}/identities`, { body: input }),
  removeIdentity: (identityId: string) =>
    request<Customer>('DELETE', `${V1}/customer-identities/${id(identityId)}`),
  merge: (survivorId: string, sourceId: string) =>
    request<Customer>('POST', `${V1}/customers/${id(survivorId)}/merge`, { body: { sourceId } }),
  duplicates: (cursor: string | null) =>
    request<Page<Duplicate>>('GET', `${V1}/customer-duplicates`, { query: { cursor, limit: 20 } }),
  dismissDuplicate: (pairId: string) =>
    request<void>('POST', `${V1}/customer-duplicates/${id(pairId)}/dismiss`),
  fields: () => request<{ items: FieldDefinition[] }>('GET', `${V1}/customer-fields`),
  createField: (input: NewField) =>
    request<FieldDefinition>('POST', `${V1}/customer-fields`, { body: input }),
  updateField: (
    fieldId: string,
    changes: { label?: string; options?: string[]; required?: boolean; position?: number },
  ) => request<FieldDefinition>('PATCH', `${V1}/customer-fields/${id(fieldId)}`, { body: changes }),
  valueRule: () => request<ValueRuleView>('GET', `${V1}/customer-value-rule`),
  saveValueRule: (rule: ValueRule) =>
    request<{ customers: number; tiersChanged: number }>('PUT', `${V1}/customer-value-rule`, { body: rule }),
  recompute: () =>
    request<{ customers: number; tiersChanged: number }>('POST', `${V1}/customer-value-rule/recompute`),
  export: (customerId: string) =>
    request<Record<string, unknown>>('GET', `${V1}/customers/${id(customerId)}/export`),
  erase: (customerId: string) => request<Customer>('POST', `${V1}/customers/${id(customerId)}/erase`),
  importJob: (jobId: string) => request<ImportJob>('GET', `${V1}/customer-imports/${id(jobId)}`),
  startImport: (jobId: string, mapping: Record<string, string>) =>
    request<ImportJob>('POST', `${V1}/customer-imports/${id(jobId)}/start`, { body: { mapping } }),
};

/**
 * Uploads a CSV file as the request body (the JSON client cannot send files).
 * @example const job = await uploadCsv(file, me.csrfToken);
 */
export async function uploadCsv(file: File, csrfToken: string): Promise<ImportJob> {
  const response = await fetch(`${V1}/customer-imports?fileName=${id(file.name)}`, {
    method: 'POST',
    credentials: 'include',
    headers: { 'content-type': 'text/csv', 'x-csrf-token': csrfToken, accept: 'application/json' },
    body: file,
  }).catch((cause: unknown) => {
    throw new ApiError(0, 'network', cause instanceof Error ? cause.message : String(cause));
  });
  const body = (await response.json().catch(() => null)) as {
    error?: { code: string; message: string; details?: unknown };
  } | null;
  if (!response.ok) {
    const error = body?.error;
    throw new ApiError(
      response.status,
      error?.code ?? `http.${response.status}`,
      error?.message ?? response.statusText,
      error?.details,
    );
  }
  return body as unknown as ImportJob;
}

export const customerKeys = {
  all: ['customers'] as const,
  list: (params: SearchParams) => ['customers', 'list', params] as const,
  one: (customerId: string) => ['customers', 'one', customerId] as const,
  timeline: (customerId: string, filter: object) => ['customers', 'timeline', customerId, filter] as const,
  duplicates: ['customers', 'duplicates'] as const,
  fields: ['customers', 'fields'] as const,
  valueRule: ['customers', 'value-rule'] as const,
  importJob: (jobId: string) => ['customers', 'import', jobId] as const,
  openInteractions: (customerId: string) => ['customers', 'open-interactions', customerId] as const,
};
