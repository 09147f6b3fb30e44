import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { simulateCommand } from './command.ts';
import { parseRoster } from './roster.ts';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../../../..');
const january = resolve(repoRoot, '../shared/data/anonymous-bank/january-1999.tsv');
const POISSON = [
  '--format',
  'poisson',
  '--arrivals-per-hour',
  '100',
  '--aht',
  '180',
  '--agents',
  '6',
  '--hours',
  '2',
];

async function run(argv: string[]) {
  let stdout = '';
  let stderr = '';
  const code = await simulateCommand(argv, { stdout: (s) => (stdout += s), stderr: (s) => (stderr += s) });
  return { code, stdout, stderr };
}

describe('atiende simulate', () => {
  it('prints the documented JSON for a Poisson load', async () => {
    const { code, stdout } = await run([...POISSON, '--json']);
    expect(code).toBe(0);
    const out = JSON.parse(stdout) as { total: Record<string, number>; intervals: Record<string, unknown>[] };
    expect(Object.keys(out.total)).toEqual([
      'offered',
      'answered',
      'abandoned',
      'service_level',
      'asa_seconds',
      'abandon_rate',
      'occupancy',
    ]);
    expect(out.intervals[0]).toHaveProperty('start', '00:00');
    expect(out.total.offered).toBe(out.intervals.reduce((s, i) => s + (i.offered as number), 0));
  });

  it('prints a table with a total row by default', async () => {
    const { code, stdout } = await run(POISSON);
    expect(code).toBe(0);
    expect(stdout).toMatch(/^start\s+offered\s+answered/m);
    expect(stdout).toMatch(/^total\s+\d+/m);
  });

  it('replays a real day and compares it with what happened', async () => {
    const argv = [
      '--format',
      'anonymous-bank',
      '--input',
      january,
      '--date',
      '1999-01-05',
      '--compare',
      '--json',
    ];
    const { code, stdout } = await run(argv);
    expect(code).toBe(0);
    const out = JSON.parse(stdout) as { total: { offered: number }; real: { total: { offered: number } } };
    expect(out.total.offered).toBe(out.real.total.offered);
  });

  it('takes the agents from a roster file when given one', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'atiende-roster-'));
    const roster = join(dir, 'roster.csv');
    writeFileSync(roster, 'agent,start,end\nA,7:00,15:00\nB,7:00,15:00\n');
    const argv = [
      '--format',
      'anonymous-bank',
      '--input',
      january,
      '--date',
      '1999-01-05',
      '--roster',
      roster,
      '--json',
    ];
    const { code, stdout } = await run(argv);
    expect(code).toBe(0);
    expect((JSON.parse(stdout) as { total: { abandon_rate: number } }).total.abandon_rate).toBeGreaterThan(
      0.3,
    );
  });

  it.each([
    [[], '--format must be anonymous-bank or poisson'],
    [['--format', 'fax'], '--format must be anonymous-bank or poisson, got "fax"'],
    [['--format', 'poisson', '--aht', '180'], '--arrivals-per-hour is required'],
    [[...POISSON, '--agents', 'many'], '--agents must be a whole number'],
    [[...POISSON, '--hours', '0'], '--hours must be more than 0'],
    [['--format', 'anonymous-bank', '--date', '1999-01-05'], '--input FILE is required'],
    [['--format', 'anonymous-bank', '--input', january, '--date', '5/1/99'], '--date YYYY-MM-DD is required'],
    [['--format', 'anonymous-bank', '--input', january, '--date', '1999-02-01'], 'no calls on 1999-02-01'],
    [
      ['--format', 'anonymous-bank', '--input', '/nonexistent', '--date', '1999-01-05'],
      'cannot read input /nonexistent',
    ],
    [['--bogus'], "Unknown option '--bogus'"],
  ])('exits 2 with a clear message on bad usage: %j', async (argv, message) => {
    const { code, stderr, stdout } = await run(argv);
    expect(code).toBe(2);
    expect(stderr).toContain(message);
    expect(stderr).toContain('usage:');
    expect(stdout).toBe('');
  });
});

describe('parseRoster', () => {
  it('reads shifts, skipping the header and comments, and runs past midnight', () => {
    expect(parseRoster('agent,start,end\n# morning\nANA,7:00,15:30\nBO,16:00,0:30:15\n')).toEqual([
      { agentId: 'ANA', start: 25_200, end: 55_800 },
      { agentId: 'BO', start: 57_600, end: 88_215 },
    ]);
  });

  it('names the line of a bad time', () => {
    expect(() => parseRoster('ANA,7:00,15:00\nBO,seven,15:00')).toThrow('roster line 2, start');
  });
});
