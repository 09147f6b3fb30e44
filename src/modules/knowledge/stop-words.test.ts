import { describe, expect, it } from 'vitest';
import { withoutStopWords } from './stop-words.ts';

const words = (text: string) => text.split(/[^\p{L}\p{N}]+/u).filter(Boolean);

describe('extra stop words', () => {
  it('drops folded Spanish stop words and request words, keeping the rest as written', () => {
    expect(words(withoutStopWords('Hola, ¿también puedo cambiar la fecha del TOUR?', 'es'))).toEqual([
      'cambiar',
      'la',
      'fecha',
      'del',
      'TOUR',
    ]);
    expect(words(withoutStopWords('habria mas cupos q mañana', 'es'))).toEqual(['cupos', 'mañana']);
  });

  it('drops English courtesy words only in English', () => {
    expect(words(withoutStopWords('Hi, please help me strike through text', 'en'))).toEqual([
      'me',
      'strike',
      'through',
      'text',
    ]);
    expect(withoutStopWords('hola quiero', 'en')).toBe('hola quiero');
  });

  it('keeps addresses and numbers whole for the parser', () => {
    expect(withoutStopWords('ayuda con soporte@empresa.co y 30 días', 'es')).toContain('soporte@empresa.co');
  });
});
