import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { wfmCommand } from './command.ts';
import { syntheticHistory } from './forecast/synthetic.ts';
import { formatLocalTime } from './history-csv.ts';

async function run(...argv: string[]) {
  let stdout = '';
  let stderr = '';
  const code = await wfmCommand(argv, {
    stdout: (s) => {
      stdout += s;
    },
    stderr: (s) => {
      stderr += s;
    },
  });
  return { code, stdout, stderr };
}

const fixture = new URL('../../../../shared/data/wfm/shift-cover-fixture.json', import.meta.url).pathname;

describe('atiende wfm', () => {
  it('erlang --json prints the vectors file’s keys', async () => {
    const c = await run(
      'erlang',
      '--model',
      'c',
      '--arrivals-per-hour',
      '200',
      '--aht',
      '180',
      '--agents',
      '14',
      '--target',
      '20',
      '--json',
    );
    expect(c.code).toBe(0);
    const out = JSON.parse(c.stdout) as Record<string, number>;
    expect(out.p_wait).toBeCloseTo(0.174132, 6);
    expect(out.service_level).toBeCloseTo(0.88835, 5);
    expect(Object.keys(out)).toEqual(expect.arrayContaining(['asa_seconds', 'occupancy', 'blocking']));
    const a = await run(
      'erlang',
      '--model',
      'a',
      '--arrivals-per-hour',
      '200',
      '--aht',
      '180',
      '--agents',
      '14',
      '--patience',
      '300',
      '--json',
    );
    expect(Object.keys(JSON.parse(a.stdout))).toEqual(
      expect.arrayContaining([
        'p_abandon',
        'service_level_all_arrivals',
        'service_level_served_only',
        'asa_all_arrivals',
        'asa_served',
      ]),
    );
  });

  it('staff --json prints the agents with shrinkage and the measures at that staffing', async () => {
    const r = await run(
      'staff',
      '--model',
      'c',
      '--arrivals-per-hour',
      '200',
      '--aht',
      '180',
      '--target-sl',
      '0.8',
      '--target',
      '20',
      '--max-occupancy',
      '0.7',
      '--shrinkage',
      '0.3',
      '--json',
    );
    expect(JSON.parse(r.stdout)).toMatchObject({ agents: 22, agents_on_queue: 15, occupancy: 0.666666667 });
  });

  it('forecast prints timestamp,forecast,lo,hi for the days after the input, or JSON', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'wfm-'));
    const file = join(dir, 'history.csv');
    const history = syntheticHistory({
      days: 28,
      intervalMinutes: 60,
      mean: (_d, _w, s) => (s < 8 ? null : 10),
    });
    writeFileSync(
      file,
      `timestamp,count\n${history.map((p) => `${formatLocalTime(p.start, 'Z')},${p.count}`).join('\n')}\n`,
    );
    const csv = await run('forecast', '--input', file, '--interval', '60m', '--horizon-days', '2');
    const lines = csv.stdout.trim().split('\n');
    expect(lines[0]).toBe('timestamp,forecast,lo,hi');
    expect(lines).toHaveLength(1 + 2 * 16);
    expect(lines[1]).toMatch(/^2024-02-04T08:00:00Z,[\d.]+,[\d.]+,[\d.]+$/);
    expect(csv.stderr).toMatch(/^method: \w+ \(backtest/);
    const json = JSON.parse(
      (await run('forecast', '--input', file, '--interval', '60m', '--horizon-days', '1', '--json')).stdout,
    );
    expect(Object.keys(json)).toEqual(['method', 'points']);
    expect(Object.keys(json.points[0])).toEqual(['timestamp', 'forecast', 'lo', 'hi']);
  });

  it('schedule solves every case of the fixture, the infeasible one included', async () => {
    const r = await run('schedule', '--input', fixture, '--json');
    expect(r.code).toBe(0);
    const { cases } = JSON.parse(r.stdout) as { cases: { status: string; objective: number | null }[] };
    expect(cases.map((c) => [c.status, c.objective])).toEqual([
      ['optimal', 113],
      ['optimal', 979],
      ['optimal', 157],
      ['infeasible', null],
    ]);
  });

  it.each([
    [
      ['erlang', '--model', 'c', '--arrivals-per-hour', '0', '--aht', '180', '--agents', '5'],
      /arrivals per hour must be a positive number, got 0/,
    ],
    [
      ['erlang', '--model', 'c', '--arrivals-per-hour', '10', '--aht', '-180', '--agents', '5'],
      /handle time \(seconds\) must be a positive number, got -180/,
    ],
    [
      ['erlang', '--model', 'a', '--arrivals-per-hour', '10', '--aht', '180', '--agents', '5'],
      /--patience .* is required with --model a/,
    ],
    [['erlang', '--model', 'q'], /--model must be b or c or a/],
    [['staff', '--model', 'c', '--arrivals-per-hour', '10', '--aht', '180'], /give a target/],
    [
      ['forecast', '--input', '/nonexistent.csv', '--interval', '30m', '--horizon-days', '1'],
      /cannot read --input \/nonexistent.csv: ENOENT/,
    ],
    [
      ['forecast', '--input', 'x.csv', '--interval', '7m', '--horizon-days', '1'],
      /--interval must be 5m or 15m or 30m or 60m/,
    ],
    [['schedule'], /--input is required/],
    [['plan'], /unknown wfm command "plan"/],
    [
      ['erlang', '--agents', 'many', '--model', 'c', '--arrivals-per-hour', '1', '--aht', '1'],
      /--agents must be a number, got "many"/,
    ],
  ])('exits 2 with a clear message on wrong usage: %j', async (argv, message) => {
    const r = await run(...argv);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(message);
    expect(r.stdout).toBe('');
  });

  it('exits 1 when no staffing can meet the target, saying why', async () => {
    const r = await run(
      'staff',
      '--model',
      'c',
      '--arrivals-per-hour',
      '2000',
      '--aht',
      '180',
      '--target-sl',
      '0.8',
      '--target',
      '20',
      '--max-agents',
      '90',
    );
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/even 90 agents for 100 erlangs fall short of 80% within 20 s/);
  });
});
