import { describe, expect, it } from 'vitest';
import { searchText } from './search-text.ts';

describe('the text a customer is found by', () => {
  it('joins name, organisations, e-mail local parts, id, tags and text fields, but no domains or numbers', () => {
    expect(
      searchText({
        name: 'José Rodríguez',
        organisations: ['Hotel Chicamocha'],
        identities: [
          { kind: 'email', value: 'jose@x.co', display: 'jose@x.co' },
          { kind: 'phone', value: '+573001234567', display: '+57 300 1234567' },
        ],
        externalId: 'CLI-1',
        tags: ['vip'],
        customFields: { segmento: 'hotel', noches: 3 },
      }),
    ).toBe('José Rodríguez Hotel Chicamocha jose CLI-1 vip hotel');
  });
});
