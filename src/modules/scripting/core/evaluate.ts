/**
 * Script evaluation: (script version, context, answers so far) → where the run stands, the path taken and
 * the effects to carry out. A run is only its answers, so going back is dropping the last one and replaying
 * reproduces the path. Pure: no clock, no I/O.
 */
import { holds, render, VAR_PREFIX } from './conditions.ts';
import type { Answer, Effect, ScriptDefinition, Step, Value, VariableDecl } from './types.ts';
import { isStop } from './validate.ts';

export interface Evaluation {
  /** `waiting`: the run stands at `current`, a stop that needs the agent; `ended`: `current` is an end step. */
  status: 'waiting' | 'ended';
  current: string;
  /** Every step passed, in order, `current` last. */
  path: string[];
  variables: Record<string, Value>;
  effects: Effect[];
  /** The current step's text with its placeholders filled in (the question of an ask, the outcome of an end). */
  text: string;
  outcome: string | null;
}

/** Why an answer list does not fit a script; the shell turns it into a 4xx. */
export class EvaluationError extends Error {
  constructor(
    readonly code: 'answer_out_of_place' | 'bad_answer' | 'too_many_answers' | 'step_budget',
    message: string,
  ) {
    super(message);
  }
}

/** The steps of a definition by id, built once per version and reused by every evaluation. */
export type CompiledScript = {
  def: ScriptDefinition;
  byId: Map<string, Step>;
  vars: Map<string, VariableDecl>;
};

export function compile(def: ScriptDefinition): CompiledScript {
  return {
    def,
    byId: new Map(def.steps.map((s) => [s.id, s])),
    vars: new Map(def.variables.map((v) => [v.name, v])),
  };
}

/**
 * Runs a validated script as far as the answers go.
 * @example
 * const e = evaluate(compile(def), { 'customer.tier': 'gold' }, [{ stepId: 'saludo', value: null }]);
 * if (e.status === 'waiting') show(e.current, e.text);
 */
export function evaluate(
  script: CompiledScript,
  context: Record<string, Value>,
  answers: Answer[],
): Evaluation {
  const { def, byId, vars } = script;
  const variables: Record<string, Value> = {};
  const read = (ref: string): Value =>
    ref.startsWith(VAR_PREFIX) ? (variables[ref.slice(VAR_PREFIX.length)] ?? null) : (context[ref] ?? null);
  const path: string[] = [];
  const effects: Effect[] = [];
  // A validated script has no loop without a stop, so between two stops each step is passed at most once.
  const budget = (answers.length + 1) * (def.steps.length + 1);
  let used = 0;
  let stops = 0;
  let step = byId.get(def.start)!;
  for (;;) {
    if (++used > budget) throw new EvaluationError('step_budget', 'The script loops without stopping');
    path.push(step.id);
    if (step.type === 'end') {
      if (answers.length > stops)
        throw new EvaluationError('too_many_answers', 'There are answers after the end of the script');
      return result('ended', step, path, variables, effects, render(step.outcome, read), step.outcome);
    }
    if (isStop(step)) {
      const index = stops++;
      const answer = answers[index];
      if (!answer) return result('waiting', step, path, variables, effects, textOf(step, read), null);
      if (answer.stepId !== step.id)
        throw new EvaluationError(
          'answer_out_of_place',
          `Answer ${index + 1} is for step "${answer.stepId}", but the script is at "${step.id}"`,
        );
      if (step.type === 'ask')
        variables[step.variable] = coerce(vars.get(step.variable)!, answer.value, step.id);
      step = byId.get(step.next)!;
      continue;
    }
    if (step.type === 'action') {
      effects.push({ stepId: step.id, action: step.action });
      step = byId.get(step.next)!;
      continue;
    }
    if (step.type === 'branch') {
      const hit = step.cases.find((c) => holds(c.when, read));
      step = byId.get(hit ? hit.next : step.otherwise)!;
    }
  }
}

function textOf(step: Step, read: (ref: string) => Value): string {
  if (step.type === 'say' || step.type === 'answer') return render(step.text, read);
  if (step.type === 'ask') return render(step.question, read);
  return '';
}

function result(
  status: Evaluation['status'],
  step: Step,
  path: string[],
  variables: Record<string, Value>,
  effects: Effect[],
  text: string,
  outcome: string | null,
): Evaluation {
  return { status, current: step.id, path, variables, effects, text, outcome };
}

/** An answer in its variable's type; a wrong one is refused with the step it was for. */
export function coerce(decl: VariableDecl, value: Value, stepId: string): Value {
  const bad = (why: string) => new EvaluationError('bad_answer', `The answer to "${stepId}" ${why}`);
  switch (decl.type) {
    case 'number': {
      const n =
        typeof value === 'number'
          ? value
          : typeof value === 'string' && value.trim() !== ''
            ? Number(value)
            : Number.NaN;
      if (!Number.isFinite(n)) throw bad('must be a number');
      return n;
    }
    case 'boolean':
      if (typeof value !== 'boolean') throw bad('must be yes or no');
      return value;
    case 'choice':
      if (typeof value !== 'string' || !decl.options?.includes(value))
        throw bad(`must be one of: ${(decl.options ?? []).join(', ')}`);
      return value;
    default:
      if (typeof value !== 'string' || value.length > 2000)
        throw bad('must be a text of at most 2000 characters');
      return value;
  }
}
