/**
 * `npm run bench -- <name> [--full] [--json]`: runs bench/<name>.ts and prints a table,
 * or one JSON object `{ name, figures, peer, ratios }` on stdout with --json.
 */
import { readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { Bench, BenchResult } from './types.ts';

const here = dirname(fileURLToPath(import.meta.url));
const available = readdirSync(here)
  .filter((f) => f.endsWith('.ts') && !['run.ts', 'types.ts'].includes(f) && !f.startsWith('_'))
  .map((f) => f.replace(/\.ts$/, ''));

const args = process.argv.slice(2);
const name = args.find((a) => !a.startsWith('--'));
const json = args.includes('--json');
const full = args.includes('--full');

if (!name || !available.includes(name)) {
  process.stderr.write(
    `usage: npm run bench -- <name> [--full] [--json]\nbenchmarks: ${available.join(', ')}\n`,
  );
  process.exit(2);
}

const mod = (await import(pathToFileURL(join(here, `${name}.ts`)).href)) as { default: Bench };
const result = await mod.default({ full, json, progress: (m) => process.stderr.write(`  … ${m}\n`) });
process.stdout.write(json ? `${JSON.stringify(result)}\n` : formatTable(result));
process.exit(0);

function formatTable(r: BenchResult): string {
  const rows: [string, string, string][] = [];
  for (const [k, v] of Object.entries(r.figures)) rows.push(['atiende', k, fmt(v)]);
  for (const [k, v] of Object.entries(r.peer)) rows.push(['peer', k, fmt(v)]);
  for (const [k, v] of Object.entries(r.ratios)) rows.push(['ratio', k, `${fmt(v)}×`]);
  for (const [k, v] of Object.entries(r.context ?? {})) rows.push(['context', k, String(v)]);
  const w = [0, 1, 2].map((i) => Math.max(...rows.map((row) => row[i]!.length), 6));
  const line = (c: string[]) => `${c.map((x, i) => x.padEnd(w[i]!)).join('  ')}\n`;
  return `\n${r.name}\n${line(['', 'figure', 'value'])}${rows.map(line).join('')}`;
}

function fmt(v: number): string {
  if (Number.isInteger(v)) return v.toLocaleString('en-US');
  return Math.abs(v) >= 100 ? v.toFixed(0) : v.toPrecision(3);
}
