import { describe, expect, it } from 'vitest';
import { queryKeys } from '../api/endpoints.ts';
import { staleKeysFor } from './invalidation.ts';

describe('staleKeysFor', () => {
  it('refreshes roles, the session and the audit log when a role changes', () => {
    expect(staleKeysFor({ type: 'security.role_changed', subject: 'security' })).toEqual([
      queryKeys.roles,
      queryKeys.me,
      queryKeys.audit,
    ]);
  });

  it('refreshes the token list when a token is revoked', () => {
    expect(staleKeysFor({ type: 'security.api_token_revoked', subject: 'security' })).toContain(
      queryKeys.apiTokens,
    );
  });

  it('refreshes the workspace when its settings change', () => {
    expect(staleKeysFor({ type: 'workspace.updated', subject: 'workspace' })).toEqual([
      queryKeys.workspace,
      queryKeys.me,
    ]);
  });

  it('refreshes adherence when an agent changes state, and schedules when a roster changes', () => {
    expect(staleKeysFor({ type: 'agent.status_changed', subject: 'agent' })).toContainEqual([
      'workforce',
      'adherence',
    ]);
    expect(staleKeysFor({ type: 'wfm.roster_edited', subject: 'wfm_roster' })).toContainEqual([
      'workforce',
      'my-schedule',
    ]);
  });

  it('leaves everything alone for events it does not know', () => {
    expect(staleKeysFor({ type: 'invoice.paid', subject: 'invoice' })).toEqual([]);
  });

  it('refreshes the wallboard and reports when live work changes', () => {
    expect(staleKeysFor({ type: 'interaction.queued', subject: 'interaction' })).toEqual([['analytics']]);
    expect(staleKeysFor({ type: 'agent.status_changed', subject: 'agent' })).toContainEqual(['analytics']);
  });
});
