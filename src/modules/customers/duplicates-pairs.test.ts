import { describe, expect, it } from 'vitest';
import { pairsAmong } from './duplicates-detect.ts';

const holder = (match_key: string, customer_id: string) => ({ match_key, customer_id });
const identity = (matchKey: string, customerId: string) => ({ matchKey, customerId });

describe('pairs of customers sharing a match key', () => {
  it('pairs an identity with every other holder of its key, never with its own customer', () => {
    const holders = [
      holder('email:ana@x.co', 'b'),
      holder('email:ana@x.co', 'a'),
      holder('phone:+57300', 'c'),
    ];
    expect(pairsAmong(holders, [identity('email:ana@x.co', 'a'), identity('phone:+57300', 'd')])).toEqual([
      { a: 'a', b: 'b', reason: 'email', similarity: 1 },
      { a: 'c', b: 'd', reason: 'phone', similarity: 1 },
    ]);
    expect(pairsAmong([holder('email:x@y.co', 'a')], [identity('email:x@y.co', 'a')])).toEqual([]);
  });

  it('with the identities holding their keys too, answers what adding them to the holders answered', () => {
    const holders = [holder('k1', 'h1'), holder('k2', 'h2'), holder('k2', 'h3')];
    const identities = [
      identity('k1', 'n1'),
      identity('k1', 'n2'),
      identity('k2', 'n1'),
      identity('k3', 'n3'),
      identity('k3', 'n3'),
      identity('k4', 'n4'),
    ];
    const added = identities.map((i) => holder(i.matchKey, i.customerId));
    const expected = pairsAmong([...holders, ...added], identities);
    expect(expected.length).toBe(6);
    expect(pairsAmong(holders, identities, { amongThemselves: true })).toEqual(expected);
  });
});
