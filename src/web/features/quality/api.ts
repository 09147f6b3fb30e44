/** The quality API as the screens use it: JSON types, typed calls and query keys. */
import { request } from '../../api/client.ts';
import type { Message } from '../supervisor/api.ts';

export type Scale = { kind: 'yes_no' } | { kind: 'points'; max: number };

export interface Question {
  id: string;
  text: string;
  weight: number;
  critical: boolean;
  allowNa: boolean;
  scale: Scale;
}

export interface Section {
  id: string;
  title: string;
  questions: Question[];
}

export interface Definition {
  sections: Section[];
}

export interface Scorecard {
  id: string;
  name: string;
  description: string | null;
  definition: Definition;
  active: boolean;
}

export interface ScorecardInput {
  name: string;
  description: string | null;
  definition: Definition;
  active: boolean;
}

export type Answer = number | 'na';
export type Answers = Record<string, Answer>;
export type Status = 'submitted' | 'acknowledged' | 'disputed' | 'resolved' | 'calibration';

export interface Evaluation {
  id: string;
  scorecardName: string;
  definition: Definition;
  interactionId: string;
  agentId: string | null;
  queueId: string | null;
  channel: string;
  evaluatorId: string;
  calibrationId: string | null;
  answers: Answers;
  comment: string | null;
  score: number;
  rawScore: number;
  criticalFailed: boolean;
  sectionScores: { sectionId: string; score: number | null }[];
  status: Status;
  agentComment: string | null;
  resolution: string | null;
  createdAt: string;
}

export type { Message } from '../supervisor/api.ts';

export interface Review {
  interaction: { id: string; channel: string; subject: string | null; agentId: string | null; state: string };
  messages: Message[];
  evaluations: Evaluation[];
}

export interface Calibration {
  id: string;
  title: string;
  scorecardId: string;
  interactionId: string;
  evaluatorIds: string[];
  status: 'open' | 'closed';
  createdAt: string;
}

export interface CalibrationDetail extends Calibration {
  evaluations: Evaluation[];
  pending: string[];
  spread: {
    count: number;
    mean: number | null;
    stdDev: number | null;
    range: number | null;
    evaluators: { evaluatorId: string; score: number; deviation: number }[];
    questions: { questionId: string; agreement: number; answers: Record<string, number> }[];
  };
}

export interface QualityRow {
  period: string;
  key: string;
  evaluations: number;
  averageScore: number | null;
  criticalFailures: number;
  disputed: number;
}

export interface QualityReportParams {
  from: string;
  to: string;
  grain: 'day' | 'week' | 'month';
  by: 'total' | 'agent' | 'team' | 'queue' | 'evaluator';
}

export const qualityKeys = {
  scorecards: ['quality', 'scorecards'] as const,
  evaluations: ['quality', 'evaluations'] as const,
  review: (id: string) => ['quality', 'review', id] as const,
  calibrations: ['quality', 'calibrations'] as const,
  calibration: (id: string) => ['quality', 'calibration', id] as const,
  report: (p: QualityReportParams) => ['quality', 'report', p] as const,
};

export const qualityApi = {
  scorecards: () =>
    request<{ items: Scorecard[] }>('GET', '/api/v1/quality/scorecards', {
      query: { includeInactive: 'true' },
    }),
  createScorecard: (body: ScorecardInput) =>
    request<Scorecard>('POST', '/api/v1/quality/scorecards', { body }),
  updateScorecard: (id: string, body: ScorecardInput) =>
    request<Scorecard>('PUT', `/api/v1/quality/scorecards/${id}`, { body }),
  review: (interactionId: string) => request<Review>('GET', `/api/v1/quality/interactions/${interactionId}`),
  evaluate: (body: {
    scorecardId: string;
    interactionId: string;
    answers: Answers;
    comment: string | null;
  }) => request<Evaluation>('POST', '/api/v1/quality/evaluations', { body }),
  evaluations: () => request<{ items: Evaluation[] }>('GET', '/api/v1/quality/evaluations'),
  acknowledge: (id: string) =>
    request<Evaluation>('POST', `/api/v1/quality/evaluations/${id}/acknowledge`, { body: {} }),
  dispute: (id: string, comment: string) =>
    request<Evaluation>('POST', `/api/v1/quality/evaluations/${id}/dispute`, { body: { comment } }),
  resolve: (id: string, resolution: string) =>
    request<Evaluation>('POST', `/api/v1/quality/evaluations/${id}/resolve`, { body: { resolution } }),
  calibrations: () => request<{ items: Calibration[] }>('GET', '/api/v1/quality/calibrations'),
  calibration: (id: string) => request<CalibrationDetail>('GET', `/api/v1/quality/calibrations/${id}`),
  openCalibration: (body: {
    title: string;
    scorecardId: string;
    interactionId: string;
    evaluatorIds: string[];
  }) => request<CalibrationDetail>('POST', '/api/v1/quality/calibrations', { body }),
  scoreCalibration: (id: string, answers: Answers, comment: string | null) =>
    request<CalibrationDetail>('POST', `/api/v1/quality/calibrations/${id}/scores`, {
      body: { answers, comment },
    }),
  closeCalibration: (id: string) =>
    request<CalibrationDetail>('POST', `/api/v1/quality/calibrations/${id}/close`, { body: {} }),
  report: (p: QualityReportParams) =>
    request<{ rows: QualityRow[]; totals: QualityRow[] }>('GET', '/api/v1/quality/report', {
      query: { ...p },
    }),
  csvUrl: (p: QualityReportParams) =>
    `/api/v1/quality/report?${new URLSearchParams({ ...p, format: 'csv' })}`,
};
