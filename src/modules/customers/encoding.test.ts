import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkUtf8, encodingMessage, sniffDelimiter, utf8Start } from './encoding.ts';

describe('telling UTF-8 from Latin-1', () => {
  it('accepts any UTF-8 text, however it is cut into chunks', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme' }), fc.array(fc.nat(), { maxLength: 5 }), (text, cuts) => {
        const bytes = Buffer.from(text, 'utf8');
        const points = [...new Set(cuts.map((c) => c % (bytes.length + 1)))].sort((a, b) => a - b);
        const state = utf8Start();
        let start = 0;
        for (const end of [...points, bytes.length]) {
          expect(checkUtf8(bytes.subarray(start, end), state)).toBeNull();
          start = end;
        }
      }),
    );
  });

  it('finds the Latin-1 "é" and names its line', () => {
    const problem = checkUtf8(Buffer.from('Nombre\nJosé Núñez\n', 'latin1'), utf8Start());
    expect(problem).toEqual({ line: 2, offset: 10, byte: 0xe9 });
    expect(encodingMessage(problem!)).toContain('line 2 has the byte 0xE9 ("é" in Latin-1)');
  });

  it('a broken sequence split across chunks is still found', () => {
    const state = utf8Start();
    expect(checkUtf8(Buffer.from([0x41, 0xc3]), state)).toBeNull();
    expect(checkUtf8(Buffer.from([0x41]), state)).toMatchObject({ byte: 0xc3, offset: 1 });
  });
});

describe('the delimiter of a header', () => {
  it('is the most frequent of comma, semicolon and tab outside quotes', () => {
    expect(sniffDelimiter('Nombre;Correo;"Teléfono, móvil"')).toBe(';');
    expect(sniffDelimiter('a,b,c')).toBe(',');
    expect(sniffDelimiter('a\tb')).toBe('\t');
    expect(sniffDelimiter('nombre')).toBe(',');
  });
});
