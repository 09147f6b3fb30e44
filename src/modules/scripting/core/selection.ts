/** Which script starts for an interaction: the first matching selection rule, in priority order. Pure. */

/** A rule: every criterion it sets must match (an empty one matches anything). */
export interface SelectionRule {
  id: string;
  /** Lower runs first; ties go to the older rule (smaller id). */
  priority: number;
  scriptId: string;
  queueId: string | null;
  channel: string | null;
  reason: string | null;
  language: string | null;
  tiers: string[];
}

/** What a rule looks at in an interaction and its customer. */
export interface SelectionFacts {
  queueId: string | null;
  channel: string | null;
  reason: string | null;
  language: string | null;
  tier: string | null;
}

const matches = (want: string | null, have: string | null) =>
  want === null || (have !== null && want.toLowerCase() === have.toLowerCase());

/**
 * The first rule that matches, or null.
 * @example chooseRule(rules, { queueId: 'reservas', channel: 'voice', reason: 'cambio', language: 'es', tier: 'gold' })
 */
export function chooseRule(rules: SelectionRule[], facts: SelectionFacts): SelectionRule | null {
  const ordered = [...rules].sort((a, b) => a.priority - b.priority || (a.id < b.id ? -1 : 1));
  return (
    ordered.find(
      (r) =>
        matches(r.queueId, facts.queueId) &&
        matches(r.channel, facts.channel) &&
        matches(r.reason, facts.reason) &&
        matches(r.language, facts.language) &&
        (r.tiers.length === 0 || (facts.tier !== null && r.tiers.includes(facts.tier))),
    ) ?? null
  );
}
