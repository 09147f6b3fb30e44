import { describe, expect, it } from 'vitest';
import { createKeymap } from './keymap.ts';

function setup() {
  const ran: string[] = [];
  const feed = createKeymap([
    { keys: ['g', 'h'], run: () => ran.push('home') },
    { keys: ['g', 'u'], run: () => ran.push('users') },
    { keys: ['?'], run: () => ran.push('help') },
  ]);
  const press = (key: string, at: number) => feed(key, at)?.run();
  return { ran, press };
}

describe('keymap', () => {
  it('runs a two-key sequence', () => {
    const { ran, press } = setup();
    press('g', 0);
    press('h', 200);
    expect(ran).toEqual(['home']);
  });

  it('runs a single-key binding at once', () => {
    const { ran, press } = setup();
    press('?', 0);
    expect(ran).toEqual(['help']);
  });

  it('forgets a sequence after a long pause', () => {
    const { ran, press } = setup();
    press('g', 0);
    press('h', 5000);
    expect(ran).toEqual([]);
  });

  it('restarts a sequence when a stray key intervenes', () => {
    const { ran, press } = setup();
    press('g', 0);
    press('x', 100);
    press('u', 200);
    press('g', 300);
    press('u', 400);
    expect(ran).toEqual(['users']);
  });

  it('treats g g u as the start of g u', () => {
    const { ran, press } = setup();
    press('g', 0);
    press('g', 100);
    press('u', 200);
    expect(ran).toEqual(['users']);
  });
});
