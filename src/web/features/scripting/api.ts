/** The scripting API as the screens use it: the JSON shapes and typed calls. */
import { request } from '../../api/client.ts';

export type Value = string | number | boolean | null | string[];

export interface StepView {
  id: string;
  type: string;
  text: string;
  title: string | null;
  variable: { name: string; type: string; options: string[] } | null;
}

export interface Run {
  id: string;
  interactionId: string;
  customerId: string | null;
  scriptName: string;
  version: number;
  current: { status: 'waiting' | 'ended'; step: StepView; path: string[]; outcome: string | null };
  /** What the run's tasks, e-mails and call-backs became once it ended. */
  followUps: {
    stepId: string;
    kind: 'create_task' | 'send_email' | 'schedule_callback';
    status: 'done' | 'skipped' | 'failed';
    interactionId: string | null;
    detail: string | null;
  }[];
}

export interface Offers {
  customerId: string;
  crossSell: boolean;
  offers: {
    product: string;
    productName: string;
    score: number;
    reason: string;
    why: { kind: 'affinity' | 'popular'; percent: number; becauseName: string | null };
    promotion: { code: string; name: string } | null;
  }[];
}

export interface ScriptSummary {
  id: string;
  name: string;
  description: string;
  liveVersion: number | null;
  latestVersion: number;
  updatedAt: string;
}

/** A script's graph as the server stores it (see docs/scripting.md for the step types). */
export type VariableType = 'text' | 'number' | 'boolean' | 'choice';
export interface VariableDecl {
  name: string;
  type: VariableType;
  options?: string[];
}
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
  | { kind: 'create_lead'; product: string }
  | { kind: 'schedule_callback'; inMinutes: number }
  | { kind: 'send_email'; template: string };
export type Step =
  | { id: string; type: 'say'; text: string; next: string }
  | { id: string; type: 'ask'; question: string; variable: string; next: string }
  | { id: string; type: 'answer'; answerId: string | null; title: string; text: string; next: string }
  | { id: string; type: 'branch'; cases: { when: Condition; next: string }[]; otherwise: string }
  | { id: string; type: 'action'; action: Action; next: string }
  | { id: string; type: 'end'; outcome: string };
export type StepType = Step['type'];
export interface Definition {
  start: string;
  variables: VariableDecl[];
  steps: Step[];
}
export interface Problem {
  stepId: string | null;
  code: string;
  message: string;
}
export interface ScriptDetail extends ScriptSummary {
  versions: { version: number; createdAt: string }[];
  version: number;
  definition: Definition;
}
export interface Evaluation {
  status: 'waiting' | 'ended';
  step: StepView;
  path: string[];
  outcome: string | null;
}

/** A selection rule: every criterion it sets must match; lower priorities are tried first. */
export interface Rule {
  id: string;
  priority: number;
  scriptId: string;
  queueId: string | null;
  channel: string | null;
  reason: string | null;
  language: string | null;
  tiers: string[];
}
export type RuleInput = Omit<Rule, 'id'>;
export type RuleFacts = Pick<Rule, 'queueId' | 'channel' | 'reason' | 'language'> & { tier: string | null };
export interface RuleTestResult {
  rule: Rule | null;
  script: { id: string; name: string; version: number } | null;
  facts: RuleFacts;
  customer: { id: string; name: string; tier: string } | null;
}

/** Where runs of a script stop and how each path converts to leads. */
export interface ScriptReport {
  scriptName: string;
  runs: number;
  finished: number;
  steps: { stepId: string; reached: number; stoppedHere: number }[];
  paths: { path: string[]; runs: number; finished: number; leads: number; conversion: number }[];
}

/** A customer's invoices and balances by currency. */
export interface Balance {
  invoices: {
    id: string;
    number: string;
    dueOn: string;
    amount: number;
    paid: number;
    currency: string;
    state: 'paid' | 'open' | 'overdue';
  }[];
  openCount: number;
  overdueCount: number;
  balances: { currency: string; open: number; overdue: number }[];
}

/** A published knowledge article as an answer step's fields. */
export interface KnowledgeAnswer {
  answerId: string;
  title: string;
  text: string;
  language: 'es' | 'en';
}

const base = '/api/v1/scripting';
export const scriptingApi = {
  start: (interactionId: string) =>
    request<Run>('POST', `${base}/interactions/${interactionId}/run`, { body: {} }),
  answer: (runId: string, stepId: string, value: Value) =>
    request<Run>('POST', `${base}/runs/${runId}/answers`, { body: { stepId, value } }),
  back: (runId: string) => request<Run>('POST', `${base}/runs/${runId}/back`),
  retryFollowUps: (runId: string) => request<Run>('POST', `${base}/runs/${runId}/follow-ups`),
  offers: (customerId: string) => request<Offers>('GET', `${base}/customers/${customerId}/offers`),
  invoices: (customerId: string) => request<Balance>('GET', `${base}/customers/${customerId}/invoices`),
  respond: (customerId: string, interactionId: string, product: string, response: 'accepted' | 'declined') =>
    request('POST', `${base}/offer-responses`, { body: { customerId, interactionId, product, response } }),
  scripts: () => request<{ items: ScriptSummary[] }>('GET', `${base}/scripts`),
  script: (id: string, version?: number) =>
    request<ScriptDetail>('GET', `${base}/scripts/${id}`, { query: { version } }),
  create: (body: { name: string; description: string; definition: Definition }) =>
    request<ScriptDetail>('POST', `${base}/scripts`, { body }),
  saveVersion: (id: string, definition: Definition) =>
    request<ScriptDetail>('POST', `${base}/scripts/${id}/versions`, { body: { definition } }),
  publish: (id: string, version: number) =>
    request<ScriptDetail>('POST', `${base}/scripts/${id}/publish`, { body: { version } }),
  report: (id: string) => request<ScriptReport>('GET', `${base}/scripts/${id}/report`),
  knowledgeAnswer: (articleId: string) => request<KnowledgeAnswer>('GET', `${base}/answers/${articleId}`),
  validate: (definition: Definition) =>
    request<{ problems: Problem[] }>('POST', `${base}/validate`, { body: { definition } }),
  preview: (
    id: string,
    customerId: string,
    definition: Definition,
    answers: { stepId: string; value: Value }[],
  ) =>
    request<{ evaluation: Evaluation }>('POST', `${base}/scripts/${id}/preview`, {
      body: { customerId, definition, answers },
    }),
  rules: () => request<{ items: Rule[] }>('GET', `${base}/rules`).then((r) => r.items),
  createRule: (body: RuleInput) => request<Rule>('POST', `${base}/rules`, { body }),
  updateRule: (id: string, body: RuleInput) => request<Rule>('PUT', `${base}/rules/${id}`, { body }),
  removeRule: (id: string) => request('DELETE', `${base}/rules/${id}`),
  testRules: (body: Partial<RuleFacts> & { customerId: string | null }) =>
    request<RuleTestResult>('POST', `${base}/rules/test`, { body }),
  templates: () => request<{ items: { key: string; name: string }[] }>('GET', `${base}/email-templates`),
  customers: (q: string) =>
    request<{ items: { id: string; name: string; tier: string }[] }>('GET', '/api/v1/customers', {
      query: { q: q || undefined, limit: 20 },
    }),
};
