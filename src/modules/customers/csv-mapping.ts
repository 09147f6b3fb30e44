/**
 * CSV column mapping: suggesting a target for each header (Spanish and English names), checking a mapping,
 * and turning one row of cells into a customer to upsert, or the reason it is rejected. Pure.
 */
import { type FieldDefinition, fieldValueProblem, parseFieldText } from './custom-fields.ts';
import { foldText, normaliseIdentity } from './normalise.ts';
import {
  type CustomerKind,
  type CustomFieldValues,
  type FieldProblem,
  IDENTITY_KINDS,
  type IdentityKind,
} from './types.ts';

export const SCALAR_TARGETS = [
  'externalId',
  'kind',
  'name',
  'organisation',
  'language',
  'timeZone',
  'tags',
  'customerSince',
  'openDebt',
] as const;
type ScalarTarget = (typeof SCALAR_TARGETS)[number];

/** header → target: a scalar, an identity kind (several columns may feed one), `field:<key>` or `ignore`. */
export type ColumnMapping = Record<string, string>;

const ALIASES: Record<string, string[]> = {
  externalId: [
    'external id',
    'externalid',
    'id externo',
    'id',
    'codigo',
    'codigo cliente',
    'customer id',
    'code',
  ],
  kind: ['kind', 'type', 'tipo', 'tipo de cliente'],
  name: ['name', 'nombre', 'full name', 'nombre completo', 'razon social', 'cliente', 'customer'],
  organisation: ['organisation', 'organization', 'company', 'empresa', 'organizacion', 'compania'],
  language: ['language', 'idioma', 'lang'],
  timeZone: ['time zone', 'timezone', 'zona horaria'],
  tags: ['tags', 'etiquetas', 'labels'],
  customerSince: ['customer since', 'cliente desde', 'since', 'desde', 'fecha de alta', 'alta'],
  openDebt: ['open debt', 'debt', 'deuda', 'deuda pendiente', 'saldo', 'saldo pendiente'],
  email: ['email', 'e-mail', 'correo', 'correo electronico', 'mail', 'email address'],
  phone: ['phone', 'telefono', 'celular', 'movil', 'mobile', 'tel', 'phone number', 'numero'],
  whatsapp: ['whatsapp', 'wa'],
  telegram: ['telegram'],
  messenger: ['messenger', 'facebook'],
  instagram: ['instagram'],
  webchat: ['webchat', 'visitor id', 'visitante'],
};

const headerKey = (h: string) =>
  foldText(h)
    .replace(/[_.]+/g, ' ')
    .replace(/\s*\d+$/, '')
    .trim();

/**
 * A first guess at the mapping from the headers' names.
 * @example suggestMapping(['Nombre', 'Correo', 'Teléfono 2', 'Segmento'], [{ key: 'segmento', … }])
 * // { Nombre: 'name', Correo: 'email', 'Teléfono 2': 'phone', Segmento: 'field:segmento' }
 */
export function suggestMapping(headers: string[], fields: FieldDefinition[]): ColumnMapping {
  const mapping: ColumnMapping = {};
  const taken = new Set<string>();
  for (const header of headers) {
    const key = headerKey(header);
    const field = fields.find((f) => foldText(f.key) === key || foldText(f.label) === key);
    let target = field ? `field:${field.key}` : Object.keys(ALIASES).find((t) => ALIASES[t]!.includes(key));
    // A scalar is fed by one column: the first that claims it.
    if (target && isScalar(target) && taken.has(target)) target = undefined;
    mapping[header] = target ?? 'ignore';
    if (target) taken.add(target);
  }
  return mapping;
}

const isScalar = (t: string): t is ScalarTarget => (SCALAR_TARGETS as readonly string[]).includes(t);
const isIdentity = (t: string): t is IdentityKind => (IDENTITY_KINDS as readonly string[]).includes(t);

export interface MappingPlan {
  columns: { index: number; header: string; target: string }[];
}

/** Checks a mapping against the file's headers and the workspace's custom fields. */
export function compileMapping(
  headers: string[],
  mapping: ColumnMapping,
  fields: FieldDefinition[],
): { plan: MappingPlan; problems: FieldProblem[] } {
  const problems: FieldProblem[] = [];
  const columns: MappingPlan['columns'] = [];
  const used = new Set<string>();
  for (const [header, target] of Object.entries(mapping)) {
    const path = `/mapping/${header}`;
    const index = headers.indexOf(header);
    if (index < 0) problems.push({ path, message: `the file has no column "${header}"` });
    else if (target === 'ignore') continue;
    else if (target.startsWith('field:') && !fields.some((f) => `field:${f.key}` === target)) {
      problems.push({ path, message: `unknown custom field "${target.slice(6)}"` });
    } else if (!isScalar(target) && !isIdentity(target) && !target.startsWith('field:')) {
      problems.push({ path, message: `unknown target "${target}"` });
    } else if (!isIdentity(target) && used.has(target)) {
      problems.push({ path, message: `two columns map to "${target}"` });
    } else {
      used.add(target);
      columns.push({ index, header, target });
    }
  }
  if (!used.has('name')) problems.push({ path: '/mapping', message: 'one column must map to "name"' });
  return { plan: { columns }, problems };
}

export interface ImportIdentity {
  kind: IdentityKind;
  value: string;
  display: string;
  matchKey: string;
}

