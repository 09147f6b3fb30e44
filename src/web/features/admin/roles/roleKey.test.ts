import { describe, expect, it } from 'vitest';
import { keyFromName } from './roleKey.ts';

describe('keyFromName', () => {
  it('drops accents and joins words with underscores', () => {
    expect(keyFromName('Agente de Atención Nocturna')).toBe('agente_de_atencion_nocturna');
  });

  it('trims punctuation at the ends', () => {
    expect(keyFromName('  ¡Ventas 2025!  ')).toBe('ventas_2025');
  });

  it('answers an empty key for a name with no letters', () => {
    expect(keyFromName('¿?')).toBe('');
  });
});
