/**
 * Agents' rostering profiles: the queues they work, their contract, their availability by weekday and
 * their preferences (a start window, days they would rather have off).
 */
import {
  Button,
  Card,
  Group,
  NumberInput,
  Select,
  Stack,
  Table,
  TagsInput,
  Text,
  Title,
} from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { users } from '../../api/endpoints.ts';
import { ErrorAlert } from '../../ui/ErrorAlert.tsx';
import { QueryView } from '../../ui/QueryView.tsx';
import { TimeField, WEEKDAYS, WeekdayChips } from './fields.tsx';
import { type AgentProfile, scheduleApi, scheduleKeys, type Window } from './schedule-api.ts';
import { useScheduleT } from './schedule-i18n.ts';

const toTime = (m: number) =>
  `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;
const toMinutes = (s: string) => {
  const [h = '0', m = '0'] = s.split(':');
  return Number(h) * 60 + Number(m);
};

export function AgentsCard({ queueKey, onChange }: { queueKey: string; onChange: () => void }) {
  const t = useScheduleT();
  const queryClient = useQueryClient();
  const query = useQuery({ queryKey: scheduleKeys.agents, queryFn: scheduleApi.agents });
  const people = useQuery({ queryKey: ['users', 'wfm'], queryFn: () => users.list({ limit: 200 }) });
  const [userId, setUserId] = useState<string | null>(null);
  const [queues, setQueues] = useState<string[]>([queueKey]);
  const [hours, setHours] = useState<number | string>(40);
  const [maxDays, setMaxDays] = useState<number | string>(5);
  const [days, setDays] = useState<string[]>(['d0', 'd1', 'd2', 'd3', 'd4']);
  const [from, setFrom] = useState('07:00');
  const [to, setTo] = useState('19:00');
  const [preferFrom, setPreferFrom] = useState('');
  const [preferTo, setPreferTo] = useState('');
  const [preferOff, setPreferOff] = useState<string[]>([]);
  const load = (a: AgentProfile) => {
    setUserId(a.userId);
    setQueues(a.queues);
    setHours(a.contractMinutes / 60);
    setMaxDays(a.maxDays);
    setDays(WEEKDAYS.filter((_, i) => a.availability[i]));
    const w = a.availability.find((x) => x) ?? [420, 1140];
    setFrom(toTime(w[0]));
    // A time field cannot say 24:00: midnight as the end means the day's end.
    setTo(w[1] >= 1440 ? '00:00' : toTime(w[1]));
    setPreferFrom(a.preferences.start ? toTime(a.preferences.start[0]) : '');
    setPreferTo(a.preferences.start ? toTime(a.preferences.start[1]) : '');
    setPreferOff(a.preferences.daysOff.map((d) => WEEKDAYS[d]!));
  };
  const done = async () => {
    await queryClient.invalidateQueries({ queryKey: scheduleKeys.agents });
    onChange();
  };
  const save = useMutation({
    mutationFn: () => {
      const window: Window = [toMinutes(from), toMinutes(to) || 1440];
      return scheduleApi.saveAgent(userId ?? '', {
        queues,
        contractMinutes: Math.round(Number(hours) * 60),
        maxDays: Number(maxDays),
        availability: WEEKDAYS.map((d) => (days.includes(d) ? window : null)),
        preferences: {
          // One end alone leaves the other open: from it to the day's last quarter hour, or from midnight.
          start:
            preferFrom || preferTo
              ? [preferFrom ? toMinutes(preferFrom) : 0, preferTo ? toMinutes(preferTo) : 1425]
              : null,
          daysOff: WEEKDAYS.flatMap((d, i) => (preferOff.includes(d) ? [i] : [])),
        },
      });
    },
    onSuccess: done,
  });
  const remove = useMutation({ mutationFn: scheduleApi.removeAgent, onSuccess: done });
  const summary = (a: AgentProfile) =>
    a.availability
      .map((w, i) => (w ? `${t(`agents.weekdays.${WEEKDAYS[i]!}`)} ${toTime(w[0])}–${toTime(w[1])}` : null))
      .filter(Boolean)
      .join(', ');
  const wishes = ({ preferences: p }: AgentProfile) =>
    [
      p.start && t('agents.preferStart', { from: toTime(p.start[0]), to: toTime(p.start[1]) }),
      p.daysOff.length > 0 &&
        t('agents.preferDaysOff', {
          days: p.daysOff.map((d) => t(`agents.weekdays.${WEEKDAYS[d]!}`)).join(', '),
        }),
    ]
      .filter(Boolean)
      .join(' · ') || '—';
  return (
    <Card withBorder radius="md" padding="md" data-testid="agents-card">
      <Title order={4} mb="sm">
        {t('agents.title')}
      </Title>
      <Stack gap="sm">
        <QueryView
          query={query}
          isEmpty={(r) => r.items.length === 0}
          empty={
            <Text c="dimmed" size="sm" data-testid="agents-empty">
              {t('agents.empty')}
            </Text>
          }
        >
          {(r) => (
            <Table striped data-testid="agents-table">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('agents.user')}</Table.Th>
                  <Table.Th>{t('agents.queues')}</Table.Th>
                  <Table.Th>{t('agents.contract')}</Table.Th>
                  <Table.Th>{t('agents.maxDays')}</Table.Th>
                  <Table.Th>{t('agents.days')}</Table.Th>
                  <Table.Th>{t('agents.preferences')}</Table.Th>
                  <Table.Th />
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {r.items.map((a) => (
                  <Table.Tr key={a.userId}>
                    <Table.Td>
                      <Button variant="subtle" size="compact-sm" onClick={() => load(a)}>
                        {a.name}
                      </Button>
                    </Table.Td>
                    <Table.Td>{a.queues.join(', ')}</Table.Td>
                    <Table.Td>{a.contractMinutes / 60}</Table.Td>
                    <Table.Td>{a.maxDays}</Table.Td>
                    <Table.Td>
                      <Text size="xs">{summary(a)}</Text>
                    </Table.Td>
                    <Table.Td>
                      <Text size="xs">{wishes(a)}</Text>
                    </Table.Td>
                    <Table.Td>
                      <Button
                        size="compact-xs"
                        variant="default"
                        color="red"
                        onClick={() => remove.mutate(a.userId)}
                      >
                        {t('agents.remove')}
                      </Button>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          )}
        </QueryView>
        <Group align="flex-end" gap="sm">
          <Select
            label={t('agents.user')}
            searchable
            value={userId}
            onChange={setUserId}
            data={(people.data?.items ?? []).map((u) => ({ value: u.id, label: u.name }))}
            data-testid="agent-user"
            w={220}
          />
          <TagsInput label={t('agents.queues')} value={queues} onChange={setQueues} w={200} />
          <NumberInput
            label={t('agents.contract')}
            value={hours}
            onChange={setHours}
            min={0}
            max={168}
            w={120}
          />
          <NumberInput
            label={t('agents.maxDays')}
            value={maxDays}
            onChange={setMaxDays}
            min={0}
            max={7}
            w={110}
          />
        </Group>
        <Group align="flex-end" gap="sm">
          <WeekdayChips label={t('agents.days')} value={days} onChange={setDays} testId="agent-days" />
          <TimeField label={t('agents.from')} value={from} onChange={setFrom} />
          <TimeField label={t('agents.to')} value={to} onChange={setTo} />
        </Group>
        <Group align="flex-end" gap="sm">
          <WeekdayChips
            label={t('agents.preferOff')}
            value={preferOff}
            onChange={setPreferOff}
            testId="agent-prefer-off"
            color="grape"
          />
          <TimeField
            label={t('agents.preferFrom')}
            value={preferFrom}
            onChange={setPreferFrom}
            testId="agent-prefer-from"
          />
          <TimeField
            label={t('agents.preferTo')}
            value={preferTo}
            onChange={setPreferTo}
            testId="agent-prefer-to"
          />
          <Button
            disabled={!userId}
            loading={save.isPending}
            onClick={() => save.mutate()}
            data-testid="agent-save"
          >
            {t('agents.save')}
          </Button>
        </Group>
        {save.isSuccess && (
          <Text size="sm" c="teal" role="status">
            {t('agents.saved')}
          </Text>
        )}
        {[save.error, remove.error, people.error].map(
          // biome-ignore lint/suspicious/noArrayIndexKey: fixed slots
          (e, i) => e && <ErrorAlert key={i} error={e} />,
        )}
      </Stack>
    </Card>
  );
}
