/** Which cached answers an event makes stale, judged by its subject and type. */
import { queryKeys } from '../api/endpoints.ts';
import type { DomainEvent } from '../api/types.ts';

type Key = readonly unknown[];

const ANALYTICS: Key = ['analytics'];
const ADHERENCE: Key = ['workforce', 'adherence'];
const SCHEDULES: Key[] = [
  ['workforce', 'my-schedule'],
  ['workforce', 'time-off'],
  ['workforce', 'roster'],
];

/**
 * The query keys to refetch after an event.
 * @example staleKeysFor({ type: 'security.role_changed', subject: 'security', … }) // roles, me, audit
 */
export function staleKeysFor(event: Pick<DomainEvent, 'type' | 'subject'>): Key[] {
  const text = `${event.subject} ${event.type}`;
  const keys: Key[] = [];
  if (/\buser|user_/.test(text)) keys.push(queryKeys.users, queryKeys.me);
  // A role's permissions decide the navigation, so the session is refreshed too.
  if (/role/.test(text)) keys.push(queryKeys.roles, queryKeys.me);
  if (/api_token/.test(text)) keys.push(queryKeys.apiTokens);
  if (/workspace/.test(text)) keys.push(queryKeys.workspace, queryKeys.me);
  if (/security/.test(text)) keys.push(queryKeys.audit);
  // Live work changes the wallboard and today's figures.
  if (/interaction|agent|routing|csat/.test(text)) keys.push(ANALYTICS);
  // An agent's state moves adherence; a roster or a day off changes schedules.
  if (/agent\.status/.test(text)) keys.push(ADHERENCE);
  if (/wfm_roster|wfm_time_off/.test(text)) keys.push(...SCHEDULES, ADHERENCE);
  return keys.filter((key, index) => keys.indexOf(key) === index);
}
