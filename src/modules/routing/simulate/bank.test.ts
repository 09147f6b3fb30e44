import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { type BankCall, parseAnonymousBank } from '../../../lib/anonymous-bank/index.ts';
import {
  afterCallGaps,
  bankCalls,
  dutyByInterval,
  dutyFromServices,
  isOffered,
  meanPatience,
} from './bank.ts';
import { seededRandom } from './prng.ts';
import { bankDates, replayBankDay } from './replay.ts';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../../../..');
const january = parseAnonymousBank(
  readFileSync(resolve(repoRoot, '../shared/data/anonymous-bank/january-1999.tsv'), 'utf8'),
);

/** A served call of one server, the fields the staffing reads. */
function served(server: string, start: number, end: number, extra: Partial<BankCall> = {}): BankCall {
  return {
    vruLine: 'AA0101',
    callId: `${server}${start}`,
    customerId: '0',
    priority: 0,
    type: 'PS',
    date: '1999-01-01',
    vruEntry: start - 10,
    vruExit: start,
    vruTime: 10,
    qStart: null,
    qExit: null,
    qTime: 0,
    outcome: 'AGENT',
    serStart: start,
    serExit: end,
    serTime: end - start,
    server,
    ...extra,
  };
}

describe('reading the Anonymous Bank for a replay', () => {
  it('offers what reached the queue or an agent, not VRU hang-ups or phantoms', () => {
    const offered = january.filter(isOffered);
    expect(offered).toHaveLength(30_161);
    expect(offered.filter((c) => c.outcome === 'HANG')).toHaveLength(3_101);
  });

  it('estimates a mean patience of about 366 s, as the data README reports', () => {
    expect(meanPatience(january)).toBeGreaterThan(355);
    expect(meanPatience(january)).toBeLessThan(375);
  });

  it('joins services less than the gap apart into one stretch of duty', () => {
    const calls = [
      served('ANA', 0, 100),
      served('ANA', 400, 500),
      served('ANA', 2000, 2100),
      served('BO', 50, 60),
    ];
    expect(dutyFromServices(calls, 600)).toEqual([
      { agentId: 'ANA', start: 0, end: 500 },
      { agentId: 'BO', start: 50, end: 60 },
      { agentId: 'ANA', start: 2000, end: 2100 },
    ]);
  });

  it('puts a server on duty for every interval it served in, when reading by interval', () => {
    expect(dutyByInterval([served('ANA', 3500, 3700)], 3600)).toEqual([
      { agentId: 'ANA', start: 0, end: 3600 },
      { agentId: 'ANA', start: 3600, end: 7200 },
    ]);
  });

  it('measures after-call gaps only while callers were waiting', () => {
    const waiting = served('X', 0, 0, { outcome: 'AGENT', qStart: 90, qExit: 130, qTime: 40, server: null });
    const calls = [served('ANA', 0, 100), served('ANA', 130, 200), served('ANA', 900, 1000), waiting];
    expect(afterCallGaps(calls, 600)).toEqual([30]);
  });

  it("keeps a hung-up caller's observed patience and gives a served one more than its wait", () => {
    const hung = served('X', 0, 0, {
      outcome: 'HANG',
      server: null,
      qStart: 10,
      qExit: 70,
      qTime: 60,
      serStart: null,
      serExit: null,
      serTime: 0,
    });
    const waited = served('ANA', 100, 200, { qStart: 50, qExit: 100, qTime: 50 });
    const [a, b] = bankCalls([hung, waited], 366, seededRandom(1));
    expect(a).toMatchObject({ arrival: 10, patience: 60, service: 100 });
    expect(b!.patience).toBeGreaterThan(50);
  });

  it('reads the real figures of a day with the replay definitions', () => {
    const { real } = replayBankDay(january, { date: '1999-01-04' });
    expect(real.total).toMatchObject({ offered: 1756, answered: 1540, abandoned: 216 });
    expect(real.total.service_level).toBeCloseTo(0.5017, 4);
    expect(real.total.asa_seconds).toBeCloseTo(42.3, 1);
  });
});

describe('replaying real days with their real staffing', () => {
  it('reproduces 4 January 1999 within the bounds docs/routing.md states', () => {
    const { simulated, real } = replayBankDay(january, { date: '1999-01-04' });
    expect(Math.abs(simulated.total.service_level! - real.total.service_level!)).toBeLessThan(0.1);
    expect(Math.abs(simulated.total.asa_seconds! - real.total.asa_seconds!)).toBeLessThan(10);
    expect(Math.abs(simulated.total.abandon_rate! - real.total.abandon_rate!)).toBeLessThan(0.03);
    expect(Math.abs(simulated.total.occupancy! - real.total.occupancy!)).toBeLessThan(0.03);
  });

  it('keeps the mean absolute errors over January within the documented bounds', () => {
    const errors = { sl: 0, asa: 0, abandon: 0 };
    const dates = bankDates(january);
    for (const date of dates) {
      const { simulated: s, real: r } = replayBankDay(january, { date });
      errors.sl += Math.abs(s.total.service_level! - r.total.service_level!) / dates.length;
      errors.asa += Math.abs(s.total.asa_seconds! - r.total.asa_seconds!) / dates.length;
      errors.abandon += Math.abs(s.total.abandon_rate! - r.total.abandon_rate!) / dates.length;
    }
    expect(errors.sl).toBeLessThan(0.08);
    expect(errors.asa).toBeLessThan(8);
    expect(errors.abandon).toBeLessThan(0.02);
  });
});
