import { describe, expect, it } from 'vitest';
import { compileMapping, mapRow, parseAmount, parseDate, suggestMapping } from './csv-mapping.ts';
import type { FieldDefinition } from './custom-fields.ts';

const fields: FieldDefinition[] = [
  { key: 'segmento', label: 'Segmento', type: 'choice', options: ['hotel'], required: false },
];
const ctx = { defaultCountry: 'CO', fields };

describe('suggesting a mapping', () => {
  it('recognises Spanish and English headers, accents and numbering aside', () => {
    expect(
      suggestMapping(
        [
          'ID',
          'Nombre completo',
          'E-mail',
          'Teléfono 2',
          'Celular',
          'Empresa',
          'Segmento',
          'Otra cosa',
          'Name',
        ],
        fields,
      ),
    ).toEqual({
      ID: 'externalId',
      'Nombre completo': 'name',
      'E-mail': 'email',
      'Teléfono 2': 'phone',
      Celular: 'phone',
      Empresa: 'organisation',
      Segmento: 'field:segmento',
      'Otra cosa': 'ignore',
      Name: 'ignore',
    });
  });
});

describe('checking a mapping', () => {
  it('names unknown columns, targets and fields, doubled scalars and a missing name', () => {
    const { problems } = compileMapping(
      ['A', 'B', 'C', 'D'],
      { A: 'email', B: 'colour', C: 'field:x', D: 'email', Z: 'name' },
      fields,
    );
    expect(problems.map((p) => p.message)).toEqual([
      'unknown target "colour"',
      'unknown custom field "x"',
      'the file has no column "Z"',
      'one column must map to "name"',
    ]);
    expect(
      compileMapping(['A', 'B'], { A: 'name', B: 'name' }, fields).problems.map((p) => p.message),
    ).toEqual(['two columns map to "name"']);
  });
});

describe('mapping a row', () => {
  const { plan } = compileMapping(
    ['Nombre', 'Correo', 'Tel', 'Tipo', 'Idioma', 'Desde', 'Deuda', 'Etiquetas', 'Segmento'],
    {
      Nombre: 'name',
      Correo: 'email',
      Tel: 'phone',
      Tipo: 'kind',
      Idioma: 'language',
      Desde: 'customerSince',
      Deuda: 'openDebt',
      Etiquetas: 'tags',
      Segmento: 'field:segmento',
    },
    fields,
  );

  it('normalises every cell', () => {
    const result = mapRow(
      [
        'Hotel Fonce',
        'RESERVAS@fonce.co',
        '607 6341234',
        'Empresa',
        'español',
        '05/03/2021',
        '$1.500.000,50',
        'hotel; vip',
        'hotel',
      ],
      plan,
      7,
      ctx,
    );
    expect(result).toEqual({
      ok: true,
      row: expect.objectContaining({
        line: 7,
        name: 'Hotel Fonce',
        kind: 'organisation',
        language: 'es',
        customerSince: new Date('2021-03-05T00:00:00Z'),
        openDebt: 1_500_000.5,
        tags: ['hotel', 'vip'],
        customFields: { segmento: 'hotel' },
        identities: [
          expect.objectContaining({ kind: 'email', value: 'reservas@fonce.co' }),
          expect.objectContaining({ kind: 'phone', value: '+576076341234' }),
        ],
      }),
    });
  });

  it('rejects a row with the column and the reason', () => {
    expect(mapRow(['Ana', 'ana@', '', '', '', '', '', '', ''], plan, 3, ctx)).toEqual({
      ok: false,
      reason: 'column "Correo": "ana@" is not a valid e-mail address',
    });
    expect(mapRow(['', 'a@b.co', '', '', '', '', '', '', ''], plan, 3, ctx)).toEqual({
      ok: false,
      reason: 'the name is empty',
    });
    expect(mapRow(['Ana', '', '', '', 'klingon', '', '', '', ''], plan, 3, ctx)).toMatchObject({ ok: false });
    expect(mapRow(['Ana', '', '', '', '', '', '', '', 'crucero'], plan, 3, ctx)).toMatchObject({
      ok: false,
      reason: expect.stringContaining('must be one of'),
    });
  });

  it('reads dates and amounts as people write them', () => {
    expect(parseDate('2024-02-29')).toEqual(new Date('2024-02-29T00:00:00Z'));
    expect(parseDate('31/02/2024')).toBeNull();
    expect(parseAmount('1,250.75')).toBe(1250.75);
    expect(parseAmount('abc')).toBeNull();
  });
});
