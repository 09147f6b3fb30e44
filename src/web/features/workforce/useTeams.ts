/**
 * Agents' teams, from their routing profiles, for showing a schedule team by team. Only for those who may
 * read routing profiles; for anyone else there are no teams and nothing is filtered.
 */
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useCan } from '../auth/session.tsx';
import { routingApi, routingKeys } from '../routing-admin/api.ts';

export function useTeams() {
  const can = useCan();
  const profiles = useQuery({
    queryKey: routingKeys.profiles,
    queryFn: routingApi.profiles,
    enabled: can('routing.manage'),
  });
  const [team, setTeam] = useState<string | null>(null);
  const teamsOf = new Map((profiles.data ?? []).map((p) => [p.userId, p.teams]));
  const teams = [...new Set((profiles.data ?? []).flatMap((p) => p.teams))].sort();
  /** Whether an agent is shown: every agent without a chosen team, else the team's members. */
  const inTeam = (agentId: string) => team === null || (teamsOf.get(agentId) ?? []).includes(team);
  return { teams, team, setTeam, inTeam };
}
