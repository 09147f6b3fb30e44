/**
 * Quality scorecards and their scoring, pure. A scorecard has sections of weighted questions; each
 * question has an answer scale (yes/no, or 0–N points) and may allow "not applicable". An evaluation's
 * score is the weighted share of the points earned over the questions that apply, 0–100; a critical
 * question answered with the lowest value (no, or 0 points) zeroes the whole score.
 */

export type Scale = { kind: 'yes_no' } | { kind: 'points'; max: number };

export interface Question {
  id: string;
  text: string;
  /** Relative weight, 1–100. */
  weight: number;
  /** Failing it (the scale's lowest answer) makes the whole evaluation score 0. */
  critical: boolean;
  allowNa: boolean;
  scale: Scale;
}

export interface Section {
  id: string;
  title: string;
  questions: Question[];
}

export interface ScorecardDefinition {
  sections: Section[];
}

/** An answer: yes/no as 1/0, points as 0–max, or `'na'`. */
export type Answer = number | 'na';
export type Answers = Record<string, Answer>;

export interface SectionScore {
  sectionId: string;
  /** 0–100, or null when no question of the section applies. */
  score: number | null;
}

export interface Scored {
  /** 0–100, rounded to a tenth; 0 when a critical question failed. */
  score: number;
  /** What the score would be without the critical failure, for the evaluator and the agent to see. */
  rawScore: number;
  criticalFailed: boolean;
  /** Ids of the critical questions that failed. */
  failedCritical: string[];
  sections: SectionScore[];
}

const maxOf = (scale: Scale) => (scale.kind === 'yes_no' ? 1 : scale.max);
const round1 = (x: number) => Math.round(x * 10) / 10;

/**
 * What is wrong with a scorecard's definition (empty when nothing).
 * @example checkScorecard({ sections: [] }) // ['A scorecard needs at least one section']
 */
export function checkScorecard(def: ScorecardDefinition): string[] {
  const problems: string[] = [];
  if (def.sections.length === 0) problems.push('A scorecard needs at least one section');
  const sectionIds = new Set<string>();
  const questionIds = new Set<string>();
  for (const s of def.sections) {
    if (sectionIds.has(s.id)) problems.push(`Section id "${s.id}" is used twice`);
    sectionIds.add(s.id);
    if (s.questions.length === 0) problems.push(`Section "${s.title}" has no questions`);
    for (const q of s.questions) {
      if (questionIds.has(q.id)) problems.push(`Question id "${q.id}" is used twice`);
      questionIds.add(q.id);
      if (!Number.isInteger(q.weight) || q.weight < 1 || q.weight > 100)
        problems.push(`Question "${q.text}": weight must be a whole number from 1 to 100`);
      if (
        q.scale.kind === 'points' &&
        (!Number.isInteger(q.scale.max) || q.scale.max < 1 || q.scale.max > 10)
      )
        problems.push(`Question "${q.text}": a points scale goes from 0 to a maximum of 1–10`);
      if (q.critical && q.allowNa) problems.push(`Question "${q.text}": a critical question always applies`);
    }
  }
  return problems;
}

/**
 * What is wrong with answers to a scorecard (empty when nothing): every question answered, each
 * within its scale, "not applicable" only where allowed, no unknown questions.
 */
export function checkAnswers(def: ScorecardDefinition, answers: Answers): string[] {
  const problems: string[] = [];
  const known = new Set<string>();
  for (const q of def.sections.flatMap((s) => s.questions)) {
    known.add(q.id);
    const a = answers[q.id];
    if (a === undefined) problems.push(`Question "${q.text}" has no answer`);
    else if (a === 'na') {
      if (!q.allowNa) problems.push(`Question "${q.text}" cannot be "not applicable"`);
    } else if (!Number.isInteger(a) || a < 0 || a > maxOf(q.scale))
      problems.push(`Question "${q.text}": the answer must be a whole number from 0 to ${maxOf(q.scale)}`);
  }
  for (const id of Object.keys(answers))
    if (!known.has(id)) problems.push(`"${id}" is not a question of this scorecard`);
  return problems;
}

/**
 * Scores valid answers (see `checkAnswers`).
 * @example score(card, { greet: 1, solve: 3 }) // { score: 87.5, criticalFailed: false, … }
 */
export function score(def: ScorecardDefinition, answers: Answers): Scored {
  let earned = 0;
  let possible = 0;
  const failedCritical: string[] = [];
  const sections = def.sections.map((s) => {
    let sEarned = 0;
    let sPossible = 0;
    for (const q of s.questions) {
      const a = answers[q.id];
      if (a === undefined || a === 'na') continue;
      if (q.critical && a === 0) failedCritical.push(q.id);
      sEarned += (q.weight * a) / maxOf(q.scale);
      sPossible += q.weight;
    }
    earned += sEarned;
    possible += sPossible;
    return { sectionId: s.id, score: sPossible === 0 ? null : round1((100 * sEarned) / sPossible) };
  });
  // Nothing applies: nothing was done wrong.
  const rawScore = possible === 0 ? 100 : round1((100 * earned) / possible);
  const criticalFailed = failedCritical.length > 0;
  return { score: criticalFailed ? 0 : rawScore, rawScore, criticalFailed, failedCritical, sections };
}
