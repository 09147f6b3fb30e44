import { describe, expect, it } from 'vitest';
import { createSecretBox } from './secret-box.ts';

const SECRET = 'a-test-secret-of-at-least-32-characters!';

describe('secret box', () => {
  it('opens what it sealed, with a fresh ciphertext each time', () => {
    const box = createSecretBox(SECRET);
    const a = box.seal('hunter2 ñ');
    const b = box.seal('hunter2 ñ');
    expect(a).not.toBe(b);
    expect(a).not.toContain('hunter2');
    expect(box.open(a)).toBe('hunter2 ñ');
  });

  it('refuses a ciphertext sealed under another secret', () => {
    const sealed = createSecretBox(SECRET).seal('x');
    expect(() => createSecretBox(`${SECRET}-other`).open(sealed)).toThrow();
  });

  it('refuses to seal anything without a secret', () => {
    const box = createSecretBox(null);
    expect(box.available).toBe(false);
    expect(() => box.seal('x')).toThrow(/ATIENDE_SECRET/);
  });
});
