import { describe, expect, it } from 'vitest';
import { ApiError } from '../../api/client.ts';
import type { Definition } from './api.ts';
import {
  fieldErrorsOf,
  linkAnswer,
  problemsByStep,
  problemsOfError,
  removeStep,
  renameStep,
  unlinkAnswer,
} from './designer-model.ts';

const def: Definition = {
  start: 'inicio',
  variables: [],
  steps: [
    { id: 'inicio', type: 'say', text: '', next: 'fin' },
    { id: 'fin', type: 'end', outcome: 'ok' },
  ],
};

describe('the designer draft', () => {
  it('puts a refused step on its own field, leaving out what other step types would want', () => {
    // What the server answers for a say step with an empty text: every step type's complaint.
    const error = new ApiError(400, 'validation.failed', 'bad', [
      { path: '/definition/steps/0/text', message: 'must NOT have fewer than 1 characters' },
      { path: '/definition/steps/0/question', message: 'is required' },
      { path: '/definition/steps/0/text', message: 'unknown property "text"' },
      { path: '/definition/steps/0/type', message: 'must be equal to constant' },
      { path: '/definition/steps/0/text', message: 'must NOT have fewer than 1 characters' },
      { path: '/definition/steps/0', message: 'must match a schema in anyOf' },
    ]);
    const problems = problemsOfError(error, def)!;
    expect(problems).toEqual([
      {
        stepId: 'inicio',
        field: 'text',
        code: 'validation',
        message: 'must NOT have fewer than 1 characters',
      },
    ]);
    expect(fieldErrorsOf(problems, 'inicio')).toEqual({ text: 'must NOT have fewer than 1 characters' });
  });

  it('keeps the core problems as they are, each once per step', () => {
    const error = new ApiError(400, 'scripting.invalid_script', 'bad', [
      { stepId: 'fin', code: 'unreachable', message: 'Step "fin" cannot be reached' },
      { stepId: 'fin', code: 'unreachable', message: 'Step "fin" cannot be reached' },
    ]);
    expect(problemsByStep(problemsOfError(error, def)!).get('fin')).toEqual(['Step "fin" cannot be reached']);
  });

  it('renames a step everywhere, and a removed step hands its links on', () => {
    const renamed = renameStep(def, 'fin', 'cierre');
    expect(renamed.steps.map((s) => s.id)).toEqual(['inicio', 'cierre']);
    expect(renamed.steps[0]).toMatchObject({ next: 'cierre' });
    const three: Definition = {
      ...def,
      steps: [
        { id: 'inicio', type: 'say', text: 'a', next: 'medio' },
        { id: 'medio', type: 'say', text: 'b', next: 'fin' },
        { id: 'fin', type: 'end', outcome: 'ok' },
      ],
    };
    expect(removeStep(three, 'medio').steps[0]).toMatchObject({ next: 'fin' });
    expect(removeStep(three, 'inicio').start).toBe('medio');
  });
});

describe('an answer step linked to the knowledge base', () => {
  const step = {
    id: 'respuesta',
    type: 'answer' as const,
    answerId: null,
    title: 'Propia',
    text: 'Texto propio',
    next: 'fin',
  };
  const article = { answerId: '0190a000-0000-7000-8000-000000000001', title: 'Maleta', text: 'Repórtela' };

  it("takes the article's id, title and answer, keeping where it goes", () => {
    expect(linkAnswer(step, article)).toEqual({ ...step, ...article });
  });

  it('unlinked, keeps the words it had as its own', () => {
    expect(unlinkAnswer(linkAnswer(step, article))).toEqual({
      ...step,
      answerId: null,
      title: 'Maleta',
      text: 'Repórtela',
    });
  });
});
