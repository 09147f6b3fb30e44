/** The status of one of the visitor's own messages, from the desk's watermarks: pure, tested. */

export interface AgentWatermarks {
  /** Up to where the desk has the messages; absent from servers that do not keep it yet. */
  agentDeliveredSeq?: number;
  agentReadSeq: number;
}

/** Sent once stored (it has a seq), delivered once the desk has it, read once the agent has seen it. */
export function ownStatus(seq: number, w: AgentWatermarks): 'sent' | 'delivered' | 'read' {
  if (w.agentReadSeq >= seq) return 'read';
  if ((w.agentDeliveredSeq ?? 0) >= seq) return 'delivered';
  return 'sent';
}

/** A receipt from the desk moves its watermark forward, never back (replays arrive out of date). */
export function applyAgentReceipt<W extends AgentWatermarks>(w: W, kind: unknown, seq: number): W {
  if (!Number.isFinite(seq)) return w;
  if (kind === 'delivered') return { ...w, agentDeliveredSeq: Math.max(w.agentDeliveredSeq ?? 0, seq) };
  return { ...w, agentReadSeq: Math.max(w.agentReadSeq, seq) };
}
