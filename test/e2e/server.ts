/** Starts the real Atiende server as a child process on a free port with a fresh data directory. */
import { type ChildProcess, spawn } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { inject } from 'vitest';

export interface RunningServer {
  url: string;
  /** Everything the server printed so far (its log, and e-mails while there is no SMTP server). */
  output: () => string;
  stop: () => Promise<void>;
}

const ROOT = resolve(import.meta.dirname, '../..');

function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const server = createServer();
    server.once('error', fail);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => done(port));
    });
  });
}

/** Fails fast with a clear message when the web app has not been built. */
export function assertWebBuilt(): void {
  if (!existsSync(join(ROOT, 'dist/web/index.html'))) {
    throw new Error('dist/web/index.html is missing: run `npm run build` before `npm run test:e2e`');
  }
}

/**
 * Runs `atiende serve` on a copy of the run's seeded demo data (with `env` added to its environment)
 * and resolves once it prints "Atiende ready at …".
 */
export async function startServer(env: Record<string, string> = {}): Promise<RunningServer> {
  const port = await freePort();
  const dataDir = mkdtempSync(join(tmpdir(), 'atiende-e2e-'));
  cpSync(inject('seededDataDir'), dataDir, { recursive: true });
  const child = spawn(
    process.execPath,
    ['bin/atiende.js', 'serve', '--port', String(port), '--data-dir', dataDir],
    { cwd: ROOT, env: { ...process.env, ATIENDE_DEMO_SEED: '1', ...env }, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let output = '';
  const url = await new Promise<string>((done, fail) => {
    const timer = setTimeout(() => fail(new Error(`server did not start in 120 s:\n${output}`)), 120_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const ready = /Atiende ready at (http:\/\/\S+)/.exec(output);
      if (ready?.[1]) {
        clearTimeout(timer);
        done(ready[1]);
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.once('exit', (code) => {
      clearTimeout(timer);
      fail(new Error(`server exited with ${code} before it was ready:\n${output}`));
    });
  });
  return { url, output: () => output, stop: () => stopChild(child, dataDir) };
}

async function stopChild(child: ChildProcess, dataDir: string): Promise<void> {
  if (child.exitCode === null) {
    const exited = new Promise<void>((done) => child.once('exit', () => done()));
    child.kill('SIGTERM');
    const timeout = setTimeout(() => child.kill('SIGKILL'), 10_000);
    await exited;
    clearTimeout(timeout);
  }
  rmSync(dataDir, { recursive: true, force: true });
}
