/**
 * Script validation: a script that passes cannot get stuck, loop without the agent, or read something that
 * does not exist. Each problem names the step it is in. Pure.
 */
import { conditionRefs, textRefs, VAR_PREFIX } from './conditions.ts';
import type { Condition, ContextSchema, Problem, ScriptDefinition, Step } from './types.ts';

/** The steps a step may go to next. */
export function successors(step: Step): string[] {
  switch (step.type) {
    case 'branch':
      return [...step.cases.map((c) => c.next), step.otherwise];
    case 'end':
      return [];
    default:
      return [step.next];
  }
}

/** Steps the agent stops at: a loop must pass through one, so every loop waits for the agent. */
export const isStop = (step: Step): step is Extract<Step, { type: 'say' | 'ask' | 'answer' }> =>
  step.type === 'say' || step.type === 'ask' || step.type === 'answer';

/** The references a step reads, in its texts and its conditions. */
export function stepRefs(step: Step): string[] {
  switch (step.type) {
    case 'say':
      return textRefs(step.text);
    case 'ask':
      return textRefs(step.question);
    case 'answer':
      return textRefs(step.text);
    case 'branch':
      return step.cases.flatMap((c) => conditionRefs(c.when));
    default:
      return [];
  }
}

const NAME = /^[a-z_][a-z0-9_]{0,39}$/i;

/**
 * Every problem of a script against what its workspace offers to read (`context`).
 * @example validateScript(definition, contextSchema(['segmento'])) // [] when the script is sound
 */
export function validateScript(def: ScriptDefinition, context: ContextSchema): Problem[] {
  const problems: Problem[] = [];
  const add = (stepId: string | null, code: string, message: string) =>
    problems.push({ stepId, code, message });
  const byId = new Map<string, Step>();
  for (const step of def.steps) {
    if (byId.has(step.id)) add(step.id, 'duplicate_step', `Step id "${step.id}" is used twice`);
    byId.set(step.id, step);
  }
  if (def.steps.length === 0) add(null, 'no_steps', 'A script needs at least one step');
  if (!byId.has(def.start)) add(null, 'unknown_start', `The start step "${def.start}" does not exist`);

  const vars = new Map(def.variables.map((v) => [v.name, v]));
  if (vars.size !== def.variables.length) add(null, 'duplicate_variable', 'A variable is declared twice');
  for (const v of def.variables) {
    if (!NAME.test(v.name)) add(null, 'bad_variable_name', `Variable name "${v.name}" is not a simple name`);
    if (v.type === 'choice' && !(v.options && v.options.length > 0))
      add(null, 'choice_without_options', `Variable "${v.name}" is a choice without options`);
  }

  for (const step of def.steps) {
    for (const target of successors(step))
      if (!byId.has(target))
        add(step.id, 'unknown_next', `Step "${step.id}" goes to "${target}", which does not exist`);
    if (step.type === 'ask' && !vars.has(step.variable))
      add(step.id, 'undeclared_variable', `Step "${step.id}" sets "${step.variable}", which is not declared`);
    if (step.type === 'branch') for (const c of step.cases) checkOptions(step.id, c.when, def, add);
    for (const ref of stepRefs(step)) {
      if (ref.startsWith(VAR_PREFIX)) {
        const name = ref.slice(VAR_PREFIX.length);
        if (!vars.has(name))
          add(
            step.id,
            'undefined_variable',
            `Step "${step.id}" reads variable "${name}", which is not declared`,
          );
      } else if (!(ref in context)) {
        add(step.id, 'unknown_field', `Step "${step.id}" reads "${ref}", which does not exist`);
      }
    }
  }
  if (problems.length > 0) return problems; // the graph checks below need a well-formed graph

  const reachable = walk([def.start], (id) => successors(byId.get(id)!));
  for (const step of def.steps)
    if (!reachable.has(step.id))
      add(step.id, 'unreachable', `Step "${step.id}" cannot be reached from the start`);

  const predecessors = new Map<string, string[]>(def.steps.map((s) => [s.id, []]));
  for (const step of def.steps) for (const t of successors(step)) predecessors.get(t)!.push(step.id);
  const ends = def.steps.filter((s) => s.type === 'end').map((s) => s.id);
  const canEnd = walk(ends, (id) => predecessors.get(id)!);
  for (const id of reachable)
    if (!canEnd.has(id))
      add(id, 'no_exit', `From step "${id}" no path leads to an end: a cycle without an exit`);

  for (const id of loopsWithoutStop(def.steps, byId))
    add(id, 'cycle_without_stop', `Step "${id}" is on a loop where the agent is never asked anything`);

  if (problems.length === 0) checkAssigned(def, byId, predecessors, reachable, add);
  return problems;
}

