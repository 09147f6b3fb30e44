import type { ParseArgsOptionsConfig } from 'node:util';

/** What the wfm commands share: their I/O, a usage error, flag readers and a plain table. */

export interface CommandIo {
  stdout(text: string): void;
  stderr(text: string): void;
}

/** Wrong usage: exit code 2 with the message. */
export class UsageError extends Error {}

export type Flags = Record<string, string | string[] | boolean | undefined>;

/** A subcommand: its flags for parseArgs, and what it does with them. Returns the exit code. */
export interface Subcommand {
  (flags: Flags, io: CommandIo): Promise<number>;
  options: ParseArgsOptionsConfig;
}

export function subcommand(
  options: ParseArgsOptionsConfig,
  run: (flags: Flags, io: CommandIo) => Promise<number>,
): Subcommand {
  const all: ParseArgsOptionsConfig = {
    ...options,
    help: { type: 'boolean', short: 'h' },
    json: { type: 'boolean' },
  };
  return Object.assign(run, { options: all });
}

/** A required numeric flag. */
export function numberFlag(flags: Flags, name: string): number {
  const v = optionalNumberFlag(flags, name);
  if (v === undefined) throw new UsageError(`--${name} is required`);
  return v;
}

export function optionalNumberFlag(flags: Flags, name: string): number | undefined {
  const raw = flags[name];
  if (raw === undefined) return undefined;
  const text = String(raw).trim();
  const v = Number(text);
  if (text === '' || !Number.isFinite(v)) throw new UsageError(`--${name} must be a number, got "${raw}"`);
  return v;
}

export function stringFlag(flags: Flags, name: string): string {
  const v = flags[name];
  if (typeof v !== 'string' || v === '') throw new UsageError(`--${name} is required`);
  return v;
}

export function oneOf<T extends string>(flags: Flags, name: string, allowed: readonly T[], fallback?: T): T {
  const v = flags[name] ?? fallback;
  if (v === undefined) throw new UsageError(`--${name} is required: ${allowed.join(' or ')}`);
  if (!allowed.includes(v as T))
    throw new UsageError(`--${name} must be ${allowed.join(' or ')}, got "${String(v)}"`);
  return v as T;
}

/** Rounds for printing: enough digits for any check, none of floating point's noise. */
export function round(v: number, digits = 6): number {
  return Number.isFinite(v) ? Number(v.toFixed(digits)) : v;
}

/** Two aligned columns. */
export function table(rows: [string, string][]): string {
  const w = Math.max(...rows.map(([k]) => k.length));
  return `${rows.map(([k, v]) => `${k.padEnd(w)}  ${v}`).join('\n')}\n`;
}

export function percent(v: number): string {
  return `${(v * 100).toFixed(2)} %`;
}

export function seconds(v: number): string {
  return `${v.toFixed(2)} s`;
}
