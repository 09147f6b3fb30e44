import { describe, expect, it } from 'vitest';
import {
  applyCustomFields,
  definitionProblems,
  type FieldDefinition,
  parseFieldText,
} from './custom-fields.ts';

const defs: FieldDefinition[] = [
  { key: 'segmento', label: 'Segmento', type: 'choice', options: ['hotel', 'agencia'], required: true },
  { key: 'noches', label: 'Noches', type: 'number', options: [], required: false },
  { key: 'desde', label: 'Desde', type: 'date', options: [], required: false },
  { key: 'vip', label: 'VIP', type: 'boolean', options: [], required: false },
  { key: 'nota', label: 'Nota', type: 'text', options: [], required: false },
];

describe('custom field values', () => {
  it('apply over the current values, null removing one', () => {
    expect(
      applyCustomFields(
        defs,
        { segmento: 'hotel', noches: 2 },
        { noches: null, vip: true, desde: '2024-02-29' },
      ),
    ).toEqual({
      values: { segmento: 'hotel', vip: true, desde: '2024-02-29' },
      problems: [],
    });
  });

  it('report every unknown field, wrong type and missing required one', () => {
    const { problems } = applyCustomFields(
      defs,
      {},
      { color: 'rojo', noches: 'dos', desde: '2023-02-30', vip: 'sí', nota: 'x'.repeat(1001) },
    );
    expect(problems).toEqual([
      { path: '/customFields/color', message: 'unknown custom field "color"' },
      { path: '/customFields/noches', message: 'must be a number' },
      { path: '/customFields/desde', message: 'must be a date as YYYY-MM-DD' },
      { path: '/customFields/vip', message: 'must be true or false' },
      { path: '/customFields/nota', message: 'must be text of at most 1000 characters' },
      { path: '/customFields/segmento', message: 'is required' },
    ]);
    expect(applyCustomFields(defs, {}, { segmento: 'crucero' }).problems).toEqual([
      { path: '/customFields/segmento', message: 'must be one of: hotel, agencia' },
    ]);
  });
});

describe('custom fields from text', () => {
  it('read numbers written either way, Spanish yes/no and leave the rest as text', () => {
    expect(parseFieldText(defs[1]!, '1.234,5')).toBe(1234.5);
    expect(parseFieldText(defs[1]!, '1,234.5')).toBe(1234.5);
    expect(parseFieldText(defs[1]!, 'muchas')).toBe('muchas');
    expect(parseFieldText(defs[3]!, 'Sí')).toBe(true);
    expect(parseFieldText(defs[3]!, 'no')).toBe(false);
    expect(parseFieldText(defs[4]!, '  ')).toBeNull();
  });

  it('definitions: choices need options and only choices have them', () => {
    expect(definitionProblems({ type: 'choice', options: [] })).toHaveLength(1);
    expect(definitionProblems({ type: 'text', options: ['a'] })).toHaveLength(1);
    expect(definitionProblems({ type: 'choice', options: ['a'] })).toEqual([]);
  });
});
