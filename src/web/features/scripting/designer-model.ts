/** The designer's draft: plain functions over a script definition (new steps, renames, problems by step). */
import type { ApiError } from '../../api/client.ts';
import type { Action, Condition, Definition, Problem, Step, StepType } from './api.ts';

export const STEP_TYPES: StepType[] = ['say', 'ask', 'answer', 'branch', 'action', 'end'];
export const ACTION_KINDS: Action['kind'][] = [
  'set_disposition',
  'create_task',
  'create_lead',
  'schedule_callback',
  'send_email',
];

/** A script with one step that ends: where a new script starts. */
export const EMPTY_DEFINITION: Definition = {
  start: 'inicio',
  variables: [],
  steps: [
    { id: 'inicio', type: 'say', text: '', next: 'fin' },
    { id: 'fin', type: 'end', outcome: 'resuelto' },
  ],
};

/** An id not used yet by the script: `paso_1`, `paso_2` … */
export function freshId(def: Definition, prefix = 'paso'): string {
  const taken = new Set(def.steps.map((s) => s.id));
  for (let n = def.steps.length + 1; ; n++) if (!taken.has(`${prefix}_${n}`)) return `${prefix}_${n}`;
}

/** A new step of a type, going to `next` (an end when there is none). */
export function newStep(type: StepType, id: string, next: string): Step {
  switch (type) {
    case 'say':
      return { id, type, text: '', next };
    case 'ask':
      return { id, type, question: '', variable: '', next };
    case 'answer':
      return { id, type, answerId: null, title: '', text: '', next };
    case 'branch':
      return { id, type, cases: [{ when: simpleCondition(), next }], otherwise: next };
    case 'action':
      return { id, type, action: newAction('create_task'), next };
    case 'end':
      return { id, type, outcome: '' };
  }
}

/** The same step as another type, keeping its id and where it went. */
export function changeType(step: Step, type: StepType): Step {
  return newStep(type, step.id, nextOf(step) ?? '');
}

export function newAction(kind: Action['kind']): Action {
  switch (kind) {
    case 'set_disposition':
      return { kind, disposition: '' };
    case 'create_task':
      return { kind, title: '' };
    case 'create_lead':
      return { kind, product: '' };
    case 'schedule_callback':
      return { kind, inMinutes: 60 };
    case 'send_email':
      return { kind, template: '' };
  }
}

export const simpleCondition = (): Condition => ({ op: 'eq', left: { ref: '' }, right: { value: '' } });

/** A comparison of a reference with a literal: what the form edits; anything else is edited as JSON. */
export function isSimple(c: Condition): c is Extract<Condition, { left: unknown }> {
  return 'left' in c && 'ref' in c.left && 'value' in c.right;
}

const nextOf = (step: Step): string | null =>
  step.type === 'end' ? null : step.type === 'branch' ? step.otherwise : step.next;

/** Renames a step everywhere the script names it. */
export function renameStep(def: Definition, from: string, to: string): Definition {
  const swap = (id: string) => (id === from ? to : id);
  return {
    ...def,
    start: swap(def.start),
    steps: def.steps.map((s): Step => {
      const id = swap(s.id);
      if (s.type === 'end') return { ...s, id };
      if (s.type === 'branch')
        return {
          ...s,
          id,
          otherwise: swap(s.otherwise),
          cases: s.cases.map((c) => ({ ...c, next: swap(c.next) })),
        };
      return { ...s, id, next: swap(s.next) };
    }),
  };
}

/** Removes a step; links to it go to where it went, so the graph stays connected when it can. */
export function removeStep(def: Definition, id: string): Definition {
  const gone = def.steps.find((s) => s.id === id);
  const to = (gone && nextOf(gone)) ?? '';
  const renamed = renameStep({ ...def, steps: def.steps.filter((s) => s.id !== id) }, id, to);
  return { ...renamed, start: def.start === id ? (renamed.steps[0]?.id ?? '') : renamed.start };
}

type AnswerStep = Extract<Step, { type: 'answer' }>;

/**
 * An answer step linked to a knowledge article: it stores the article's id and its answer as now (what the
 * runner falls back to if the article is archived); the runner shows the article's current answer.
 * @example linkAnswer(step, await scriptingApi.knowledgeAnswer(articleId))
 */
export function linkAnswer(
  step: AnswerStep,
  article: { answerId: string; title: string; text: string },
): AnswerStep {
  return { ...step, answerId: article.answerId, title: article.title, text: article.text };
}

/** The step without its article: its stored title and text become its own, editable. */
export const unlinkAnswer = (step: AnswerStep): AnswerStep => ({ ...step, answerId: null });

/** A problem as the designer shows it: on its step, and on one field of it when the server named one. */
export interface DesignProblem extends Problem {
  field?: string;
}

/** Problems by the step they concern (`''` for the script as a whole), each message once. */
export function problemsByStep(problems: DesignProblem[]): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const p of problems) {
    const list = out.get(p.stepId ?? '') ?? [];
    if (!list.includes(p.message)) list.push(p.message);
    out.set(p.stepId ?? '', list);
  }
  return out;
}

/** The first message for each field of a step, for the field's own error line. */
export function fieldErrorsOf(problems: DesignProblem[], stepId: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const p of problems) if (p.stepId === stepId && p.field) out[p.field] ??= p.message;
  return out;
}

// A step is checked against every step type; only the errors of its own type's fields are about it.
const OTHER_TYPES = /^(unknown property|must be equal to constant|must match a schema in anyOf)/;

/**
 * The problems an answer of the server names: a refused script's list, or field errors whose path points
 * into the definition (`/definition/steps/2/text`), put on their step and field.
 * @param translate words a validator message in the interface language
 */
export function problemsOfError(
  error: ApiError,
  def: Definition,
  translate: (message: string) => string = (m) => m,
): DesignProblem[] | null {
  if (error.code === 'scripting.invalid_script' && Array.isArray(error.details))
    return error.details as Problem[];
  if (error.code !== 'validation.failed' || !Array.isArray(error.details)) return null;
  const found: DesignProblem[] = [];
  for (const d of error.details as { path?: string; message?: string }[]) {
    const match = /\/steps\/(\d+)\/([a-zA-Z]+)/.exec(d.path ?? '');
    const step = match ? def.steps[Number(match[1])] : undefined;
    const message = d.message ?? '';
    if (match && step) {
      const field = match[2]!;
      if (OTHER_TYPES.test(message) || !(field in step)) continue;
      const text = translate(message);
      if (!found.some((f) => f.stepId === step.id && f.field === field && f.message === text))
        found.push({ stepId: step.id, field, code: 'validation', message: text });
    } else if (!/\/steps\/\d+$/.test(d.path ?? '')) {
      found.push({
        stepId: null,
        code: 'validation',
        message: `${d.path ?? ''} ${translate(message)}`.trim(),
      });
    }
  }
  // A step that fits no type at all, with nothing more precise said about it.
  for (const d of error.details as { path?: string; message?: string }[]) {
    const whole = /\/steps\/(\d+)$/.exec(d.path ?? '');
    const step = whole ? def.steps[Number(whole[1])] : undefined;
    if (step && !found.some((f) => f.stepId === step.id))
      found.push({ stepId: step.id, code: 'validation', message: translate(d.message ?? '') });
  }
  return found;
}
