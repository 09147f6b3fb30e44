/**
 * Seeds the demo workspace once per journey run into a template data directory; every server the
 * journeys start copies it, so each file begins from the same fresh demo without seeding again.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { TestProject } from 'vitest/node';

declare module 'vitest' {
  export interface ProvidedContext {
    seededDataDir: string;
  }
}

const ROOT = resolve(import.meta.dirname, '../..');

export default function setup(project: TestProject) {
  const dir = mkdtempSync(join(tmpdir(), 'atiende-e2e-template-'));
  const dataDir = join(dir, 'data');
  const seeded = spawnSync(process.execPath, ['bin/atiende.js', 'seed', '--demo', '--data-dir', dataDir], {
    cwd: ROOT,
    encoding: 'utf8',
    timeout: 600_000,
  });
  if (seeded.status !== 0) {
    throw new Error(`seeding the demo failed (${seeded.status}):\n${seeded.stdout}\n${seeded.stderr}`);
  }
  project.provide('seededDataDir', dataDir);
  return () => rmSync(dir, { recursive: true, force: true });
}
