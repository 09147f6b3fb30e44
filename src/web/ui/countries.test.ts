import { describe, expect, it } from 'vitest';
import { countryOptions, timeZoneOptions } from './countries.ts';

describe('countryOptions', () => {
  it('names Colombia in Spanish and English', () => {
    expect(countryOptions('es').find((option) => option.value === 'CO')?.label).toBe('Colombia');
    expect(countryOptions('en').find((option) => option.value === 'ES')?.label).toBe('Spain');
  });

  it('leaves out regions that are not countries', () => {
    const codes = countryOptions('en').map((option) => option.value);
    expect(codes).not.toContain('EU');
    expect(codes).not.toContain('ZZ');
    expect(codes.length).toBeGreaterThan(240);
  });
});

describe('timeZoneOptions', () => {
  it('keeps a stored zone the runtime does not list', () => {
    expect(timeZoneOptions('Etc/Unknown')[0]).toBe('Etc/Unknown');
    expect(timeZoneOptions('America/Bogota')).toContain('America/Bogota');
  });
});
