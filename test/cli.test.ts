import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const atiende = (args: string[], env: Record<string, string> = {}) => {
  const result = spawnSync(process.execPath, ['bin/atiende.js', ...args], {
    encoding: 'utf8',
    env: { ...process.env, ...env, LOG_LEVEL: 'silent', ATIENDE_DEMO_SEED: '0' },
    timeout: 240_000,
  });
  return { code: result.status, out: result.stdout, err: result.stderr };
};

describe('the atiende command line', () => {
  it('prints help and exits 0', () => {
    const r = atiende(['--help']);
    expect(r.code).toBe(0);
    expect(r.out).toContain('serve [--port P]');
    expect(r.out).toContain('user create');
  });

  it('exits 2 with a message for an unknown command or flag', () => {
    expect(atiende(['fly']).code).toBe(2);
    const r = atiende(['serve', '--colour', 'blue']);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/colour/);
  });

  it('exits 2 naming a wrong setting', () => {
    const r = atiende(['migrate'], { PORT: 'eighty' });
    expect(r.code).toBe(2);
    expect(r.err).toContain('PORT');
  });

  it('migrates, seeds the demo once, and creates a user in a data directory', () => {
    const dir = join(mkdtempSync(join(tmpdir(), 'atiende-cli-')), 'data');
    expect(atiende(['migrate', '--data-dir', dir]).code).toBe(0);
    const seeded = atiende(['seed', '--demo', '--data-dir', dir]);
    expect(seeded.code).toBe(0);
    expect(seeded.out).toContain('created');
    expect(atiende(['seed', '--demo', '--data-dir', dir]).out).toContain('already exists');
    const created = atiende([
      'user',
      'create',
      '--email',
      'nueva@servicenter.co',
      '--password',
      'long enough',
      '--role',
      'agent',
      '--data-dir',
      dir,
    ]);
    expect(created.code).toBe(0);
    expect(created.out).toContain('nueva@servicenter.co');
    const missing = atiende(['user', 'create', '--email', 'x@y.co', '--data-dir', dir]);
    expect(missing.code).toBe(2);
    const weak = atiende([
      'user',
      'create',
      '--email',
      'w@y.co',
      '--password',
      'short',
      '--role',
      'agent',
      '--data-dir',
      dir,
    ]);
    expect(weak.code).toBe(1);
    expect(weak.err).toMatch(/at least 8/);
  }, 600_000);
});
