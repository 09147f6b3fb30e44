import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { trainCommand } from './train-command.ts';

const dir = mkdtempSync(join(tmpdir(), 'atiende-train-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function io() {
  const out: string[] = [];
  const err: string[] = [];
  return { out, err, io: { stdout: (t: string) => out.push(t), stderr: (t: string) => err.push(t) } };
}

describe('atiende scripting train', () => {
  it('answers wrong usage with exit code 2 and the help', async () => {
    const r = io();
    expect(await trainCommand(['fly'], r.io)).toBe(2);
    expect(r.err.join('')).toContain('atiende scripting train');
  });

  it('refuses a workspace that does not exist', async () => {
    const r = io();
    expect(await trainCommand(['train', '--workspace', 'nadie', '--data-dir', dir], r.io)).toBe(2);
    expect(r.err.join('')).toBe('No workspace nadie\n');
  }, 120_000); // opens and migrates a fresh embedded database
});
