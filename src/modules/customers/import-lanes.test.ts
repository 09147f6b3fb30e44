import { describe, expect, it } from 'vitest';
import { type BatchTurn, createBatchLanes, StaleBatch } from './import-lanes.ts';

/** A promise resolved from outside. */
function gate() {
  let open = () => {};
  const opened = new Promise<void>((resolve) => {
    open = resolve;
  });
  return { opened, open };
}

const tick = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('batches of an import written two at a time', () => {
  it('the second batch starts while the first is written, and reaches its turn only after it commits', async () => {
    const lanes = createBatchLanes(2);
    const log: string[] = [];
    const first = gate();
    await lanes.add(new Set(['A-1']), async (b) => {
      await b.open(async () => log.push('1 open'));
      await first.opened;
      await b.turn([]);
      log.push('1 commit');
    });
    await lanes.add(new Set(['A-2']), async (b) => {
      await b.open(async () => log.push('2 open'));
      log.push('2 writes');
      await b.turn([]);
      log.push('2 commit');
    });
    await tick();
    expect(log).toEqual(['1 open', '2 open', '2 writes']);
    first.open();
    await lanes.drain();
    expect(log).toEqual(['1 open', '2 open', '2 writes', '1 commit', '2 commit']);
  });

  it('a batch sharing an external id, a match key or an organisation with the one before waits for it to commit', async () => {
    const lanes = createBatchLanes(2);
    const log: string[] = [];
    const first = gate();
    await lanes.add(new Set(['A-1', 'email:ana@x.co']), async (b) => {
      await b.open(async () => {});
      await first.opened;
      log.push('1 commit');
    });
    const second = lanes.add(new Set(['email:ana@x.co']), async () => {
      log.push('2 starts');
    });
    await tick();
    expect(log).toEqual([]);
    first.open();
    await second;
    await lanes.drain();
    expect(log).toEqual(['1 commit', '2 starts']);
  });

  it('a batch that read a customer the batch before it wrote is stale once, then written alone', async () => {
    const lanes = createBatchLanes(2);
    const first = gate();
    const outcomes: string[] = [];
    await lanes.add(new Set(['A-1']), async (b) => {
      await b.open(async () => {});
      await b.turn(['customer-7']);
      await first.opened;
    });
    await lanes.add(new Set(['A-2']), async (b) => {
      for (let attempt = 1; attempt <= 2; attempt++) {
        await b.open(async () => {});
        try {
          await b.turn(['customer-7']);
          outcomes.push(`attempt ${attempt} written`);
          return;
        } catch (error) {
          outcomes.push(`attempt ${attempt} ${error instanceof StaleBatch ? 'stale' : 'failed'}`);
        }
      }
    });
    first.open();
    await lanes.drain();
    expect(outcomes).toEqual(['attempt 1 stale', 'attempt 2 written']);
  });

  it('when the batch before starts over after this one began, this one starts over too', async () => {
    const lanes = createBatchLanes(2);
    const retry = gate();
    const outcomes: string[] = [];
    await lanes.add(new Set(['A-1']), async (b) => {
      await b.open(async () => {});
      await retry.opened;
      await b.open(async () => {}); // its second transaction, after the next batch's first
      await b.turn([]);
    });
    await lanes.add(new Set(['A-2']), async (b) => {
      await b.open(async () => {});
      retry.open();
      await b.turn([]).then(
        () => outcomes.push('written'),
        (error) => outcomes.push(error instanceof StaleBatch ? 'stale' : 'failed'),
      );
    });
    await lanes.drain();
    expect(outcomes).toEqual(['stale']);
  });

  it('one lane writes batches one after another', async () => {
    const lanes = createBatchLanes(1);
    const log: string[] = [];
    const write = (n: number) => async (b: BatchTurn) => {
      log.push(`${n} starts`);
      await tick();
      await b.turn([]);
      log.push(`${n} commits`);
    };
    await lanes.add(new Set(['A-1']), write(1));
    await lanes.add(new Set(['A-2']), write(2));
    await lanes.drain();
    expect(log).toEqual(['1 starts', '1 commits', '2 starts', '2 commits']);
  });

  it('a failed batch fails the batch after it at its turn, and the import', async () => {
    const lanes = createBatchLanes(2);
    let secondCommitted = false;
    await lanes.add(new Set(['A-1']), async (b) => {
      await b.open(async () => {});
      await tick();
      throw new Error('the server went away');
    });
    await lanes.add(new Set(['A-2']), async (b) => {
      await b.open(async () => {});
      await b.turn([]);
      secondCommitted = true;
    });
    await expect(lanes.drain()).rejects.toThrow('the server went away');
    expect(secondCommitted).toBe(false);
    await expect(lanes.add(new Set(['A-3']), async () => {})).rejects.toThrow('the server went away');
  });
});
