/**
 * Calibration, pure: several evaluators score the same interaction against the same scorecard; how far
 * apart they are says whether they apply it alike. Spread of the overall score (mean, population
 * standard deviation, range), each evaluator's distance from the mean, and per question how many
 * evaluators gave the most common answer.
 */
import type { Answers, ScorecardDefinition } from './scoring.ts';

export interface CalibrationEntry {
  evaluatorId: string;
  score: number;
  answers: Answers;
}

export interface Spread {
  count: number;
  mean: number | null;
  /** Population standard deviation of the scores. */
  stdDev: number | null;
  min: number | null;
  max: number | null;
  /** max − min. */
  range: number | null;
  evaluators: { evaluatorId: string; score: number; deviation: number }[];
  questions: { questionId: string; agreement: number; answers: Record<string, number> }[];
}

const round1 = (x: number) => Math.round(x * 10) / 10;

/**
 * @example spread(card, [{ evaluatorId: 'a', score: 80, answers }, { evaluatorId: 'b', score: 90, answers }])
 * // { mean: 85, stdDev: 5, range: 10, … }
 */
export function spread(def: ScorecardDefinition, entries: CalibrationEntry[]): Spread {
  const questions = def.sections
    .flatMap((s) => s.questions)
    .map((q) => {
      const counts: Record<string, number> = {};
      for (const e of entries) {
        const a = e.answers[q.id];
        if (a === undefined) continue;
        counts[String(a)] = (counts[String(a)] ?? 0) + 1;
      }
      const given = Object.values(counts).reduce((x, y) => x + y, 0);
      const top = Math.max(0, ...Object.values(counts));
      return { questionId: q.id, agreement: given === 0 ? 1 : top / given, answers: counts };
    });
  if (entries.length === 0)
    return {
      count: 0,
      mean: null,
      stdDev: null,
      min: null,
      max: null,
      range: null,
      evaluators: [],
      questions,
    };
  const scores = entries.map((e) => e.score);
  const mean = scores.reduce((x, y) => x + y, 0) / scores.length;
  const variance = scores.reduce((x, s) => x + (s - mean) ** 2, 0) / scores.length;
  const min = Math.min(...scores);
  const max = Math.max(...scores);
  return {
    count: entries.length,
    mean: round1(mean),
    stdDev: round1(Math.sqrt(variance)),
    min,
    max,
    range: round1(max - min),
    evaluators: entries.map((e) => ({
      evaluatorId: e.evaluatorId,
      score: e.score,
      deviation: round1(e.score - mean),
    })),
    questions,
  };
}
