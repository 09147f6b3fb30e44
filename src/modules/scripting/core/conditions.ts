/** Conditions and text templates: what they reference and what they evaluate to. Pure. */
import type { Condition, Operand, Value } from './types.ts';

/** Variables are read as `var.<name>`; everything else is the context (customer, interaction, agent…). */
export const VAR_PREFIX = 'var.';

/** `{{customer.name}}` in a text: a reference, with optional spaces inside the braces. */
const PLACEHOLDER = /\{\{\s*([a-zA-Z_][\w.]*)\s*\}\}/g;

/** Every reference a condition reads. */
export function conditionRefs(c: Condition, into: string[] = []): string[] {
  switch (c.op) {
    case 'and':
    case 'or':
      for (const item of c.all) conditionRefs(item, into);
      break;
    case 'not':
      conditionRefs(c.item, into);
      break;
    case 'set':
      into.push(c.ref);
      break;
    default:
      for (const o of [c.left, c.right]) if ('ref' in o) into.push(o.ref);
  }
  return into;
}

/** Every reference a text's placeholders read. */
export function textRefs(text: string): string[] {
  return [...text.matchAll(PLACEHOLDER)].map((m) => m[1]!);
}

/** Reads a reference: variables from `vars`, the rest from `context`; unknown reads as null. */
export type Reader = (ref: string) => Value;

const operand = (o: Operand, read: Reader): Value => ('ref' in o ? read(o.ref) : o.value);

const asNumber = (v: Value): number | null => {
  if (typeof v === 'number') return v;
  if (typeof v === 'string' && v.trim() !== '' && Number.isFinite(Number(v))) return Number(v);
  return null;
};

const same = (a: Value, b: Value): boolean => {
  if (Array.isArray(a) || Array.isArray(b)) return JSON.stringify(a) === JSON.stringify(b);
  if (typeof a === 'string' && typeof b === 'string') return a.toLowerCase() === b.toLowerCase();
  const na = asNumber(a);
  const nb = asNumber(b);
  if (na !== null && nb !== null && (typeof a === 'number' || typeof b === 'number')) return na === nb;
  return a === b;
};

/** Whether a condition holds. Comparisons with a missing value (null) are false, never errors. */
export function holds(c: Condition, read: Reader): boolean {
  switch (c.op) {
    case 'and':
      return c.all.every((item) => holds(item, read));
    case 'or':
      return c.all.some((item) => holds(item, read));
    case 'not':
      return !holds(c.item, read);
    case 'set': {
      const v = read(c.ref);
      return v !== null && v !== '' && !(Array.isArray(v) && v.length === 0);
    }
    default:
      return compare(c.op, operand(c.left, read), operand(c.right, read));
  }
}

function compare(op: Exclude<Condition['op'], 'and' | 'or' | 'not' | 'set'>, a: Value, b: Value): boolean {
  switch (op) {
    case 'eq':
      return same(a, b);
    case 'neq':
      return !same(a, b);
    case 'in':
      return Array.isArray(b) && b.some((x) => same(a, x));
    case 'contains':
      if (Array.isArray(a)) return a.some((x) => same(x, b));
      return typeof a === 'string' && typeof b === 'string' && a.toLowerCase().includes(b.toLowerCase());
    default: {
      const na = asNumber(a);
      const nb = asNumber(b);
      if (na === null || nb === null) return false;
      if (op === 'gt') return na > nb;
      if (op === 'gte') return na >= nb;
      if (op === 'lt') return na < nb;
      return na <= nb;
    }
  }
}

/** A text with its placeholders filled in; lists are joined with commas, missing values left empty. */
export function render(text: string, read: Reader): string {
  return text.replace(PLACEHOLDER, (_, ref: string) => {
    const v = read(ref);
    if (v === null) return '';
    if (Array.isArray(v)) return v.join(', ');
    if (typeof v === 'number') return v.toLocaleString('es-CO');
    return String(v);
  });
}
