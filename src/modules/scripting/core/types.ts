/** The shapes of a script: plain data, stored as JSON in a script version. Pure. */

/** A value a condition or a text can read. Lists are for sets such as the active promotions. */
export type Value = string | number | boolean | null | string[];

export type VariableType = 'text' | 'number' | 'boolean' | 'choice';

/** A variable the script declares; only `ask` steps set it. */
export interface VariableDecl {
  name: string;
  type: VariableType;
  /** The allowed answers of a `choice` variable. */
  options?: string[];
}

/** One side of a comparison: a reference such as `customer.tier` or `var.motivo`, or a literal. */
export type Operand = { ref: string } | { value: Value };

export type Comparison = 'eq' | 'neq' | 'gt' | 'gte' | 'lt' | 'lte' | 'in' | 'contains';

export type Condition =
  | { op: Comparison; left: Operand; right: Operand }
  | { op: 'and' | 'or'; all: Condition[] }
  | { op: 'not'; item: Condition }
  | { op: 'set'; ref: string };

export type Action =
  | { kind: 'set_disposition'; disposition: string }
  | { kind: 'create_task'; title: string }
  | { kind: 'create_lead'; product: string; note?: string }
  | { kind: 'schedule_callback'; inMinutes: number }
  | { kind: 'send_email'; template: string };

/** Steps the agent stops at (say, ask, answer) and steps that pass on their own (branch, action). */
export type Step =
  | { id: string; type: 'say'; text: string; next: string }
  | { id: string; type: 'ask'; question: string; variable: string; next: string }
  /**
   * A suggested answer from the knowledge base: `answerId` names the article, `text` is the stored answer
   * the step shows (the knowledge module will refresh it); the same question yields the same answer.
   */
  | { id: string; type: 'answer'; answerId: string | null; title: string; text: string; next: string }
  | { id: string; type: 'branch'; cases: { when: Condition; next: string }[]; otherwise: string }
  | { id: string; type: 'action'; action: Action; next: string }
  | { id: string; type: 'end'; outcome: string };

export type StepType = Step['type'];

/** A script version's content. */
export interface ScriptDefinition {
  start: string;
  variables: VariableDecl[];
  steps: Step[];
}

/** The context a script may read, by reference name, with each reference's type. */
export type ContextSchema = Record<string, 'text' | 'number' | 'boolean' | 'list'>;

/** What the agent gave at a stop: the answer of an `ask`, or `null` to go on after a say/answer step. */
export interface Answer {
  stepId: string;
  value: Value;
}

/** What passing an action step asks the shell to do when the run is finished. */
export interface Effect {
  stepId: string;
  action: Action;
}

/** A problem in a script, with where it is (a step id, or `null` for the script as a whole). */
export interface Problem {
  stepId: string | null;
  code: string;
  message: string;
}
