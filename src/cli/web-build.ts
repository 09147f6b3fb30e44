import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { Io } from './usage.ts';

/** Builds the web app when it is missing or older than its sources, so that `npm start` serves the current screens. */
export async function ensureWebBuild(webDir: string, io: Io): Promise<void> {
  const index = join(webDir, 'index.html');
  const sources = 'src/web';
  if (!existsSync(sources)) return;
  if (existsSync(index) && newestChange(sources) <= statSync(index).mtimeMs) return;
  io.stdout('Building the web app (first start or changed sources)…\n');
  const result = spawnSync(
    process.execPath,
    ['node_modules/vite/bin/vite.js', 'build', '--logLevel', 'warn'],
    { stdio: 'inherit' },
  );
  if (result.status !== 0) throw new Error('The web build failed; run `npm run build` to see why');
  // The embeddable chat widget is a second, separate build (see vite.widget.config.ts).
  const widget = spawnSync(
    process.execPath,
    ['node_modules/vite/bin/vite.js', 'build', '-c', 'vite.widget.config.ts', '--logLevel', 'warn'],
    { stdio: 'inherit' },
  );
  if (widget.status !== 0) throw new Error('The widget build failed; run `npm run build` to see why');
}

function newestChange(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestChange(path) : statSync(path).mtimeMs);
  }
  return newest;
}