export interface ImportRow {
  line: number;
  externalId: string | null;
  kind: CustomerKind;
  name: string;
  identities: ImportIdentity[];
  organisation: string | null;
  language: 'es' | 'en' | null;
  timeZone: string | null;
  tags: string[] | null;
  customerSince: Date | null;
  openDebt: number | null;
  customFields: CustomFieldValues;
}

export type MappedRow = { ok: true; row: ImportRow } | { ok: false; reason: string };

const LANGUAGES: Record<string, 'es' | 'en'> = {
  es: 'es',
  espanol: 'es',
  spanish: 'es',
  en: 'en',
  ingles: 'en',
  english: 'en',
};
const KINDS: Record<string, CustomerKind> = {
  person: 'person',
  persona: 'person',
  natural: 'person',
  organisation: 'organisation',
  organization: 'organisation',
  organizacion: 'organisation',
  empresa: 'organisation',
  company: 'organisation',
};

/**
 * One row of cells as a customer, or why not.
 * @example mapRow(['Ana', 'ana@x'], plan, 3, ctx) // { ok: false, reason: 'column "Correo": "ana@x" is not a valid e-mail address' }
 */
export function mapRow(
  cells: string[],
  plan: MappingPlan,
  line: number,
  ctx: { defaultCountry: string; fields: FieldDefinition[] },
): MappedRow {
  const row: ImportRow = {
    line,
    externalId: null,
    kind: 'person',
    name: '',
    identities: [],
    organisation: null,
    language: null,
    timeZone: null,
    tags: null,
    customerSince: null,
    openDebt: null,
    customFields: {},
  };
  for (const { index, header, target } of plan.columns) {
    const cell = (cells[index] ?? '').trim();
    if (cell === '') continue;
    if (isIdentity(target)) {
      const n = normaliseIdentity(target, cell, ctx.defaultCountry);
      if (!n.ok) return fail(header, cell, n.message);
      if (!row.identities.some((i) => i.kind === target && i.value === n.value)) {
        row.identities.push({ kind: target, value: n.value, display: n.display, matchKey: n.matchKey });
      }
      continue;
    }
    if (target.startsWith('field:')) {
      const def = ctx.fields.find((f) => `field:${f.key}` === target)!;
      const value = parseFieldText(def, cell);
      if (value === null) continue;
      const problem = fieldValueProblem(def, value);
      if (problem) return fail(header, cell, problem);
      row.customFields[def.key] = value;
      continue;
    }
    const problem = setScalar(row, target as ScalarTarget, cell);
    if (problem) return fail(header, cell, problem);
  }
  if (row.name === '') return { ok: false, reason: 'the name is empty' };
  return { ok: true, row };
}

const fail = (header: string, cell: string, message: string): MappedRow => ({
  ok: false,
  reason: `column "${header}": "${cell.slice(0, 80)}" ${message}`,
});

function setScalar(row: ImportRow, target: ScalarTarget, cell: string): string | null {
  switch (target) {
    case 'externalId':
      if (cell.length > 100) return 'is longer than 100 characters';
      row.externalId = cell;
      return null;
    case 'name':
      if (cell.length > 200) return 'is longer than 200 characters';
      row.name = cell;
      return null;
    case 'organisation':
      row.organisation = cell.slice(0, 200);
      return null;
    case 'kind': {
      const kind = KINDS[foldText(cell)];
      if (!kind) return 'is not a kind (person or organisation)';
      row.kind = kind;
      return null;
    }
    case 'language': {
      const language = LANGUAGES[foldText(cell)];
      if (!language) return 'is not a language (es or en)';
      row.language = language;
      return null;
    }
    case 'timeZone':
      if (!isTimeZone(cell)) return 'is not a time zone';
      row.timeZone = cell;
      return null;
    case 'tags':
      row.tags = [
        ...new Set(
          cell
            .split(/[;|,]/)
            .map((t) => t.trim())
            .filter(Boolean),
        ),
      ].slice(0, 50);
      return null;
    case 'customerSince': {
      const date = parseDate(cell);
      if (!date) return 'is not a date (YYYY-MM-DD or DD/MM/YYYY)';
      row.customerSince = date;
      return null;
    }
    case 'openDebt': {
      const n = parseAmount(cell);
      if (n === null || n < 0) return 'is not an amount';
      row.openDebt = n;
      return null;
    }
  }
}

/** Dates as ISO (2024-03-01) or as Colombians write them (01/03/2024, day first). */
export function parseDate(text: string): Date | null {
  const iso = /^(\d{4})-(\d{2})-(\d{2})/.exec(text);
  const local = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(text);
  const [y, mo, d] = iso ? [iso[1], iso[2], iso[3]] : local ? [local[3], local[2], local[1]] : [];
  if (!y || !mo || !d) return null;
  const date = new Date(Date.UTC(Number(y), Number(mo) - 1, Number(d)));
  return date.getUTCMonth() === Number(mo) - 1 && date.getUTCDate() === Number(d) ? date : null;
}

export function parseAmount(text: string): number | null {
  const value = parseFieldText(
    { key: '', label: '', type: 'number', options: [], required: false },
    text.replace(/[$\s]/g, ''),
  );
  return typeof value === 'number' ? Math.round(value * 100) / 100 : null;
}

const knownZones = new Set<string>();

export function isTimeZone(zone: string): boolean {
  if (knownZones.has(zone)) return true;
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone });
    knownZones.add(zone);
    return true;
  } catch {
    return false;
  }
}
