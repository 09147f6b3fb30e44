import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { spread } from './calibration.ts';
import { type Answers, checkAnswers, checkScorecard, type ScorecardDefinition, score } from './scoring.ts';

const card: ScorecardDefinition = {
  sections: [
    {
      id: 'open',
      title: 'Opening',
      questions: [
        {
          id: 'greet',
          text: 'Greets',
          weight: 10,
          critical: false,
          allowNa: false,
          scale: { kind: 'yes_no' },
        },
        {
          id: 'id',
          text: 'Verifies identity',
          weight: 20,
          critical: true,
          allowNa: false,
          scale: { kind: 'yes_no' },
        },
      ],
    },
    {
      id: 'solve',
      title: 'Resolution',
      questions: [
        {
          id: 'fix',
          text: 'Solves',
          weight: 40,
          critical: false,
          allowNa: false,
          scale: { kind: 'points', max: 4 },
        },
        {
          id: 'up',
          text: 'Offers more',
          weight: 30,
          critical: false,
          allowNa: true,
          scale: { kind: 'points', max: 5 },
        },
      ],
    },
  ],
};

/** Scorecards with unique ids and valid weights and scales, and valid answers to them. */
const cardAndAnswers = fc
  .array(
    fc.array(
      fc.record({
        weight: fc.integer({ min: 1, max: 100 }),
        critical: fc.boolean(),
        na: fc.boolean(),
        max: fc.option(fc.integer({ min: 1, max: 10 }), { nil: undefined }),
      }),
      { minLength: 1, maxLength: 5 },
    ),
    { minLength: 1, maxLength: 4 },
  )
  .chain((shape) => {
    const def: ScorecardDefinition = {
      sections: shape.map((qs, s) => ({
        id: `s${s}`,
        title: `S${s}`,
        questions: qs.map((q, i) => ({
          id: `q${s}_${i}`,
          text: `Q${s}.${i}`,
          weight: q.weight,
          critical: q.critical,
          allowNa: q.na && !q.critical,
          scale: q.max === undefined ? { kind: 'yes_no' as const } : { kind: 'points' as const, max: q.max },
        })),
      })),
    };
    const questions = def.sections.flatMap((s) => s.questions);
    const answer = (q: (typeof questions)[number]) => {
      const max = q.scale.kind === 'yes_no' ? 1 : q.scale.max;
      return q.allowNa
        ? fc.oneof(fc.integer({ min: 0, max }), fc.constant('na' as const))
        : fc.integer({ min: 0, max });
    };
    return fc.tuple(
      fc.constant(def),
      fc
        .tuple(...questions.map(answer))
        .map((list) => Object.fromEntries(questions.map((q, i) => [q.id, list[i]!])) as Answers),
    );
  });

