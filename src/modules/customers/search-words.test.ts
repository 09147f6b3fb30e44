import { describe, expect, it } from 'vitest';
import { wordsOf } from './search-words.ts';

describe('the words an import sends to the search dictionary', () => {
  it('splits on anything but letters, in lower case, keeping accents for the database to fold', () => {
    expect(wordsOf(['José Pérez-Gómez IMP-7 jose r'])).toEqual(['josé', 'pérez', 'gómez', 'imp', 'jose']);
  });

  it('leaves out words already known and one-letter words', () => {
    expect(wordsOf(['Ana Pérez y Ana Díaz', 'pérez núñez'], new Set(['pérez']))).toEqual([
      'ana',
      'díaz',
      'núñez',
    ]);
  });
});
