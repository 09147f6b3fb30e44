import { describe, expect, it } from 'vitest';
import { applyAgentReceipt, ownStatus } from './status.ts';

describe('ownStatus', () => {
  it('goes from sent to delivered to read as the desk’s watermarks reach the message', () => {
    expect(ownStatus(3, { agentDeliveredSeq: 2, agentReadSeq: 1 })).toBe('sent');
    expect(ownStatus(3, { agentDeliveredSeq: 3, agentReadSeq: 1 })).toBe('delivered');
    expect(ownStatus(3, { agentDeliveredSeq: 3, agentReadSeq: 4 })).toBe('read');
  });

  it('counts a message read as delivered, and a server without the watermark as sent', () => {
    expect(ownStatus(2, { agentDeliveredSeq: 0, agentReadSeq: 2 })).toBe('read');
    expect(ownStatus(1, { agentReadSeq: 0 })).toBe('sent');
  });
});

describe('applyAgentReceipt', () => {
  it('moves the delivered or read watermark forward only', () => {
    const w = { agentDeliveredSeq: 4, agentReadSeq: 2 };
    expect(applyAgentReceipt(w, 'delivered', 6)).toEqual({ agentDeliveredSeq: 6, agentReadSeq: 2 });
    expect(applyAgentReceipt(w, 'delivered', 3)).toEqual(w);
    expect(applyAgentReceipt(w, 'read', 3)).toEqual({ agentDeliveredSeq: 4, agentReadSeq: 3 });
    expect(applyAgentReceipt(w, 'read', 1)).toEqual(w);
    expect(applyAgentReceipt(w, 'read', Number.NaN)).toBe(w);
  });
});