/** Every node reachable from `starts` along `next`. */
function walk(starts: string[], next: (id: string) => string[]): Set<string> {
  const seen = new Set<string>(starts);
  const todo = [...starts];
  while (todo.length > 0) {
    for (const n of next(todo.pop()!)) {
      if (seen.has(n)) continue;
      seen.add(n);
      todo.push(n);
    }
  }
  return seen;
}

/** Steps on a cycle made only of branches and actions (which would spin without the agent). */
function loopsWithoutStop(steps: Step[], byId: Map<string, Step>): string[] {
  const passing = steps.filter((s) => !isStop(s) && s.type !== 'end');
  const state = new Map<string, 'open' | 'done'>();
  const onLoop = new Set<string>();
  const visit = (id: string, trail: string[]) => {
    state.set(id, 'open');
    trail.push(id);
    for (const n of successors(byId.get(id)!)) {
      const s = byId.get(n)!;
      if (isStop(s) || s.type === 'end') continue;
      if (state.get(n) === 'open') for (const t of trail.slice(trail.indexOf(n))) onLoop.add(t);
      else if (!state.has(n)) visit(n, trail);
    }
    trail.pop();
    state.set(id, 'done');
  };
  for (const s of passing) if (!state.has(s.id)) visit(s.id, []);
  return [...onLoop];
}

/** A variable read on some path before any step asked for it is refused (definite assignment). */
function checkAssigned(
  def: ScriptDefinition,
  byId: Map<string, Step>,
  predecessors: Map<string, string[]>,
  reachable: Set<string>,
  add: (stepId: string | null, code: string, message: string) => void,
) {
  const all = new Set(def.variables.map((v) => v.name));
  const setBefore = new Map<string, Set<string>>();
  for (const id of reachable) setBefore.set(id, id === def.start ? new Set() : new Set(all));
  const after = (id: string) => {
    const s = byId.get(id)!;
    const set = new Set(setBefore.get(id)!);
    if (s.type === 'ask') set.add(s.variable);
    return set;
  };
  for (let changed = true; changed; ) {
    changed = false;
    for (const id of reachable) {
      if (id === def.start) continue;
      const preds = predecessors.get(id)!.filter((p) => reachable.has(p));
      const inter = new Set(all);
      for (const p of preds) {
        const out = after(p);
        for (const v of inter) if (!out.has(v)) inter.delete(v);
      }
      if (inter.size !== setBefore.get(id)!.size) {
        setBefore.set(id, inter);
        changed = true;
      }
    }
  }
  for (const id of reachable) {
    const step = byId.get(id)!;
    const known = step.type === 'ask' ? setBefore.get(id)! : after(id);
    for (const ref of stepRefs(step)) {
      const name = ref.startsWith(VAR_PREFIX) ? ref.slice(VAR_PREFIX.length) : null;
      if (name && !known.has(name))
        add(
          id,
          'variable_maybe_unset',
          `Step "${id}" reads "${name}", which is not asked on every path before it`,
        );
    }
  }
}

/** A choice variable compared with a literal that is not one of its options is a typo. */
function checkOptions(
  stepId: string,
  c: Condition,
  def: ScriptDefinition,
  add: (stepId: string | null, code: string, message: string) => void,
) {
  if (c.op === 'and' || c.op === 'or') {
    for (const item of c.all) checkOptions(stepId, item, def, add);
    return;
  }
  if (c.op === 'not') return checkOptions(stepId, c.item, def, add);
  if (c.op !== 'eq' && c.op !== 'neq') return;
  const [ref, lit] = 'ref' in c.left ? [c.left.ref, c.right] : [null, null];
  if (!ref || !lit || !('value' in lit) || !ref.startsWith(VAR_PREFIX)) return;
  const v = def.variables.find((d) => d.name === ref.slice(VAR_PREFIX.length));
  if (v?.type === 'choice' && typeof lit.value === 'string' && !v.options?.includes(lit.value))
    add(
      stepId,
      'unknown_option',
      `Step "${stepId}" compares "${v.name}" with "${lit.value}", which is not one of its options`,
    );
}
