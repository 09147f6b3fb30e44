import { createReadStream, readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import {
  AnonymousBankParseError,
  type BankCall,
  iterateAnonymousBank,
  parseAnonymousBank,
  streamAnonymousBank,
} from './index.ts';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');
const januaryFile = resolve(repoRoot, '../shared/data/anonymous-bank/january-1999.tsv');
const HEADER =
  'vru+line\tcall_id\tcustomer_id\tpriority\ttype\tdate\tvru_entry\tvru_exit\tvru_time\tq_start\tq_exit\tq_time\toutcome\tser_start\tser_exit\tser_time\tserver';
const QUEUED_SERVED =
  'AA0101\t33118\t27997683\t2\tPS\t990101\t6:55:20\t6:55:26\t6\t6:55:26\t6:55:43\t17\tAGENT\t6:55:43\t6:56:37\t54\tMICHAL';
const VRU_HANGUP =
  'AA0101\t33117\t0\t0\tPS\t990101\t0:34:12\t0:34:23\t11\t0:00:00\t0:00:00\t0\tHANG\t0:00:00\t0:00:00\t0\tNO_SERVER';

function withField(line: string, index: number, value: string): string {
  const f = line.split('\t');
  f[index] = value;
  return f.join('\t');
}

describe('parseAnonymousBank', () => {
  it('reads a queued, served call with every field converted', () => {
    const [call] = parseAnonymousBank(`${HEADER}\n${QUEUED_SERVED}\n`);
    expect(call).toEqual<BankCall>({
      vruLine: 'AA0101',
      callId: '33118',
      customerId: '27997683',
      priority: 2,
      type: 'PS',
      date: '1999-01-01',
      vruEntry: 6 * 3600 + 55 * 60 + 20,
      vruExit: 6 * 3600 + 55 * 60 + 26,
      vruTime: 6,
      qStart: 6 * 3600 + 55 * 60 + 26,
      qExit: 6 * 3600 + 55 * 60 + 43,
      qTime: 17,
      outcome: 'AGENT',
      serStart: 6 * 3600 + 55 * 60 + 43,
      serExit: 6 * 3600 + 56 * 60 + 37,
      serTime: 54,
      server: 'MICHAL',
    });
  });

  it('turns the 0:00:00 of steps that did not happen into null, and NO_SERVER into null', () => {
    const [call] = parseAnonymousBank(VRU_HANGUP);
    expect(call).toMatchObject({ qStart: null, qExit: null, serStart: null, serExit: null, server: null });
  });

  it('keeps times after midnight ordered after the VRU entry', () => {
    const line =
      'AA0213\t12511\t35796002\t1\tPS\t990109\t23:59:23\t23:59:23\t0\t23:59:28\t0:00:03\t35\tAGENT\t0:00:03\t0:00:55\t52\tANAT';
    const [call] = parseAnonymousBank(line);
    expect(call?.qExit).toBe(86_400 + 3);
    expect(call?.serExit).toBe(86_400 + 55);
    expect(call!.qExit! - call!.qStart!).toBe(call?.qTime);
  });

  it('keeps a service logged a second before the VRU exit on the same day', () => {
    const line = withField(withField(QUEUED_SERVED, 10, '0:00:00'), 9, '0:00:00');
    const [call] = parseAnonymousBank(withField(withField(line, 11, '0'), 13, '6:55:25'));
    expect(call?.serStart).toBe(6 * 3600 + 55 * 60 + 25);
  });

  it('accepts CRLF line ends and blank lines', () => {
    expect(parseAnonymousBank(`${HEADER}\r\n${QUEUED_SERVED}\r\n\r\n${VRU_HANGUP}\r\n`)).toHaveLength(2);
  });

  it('names the line and field of a bad priority', () => {
    const text = `${HEADER}\n${QUEUED_SERVED}\n${withField(QUEUED_SERVED, 3, '7')}`;
    expect(() => parseAnonymousBank(text)).toThrow('Anonymous Bank line 3, field priority');
  });

  it('names the field of a malformed time', () => {
    expect(() => parseAnonymousBank(withField(QUEUED_SERVED, 7, '6:5:26'))).toThrow(/line 1, field vru_exit/);
  });

  it('rejects a line with the wrong number of fields', () => {
    const error = (() => {
      try {
        parseAnonymousBank('AA0101\t1\t2');
      } catch (e) {
        return e;
      }
    })();
    expect(error).toBeInstanceOf(AnonymousBankParseError);
    expect(error).toMatchObject({ line: 1, field: 'line' });
  });

  it('rejects an unknown outcome, a bad date and a non-numeric duration', () => {
    expect(() => parseAnonymousBank(withField(QUEUED_SERVED, 12, 'LOST'))).toThrow(/field outcome/);
    expect(() => parseAnonymousBank(withField(QUEUED_SERVED, 5, '991301'))).toThrow(/field date/);
    expect(() => parseAnonymousBank(withField(QUEUED_SERVED, 15, '-4'))).toThrow(/field ser_time/);
  });

  it('iterates lines lazily with the same result', () => {
    expect([...iterateAnonymousBank([HEADER, QUEUED_SERVED, VRU_HANGUP])]).toEqual(
      parseAnonymousBank([HEADER, QUEUED_SERVED, VRU_HANGUP].join('\n')),
    );
  });
});

describe('January 1999 file', () => {
  const calls = parseAnonymousBank(readFileSync(januaryFile, 'utf8'));
  const count = (p: (c: BankCall) => boolean) => calls.filter(p).length;

  it('holds the documented numbers of calls and outcomes', () => {
    expect(calls).toHaveLength(31_599);
    expect(count((c) => c.outcome === 'AGENT')).toBe(27_060);
    expect(count((c) => c.outcome === 'HANG')).toBe(4_299);
    expect(count((c) => c.outcome === 'PHANTOM')).toBe(240);
  });

  it('holds 16,686 queued calls of which 18.6 % abandoned', () => {
    const queued = calls.filter((c) => c.qStart !== null && c.outcome !== 'PHANTOM');
    expect(queued).toHaveLength(16_686);
    const abandoned = queued.filter((c) => c.outcome === 'HANG').length / queued.length;
    expect(abandoned).toBeCloseTo(0.186, 3);
  });

  it('has a mean service of 183.5 s over served calls', () => {
    const served = calls.filter((c) => c.outcome === 'AGENT');
    const mean = served.reduce((s, c) => s + c.serTime, 0) / served.length;
    expect(mean).toBeCloseTo(183.5, 0);
  });

  it('orders each call in time: VRU, then queue, then its durations agree', () => {
    const disagreeing = calls.filter(
      (c) =>
        c.vruExit - c.vruEntry !== c.vruTime ||
        (c.qStart !== null && c.qExit !== null && c.qExit - c.qStart !== c.qTime) ||
        (c.serStart !== null && c.serExit !== null && c.serExit - c.serStart !== c.serTime),
    );
    expect(disagreeing).toEqual([]);
  });

  it('streams the file with the same records', async () => {
    const lines = createInterface({
      input: createReadStream(januaryFile),
      crlfDelay: Number.POSITIVE_INFINITY,
    });
    let n = 0;
    for await (const call of streamAnonymousBank(lines)) {
      if (n === 1000) expect(call).toEqual(calls[1000]);
      n++;
    }
    expect(n).toBe(31_599);
  });
});
