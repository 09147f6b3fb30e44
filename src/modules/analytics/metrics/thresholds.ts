/** Wallboard tile levels, pure: how a live figure compares with its queue's thresholds. */

/** Figures a threshold may watch, and whether a higher value is worse. */
export const WATCHED = {
  waiting: 'higher',
  longestWaitSeconds: 'higher',
  serviceLevel: 'lower',
  asaSeconds: 'higher',
  abandonRate: 'higher',
} as const;

export type WatchedMetric = keyof typeof WATCHED;
export type Level = 'ok' | 'amber' | 'red';

export interface Threshold {
  metric: WatchedMetric;
  amber: number;
  red: number;
}

/**
 * @example levelOf('serviceLevel', 0.7, { metric: 'serviceLevel', amber: 0.8, red: 0.6 }) // 'amber'
 * @example levelOf('waiting', 12, { metric: 'waiting', amber: 5, red: 10 }) // 'red'
 */
export function levelOf(metric: WatchedMetric, value: number | null, t: Threshold | undefined): Level {
  if (!t || value === null) return 'ok';
  if (WATCHED[metric] === 'higher') return value >= t.red ? 'red' : value >= t.amber ? 'amber' : 'ok';
  return value <= t.red ? 'red' : value <= t.amber ? 'amber' : 'ok';
}

/** Amber must come before red in the direction the metric gets worse. */
export function checkThreshold(t: Threshold): string | null {
  if (WATCHED[t.metric] === 'higher' && t.red < t.amber) return `${t.metric}: red must be at least amber`;
  if (WATCHED[t.metric] === 'lower' && t.red > t.amber) return `${t.metric}: red must be at most amber`;
  return null;
}