describe('scorecard scoring', () => {
  it('weights each question by its share of the points that apply', () => {
    const r = score(card, { greet: 1, id: 1, fix: 2, up: 'na' });
    // (10 + 20 + 40·2/4) / (10 + 20 + 40) = 50 / 70
    expect(r.score).toBe(71.4);
    expect(r.sections).toEqual([
      { sectionId: 'open', score: 100 },
      { sectionId: 'solve', score: 50 },
    ]);
  });

  it('a failed critical question zeroes the score but keeps the raw score visible', () => {
    const r = score(card, { greet: 1, id: 0, fix: 4, up: 5 });
    expect(r).toMatchObject({ score: 0, criticalFailed: true, failedCritical: ['id'], rawScore: 80 });
  });

  it('checks answers: missing, out of scale, not applicable where not allowed, unknown', () => {
    expect(checkAnswers(card, { greet: 1, id: 1, fix: 4, up: 5 })).toEqual([]);
    const problems = checkAnswers(card, { greet: 2, id: 'na', fix: 1.5, extra: 1 });
    expect(problems.join('\n')).toMatch(/Greets.*0 to 1/);
    expect(problems.join('\n')).toMatch(/Verifies identity" cannot be "not applicable"/);
    expect(problems.join('\n')).toMatch(/Solves.*whole number/);
    expect(problems.join('\n')).toMatch(/Offers more" has no answer/);
    expect(problems.join('\n')).toMatch(/"extra" is not a question/);
  });

  it('checks definitions: empty, duplicate ids, weights, scales, critical not applicable', () => {
    expect(checkScorecard(card)).toEqual([]);
    expect(checkScorecard({ sections: [] })).toHaveLength(1);
    const bad = checkScorecard({
      sections: [
        { id: 'a', title: 'A', questions: [] },
        {
          id: 'a',
          title: 'B',
          questions: [
            {
              id: 'x',
              text: 'X',
              weight: 0,
              critical: true,
              allowNa: true,
              scale: { kind: 'points', max: 11 },
            },
            { id: 'x', text: 'Y', weight: 5, critical: false, allowNa: false, scale: { kind: 'yes_no' } },
          ],
        },
      ],
    });
    expect(bad).toHaveLength(6);
  });

  it('property: generated cards are valid and so are their answers', () => {
    fc.assert(
      fc.property(cardAndAnswers, ([def, answers]) => {
        expect(checkScorecard(def)).toEqual([]);
        expect(checkAnswers(def, answers)).toEqual([]);
      }),
    );
  });

  it('property: the score lies in 0–100 and is 0 exactly when a critical question failed or nothing was earned', () => {
    fc.assert(
      fc.property(cardAndAnswers, ([def, answers]) => {
        const r = score(def, answers);
        expect(r.score).toBeGreaterThanOrEqual(0);
        expect(r.score).toBeLessThanOrEqual(100);
        if (r.criticalFailed) expect(r.score).toBe(0);
        else expect(r.score).toBe(r.rawScore);
        const critical = def.sections.flatMap((s) => s.questions).filter((q) => q.critical);
        expect(r.criticalFailed).toBe(critical.some((q) => answers[q.id] === 0));
      }),
    );
  });

  it('property: full marks everywhere score 100; raising one answer never lowers the raw score', () => {
    fc.assert(
      fc.property(cardAndAnswers, fc.nat(), ([def, answers], pick) => {
        const questions = def.sections.flatMap((s) => s.questions);
        const full = Object.fromEntries(
          questions.map((q) => [q.id, q.scale.kind === 'yes_no' ? 1 : q.scale.max]),
        );
        expect(score(def, full).score).toBe(100);
        const q = questions[pick % questions.length]!;
        const a = answers[q.id];
        const max = q.scale.kind === 'yes_no' ? 1 : q.scale.max;
        if (a === 'na' || a === max) return;
        const raised = { ...answers, [q.id]: (a as number) + 1 };
        expect(score(def, raised).rawScore).toBeGreaterThanOrEqual(score(def, answers).rawScore);
      }),
    );
  });

  it('property: multiplying every weight by the same factor leaves the score unchanged', () => {
    fc.assert(
      fc.property(cardAndAnswers, fc.integer({ min: 2, max: 5 }), ([def, answers], k) => {
        const scaled = {
          sections: def.sections.map((s) => ({
            ...s,
            questions: s.questions.map((q) => ({ ...q, weight: q.weight * k })),
          })),
        };
        expect(Math.abs(score(scaled, answers).rawScore - score(def, answers).rawScore)).toBeLessThan(0.11);
      }),
    );
  });
});

describe('calibration spread', () => {
  it('says how far evaluators are apart and how much they agree per question', () => {
    const s = spread(card, [
      { evaluatorId: 'a', score: 80, answers: { greet: 1, id: 1, fix: 2, up: 5 } },
      { evaluatorId: 'b', score: 90, answers: { greet: 1, id: 1, fix: 3, up: 5 } },
      { evaluatorId: 'c', score: 100, answers: { greet: 1, id: 1, fix: 4, up: 5 } },
    ]);
    expect(s).toMatchObject({ count: 3, mean: 90, min: 80, max: 100, range: 20, stdDev: 8.2 });
    expect(s.evaluators.map((e) => e.deviation)).toEqual([-10, 0, 10]);
    expect(s.questions.find((q) => q.questionId === 'fix')?.agreement).toBeCloseTo(1 / 3);
    expect(s.questions.find((q) => q.questionId === 'greet')?.agreement).toBe(1);
  });

  it('property: spread is never negative, zero when all agree, deviations sum to about zero', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 1000 }), { minLength: 1, maxLength: 8 }), (raw) => {
        const entries = raw.map((r, i) => ({ evaluatorId: `e${i}`, score: r / 10, answers: {} }));
        const s = spread(card, entries);
        expect(s.stdDev!).toBeGreaterThanOrEqual(0);
        expect(s.range!).toBeGreaterThanOrEqual(0);
        if (new Set(raw).size === 1) expect(s.stdDev).toBe(0);
        const sum = s.evaluators.reduce((x, e) => x + e.deviation, 0);
        expect(Math.abs(sum)).toBeLessThanOrEqual(0.05 * entries.length + 1e-9);
      }),
    );
  });
});
