/** Days off asked for: supervisors approve or deny; rostering keeps the approved ones. */
import { Badge, Button, Card, Group, Table, Text, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { ErrorAlert } from '../../ui/ErrorAlert.tsx';
import { QueryView } from '../../ui/QueryView.tsx';
import { scheduleApi, scheduleKeys, type TimeOff } from './schedule-api.ts';
import { useScheduleT } from './schedule-i18n.ts';

export const STATUS_COLOR: Record<TimeOff['status'], string> = {
  requested: 'blue',
  approved: 'teal',
  denied: 'gray',
};

export function TimeOffCard({ from, onChange }: { from: string; onChange: () => void }) {
  const t = useScheduleT();
  const queryClient = useQueryClient();
  const query = useQuery({
    queryKey: [...scheduleKeys.timeOff, from],
    queryFn: () => scheduleApi.timeOff(from),
  });
  const decide = useMutation({
    mutationFn: ({ id, status }: { id: string; status: 'approved' | 'denied' }) =>
      scheduleApi.decide(id, status),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: scheduleKeys.timeOff });
      onChange();
    },
  });
  return (
    <Card withBorder radius="md" padding="md" data-testid="time-off-card">
      <Title order={4} mb="sm">
        {t('timeOff.title')}
      </Title>
      {decide.error && <ErrorAlert error={decide.error} />}
      <QueryView
        query={query}
        isEmpty={(r) => r.items.length === 0}
        empty={
          <Text c="dimmed" size="sm">
            {t('timeOff.empty')}
          </Text>
        }
      >
        {(r) => (
          <Table data-testid="time-off-table">
            <Table.Tbody>
              {r.items.map((x) => (
                <Table.Tr key={x.id}>
                  <Table.Td>{x.name}</Table.Td>
                  <Table.Td>{x.day}</Table.Td>
                  <Table.Td>{x.note}</Table.Td>
                  <Table.Td>
                    <Badge variant="light" color={STATUS_COLOR[x.status]}>
                      {t(`timeOff.${x.status}`)}
                    </Badge>
                  </Table.Td>
                  <Table.Td>
                    {x.status === 'requested' && (
                      <Group gap={4}>
                        <Button
                          size="compact-xs"
                          onClick={() => decide.mutate({ id: x.id, status: 'approved' })}
                        >
                          {t('timeOff.approve')}
                        </Button>
                        <Button
                          size="compact-xs"
                          variant="default"
                          onClick={() => decide.mutate({ id: x.id, status: 'denied' })}
                        >
                          {t('timeOff.deny')}
                        </Button>
                      </Group>
                    )}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
      </QueryView>
    </Card>
  );
}
