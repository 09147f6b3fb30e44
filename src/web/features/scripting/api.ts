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
}

export interface Offers {
  customerId: string;
  crossSell: boolean;
  offers: {
    product: string;
    productName: string;
    score: number;
    reason: string;
    promotion: { code: string; name: string } | null;
  }[];
}

export interface ScriptSummary {
  id: string;
  name: string;
  liveVersion: number | null;
  latestVersion: number;
}

const base = '/api/v1/scripting';
export const scriptingApi = {
  start: (interactionId: string) =>
    request<Run>('POST', `${base}/interactions/${interactionId}/run`, { body: {} }),
  answer: (runId: string, stepId: string, value: Value) =>
    request<Run>('POST', `${base}/runs/${runId}/answers`, { body: { stepId, value } }),
  back: (runId: string) => request<Run>('POST', `${base}/runs/${runId}/back`),
  offers: (customerId: string) => request<Offers>('GET', `${base}/customers/${customerId}/offers`),
  respond: (customerId: string, interactionId: string, product: string, response: 'accepted' | 'declined') =>
    request('POST', `${base}/offer-responses`, { body: { customerId, interactionId, product, response } }),
  scripts: () => request<{ items: ScriptSummary[] }>('GET', `${base}/scripts`),
};
