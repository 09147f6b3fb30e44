/** Every agent's state, time in it and current work, with the supervisor's actions. */
import { Badge, Button, Group, Table, Text } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type AgentTile, analyticsApi, analyticsKeys } from './api.ts';
import { duration } from './format.ts';
import { useSupervisorT } from './i18n.ts';

const STATUS_COLOR = {
  offline: 'gray',
  available: 'green',
  busy: 'blue',
  wrap_up: 'grape',
  not_ready: 'orange',
} as const;

export function AgentsTable({
  agents,
  names,
  onWatch,
}: {
  agents: AgentTile[];
  names: Map<string, string>;
  onWatch: (interactionId: string) => void;
}) {
  const t = useSupervisorT();
  const client = useQueryClient();
  const setState = useMutation({
    mutationFn: (v: { agentId: string; state: 'available' | 'offline' }) =>
      analyticsApi.setAgentState(v.agentId, v.state),
    onSettled: () => client.invalidateQueries({ queryKey: analyticsKeys.wallboard }),
  });
  if (agents.length === 0) return <Text c="dimmed">{t('agents.empty')}</Text>;
  return (
    <Table striped highlightOnHover>
      <Table.Thead>
        <Table.Tr>
          <Table.Th>{t('agents.agent')}</Table.Th>
          <Table.Th>{t('agents.state')}</Table.Th>
          <Table.Th>{t('agents.since')}</Table.Th>
          <Table.Th>{t('agents.work')}</Table.Th>
          <Table.Th>{t('agents.actions')}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {agents.map((a) => (
          <Table.Tr key={a.agentId} data-testid={`agent-${a.agentId}`}>
            <Table.Td>{names.get(a.agentId) ?? a.agentId.slice(0, 8)}</Table.Td>
            <Table.Td>
              <Badge color={STATUS_COLOR[a.status]}>{t(`status.${a.status}`)}</Badge>
              {a.reason && a.status === 'not_ready' ? ` ${a.reason}` : ''}
            </Table.Td>
            <Table.Td>{duration(a.sinceSeconds)}</Table.Td>
            <Table.Td>
              <Group gap={4}>
                {a.interactions.map((i) => (
                  <Button key={i.id} size="compact-xs" variant="light" onClick={() => onWatch(i.id)}>
                    {i.channel} · {t('agents.watch')}
                  </Button>
                ))}
              </Group>
            </Table.Td>
            <Table.Td>
              <Group gap={4}>
                {a.status !== 'available' && (
                  <Button
                    size="compact-xs"
                    variant="default"
                    onClick={() => setState.mutate({ agentId: a.agentId, state: 'available' })}
                  >
                    {t('agents.makeAvailable')}
                  </Button>
                )}
                {a.status !== 'offline' && (
                  <Button
                    size="compact-xs"
                    variant="default"
                    color="red"
                    onClick={() => setState.mutate({ agentId: a.agentId, state: 'offline' })}
                  >
                    {t('agents.makeOffline')}
                  </Button>
                )}
              </Group>
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}
