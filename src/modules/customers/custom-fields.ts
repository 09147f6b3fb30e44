/** Custom fields: per-workspace definitions, and the check every write of values goes through. Pure. */
import type { CustomFieldValue, CustomFieldValues, FieldProblem } from './types.ts';

export const FIELD_TYPES = ['text', 'number', 'date', 'choice', 'boolean'] as const;
export type FieldType = (typeof FIELD_TYPES)[number];

export interface FieldDefinition {
  key: string;
  label: string;
  type: FieldType;
  options: string[];
  required: boolean;
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** Why a value does not fit its field, or null. */
export function fieldValueProblem(def: FieldDefinition, value: CustomFieldValue): string | null {
  switch (def.type) {
    case 'text':
      return typeof value === 'string' && value.length <= 1000
        ? null
        : 'must be text of at most 1000 characters';
    case 'number':
      return typeof value === 'number' && Number.isFinite(value) ? null : 'must be a number';
    case 'boolean':
      return typeof value === 'boolean' ? null : 'must be true or false';
    case 'date':
      return typeof value === 'string' &&
        DATE.test(value) &&
        !Number.isNaN(Date.parse(`${value}T00:00:00Z`)) &&
        new Date(`${value}T00:00:00Z`).toISOString().startsWith(value)
        ? null
        : 'must be a date as YYYY-MM-DD';
    case 'choice':
      return typeof value === 'string' && def.options.includes(value)
        ? null
        : `must be one of: ${def.options.join(', ')}`;
  }
}

/**
 * Applies a change of custom-field values (null removes one) to the current values and checks the result.
 * @example
 * applyCustomFields(defs, { segment: 'hotel' }, { nights: 3, segment: null })
 * // { values: { nights: 3 }, problems: [] }
 */
export function applyCustomFields(
  definitions: FieldDefinition[],
  current: CustomFieldValues,
  changes: Record<string, CustomFieldValue | null>,
): { values: CustomFieldValues; problems: FieldProblem[] } {
  const byKey = new Map(definitions.map((d) => [d.key, d]));
  const values: CustomFieldValues = { ...current };
  const problems: FieldProblem[] = [];
  for (const [key, value] of Object.entries(changes)) {
    const def = byKey.get(key);
    const path = `/customFields/${key}`;
    if (!def) {
      problems.push({ path, message: `unknown custom field "${key}"` });
      continue;
    }
    if (value === null) {
      delete values[key];
      continue;
    }
    const problem = fieldValueProblem(def, value);
    if (problem) problems.push({ path, message: problem });
    else values[key] = value;
  }
  for (const def of definitions) {
    if (
      def.required &&
      values[def.key] === undefined &&
      !problems.some((p) => p.path.endsWith(`/${def.key}`))
    ) {
      problems.push({ path: `/customFields/${def.key}`, message: 'is required' });
    }
  }
  return { values, problems };
}

/**
 * Reads a value written as text (a CSV cell) as the field's type.
 * @example parseFieldText({ type: 'number', … }, '1.234,5') // 1234.5
 */
export function parseFieldText(def: FieldDefinition, text: string): CustomFieldValue | null {
  const t = text.trim();
  if (t === '') return null;
  switch (def.type) {
    case 'number': {
      // Accept both 1,234.5 and 1.234,5: the last separator is the decimal one.
      const lastComma = t.lastIndexOf(',');
      const lastDot = t.lastIndexOf('.');
      const normalised = lastComma > lastDot ? t.replace(/\./g, '').replace(',', '.') : t.replace(/,/g, '');
      const n = Number(normalised);
      return Number.isFinite(n) ? n : t;
    }
    case 'boolean': {
      const lower = t.toLowerCase();
      if (['true', 'yes', 'si', 'sí', '1', 'x'].includes(lower)) return true;
      if (['false', 'no', '0'].includes(lower)) return false;
      return t;
    }
    default:
      return t;
  }
}

/** Field definition problems: choices need options, keys are identifiers. */
export function definitionProblems(def: Pick<FieldDefinition, 'type' | 'options'>): FieldProblem[] {
  if (def.type === 'choice' && def.options.length === 0) {
    return [{ path: '/options', message: 'a choice field needs at least one option' }];
  }
  if (def.type !== 'choice' && def.options.length > 0) {
    return [{ path: '/options', message: 'only choice fields have options' }];
  }
  return [];
}
