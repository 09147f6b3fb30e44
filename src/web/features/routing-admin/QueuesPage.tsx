/** Admin › Queues: every queue with its policy at a glance and its live load, the editor, and the settings. */
import '@mantine/charts/styles.css';
import { BarChart } from '@mantine/charts';
import { Badge, Group, Paper, Stack, Table, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { EmptyState } from '../../ui/EmptyState.tsx';
import { NewButton } from '../../ui/NewButton.tsx';
import { PageHeader } from '../../ui/PageHeader.tsx';
import { LoadingLines, QueryView } from '../../ui/QueryView.tsx';
import { type Queue, type QueueStats, routingApi, routingKeys } from './api.ts';
import { useRoutingT } from './i18n.ts';
import { QueueFormModal } from './QueueFormModal.tsx';
import { SettingsCard } from './SettingsCard.tsx';

type Editing = { queue: Queue | null } | null;

export function QueuesPage() {
  const t = useRoutingT();
  const queues = useQuery({ queryKey: routingKeys.queues, queryFn: routingApi.queues });
  const settings = useQuery({ queryKey: routingKeys.settings, queryFn: routingApi.settings });
  // Live load for the chart; refreshed while the page is open.
  const stats = useQuery({ queryKey: routingKeys.stats, queryFn: routingApi.stats, refetchInterval: 10_000 });
  const [editing, setEditing] = useState<Editing>(null);

  return (
    <>
      <PageHeader
        title={t('queues.title')}
        description={t('queues.description')}
        actions={
          <NewButton
            label={t('queues.new')}
            hint={t('queues.shortcut')}
            onClick={() => setEditing({ queue: null })}
            testId="queue-new"
          />
        }
      />
      <Stack gap="lg">
        <QueryView
          query={queues}
          loading={<LoadingLines lines={5} />}
          isEmpty={(items) => items.length === 0}
          empty={<EmptyState testId="queues-empty" title={t('queues.emptyTitle')} text={t('queues.empty')} />}
        >
          {(items) => (
            <>
              <QueuesTable
                queues={items}
                stats={stats.data ?? []}
                onEdit={(queue) => setEditing({ queue })}
              />
              {stats.data && stats.data.length > 0 && <LoadChart stats={stats.data} />}
            </>
          )}
        </QueryView>
        <QueryView query={settings} loading={<LoadingLines lines={4} />}>
          {(data) => <SettingsCard settings={data} />}
        </QueryView>
      </Stack>
      {editing && (
        <QueueFormModal
          queue={editing.queue}
          queues={queues.data ?? []}
          skills={settings.data?.skills ?? []}
          onClose={() => setEditing(null)}
        />
      )}
    </>
  );
}

function QueuesTable({
  queues,
  stats,
  onEdit,
}: {
  queues: Queue[];
  stats: QueueStats[];
  onEdit: (queue: Queue) => void;
}) {
  const t = useRoutingT();
  return (
    <Paper withBorder radius="md">
      <Table highlightOnHover verticalSpacing="sm" data-testid="queues-table">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('queues.columns.queue')}</Table.Th>
            <Table.Th>{t('queues.columns.requirements')}</Table.Th>
            <Table.Th>{t('queues.columns.targets')}</Table.Th>
            <Table.Th>{t('queues.columns.selection')}</Table.Th>
            <Table.Th>{t('queues.columns.hours')}</Table.Th>
            <Table.Th>{t('queues.columns.now')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {queues.map((q) => {
            const live = stats.find((s) => s.queueId === q.key);
            return (
              <Table.Tr
                key={q.key}
                onClick={() => onEdit(q)}
                style={{ cursor: 'pointer' }}
                data-testid={`queue-row-${q.key}`}
              >
                <Table.Td>
                  <Text fw={500}>{q.name}</Text>
                  <Text size="xs" c="dimmed">
                    {q.key}
                  </Text>
                </Table.Td>
                <Table.Td>
                  {q.policy.requirements.length === 0
                    ? t('queues.anyone')
                    : q.policy.requirements.map((r) => `${r.skill} ≥ ${r.minProficiency}`).join(', ')}
                </Table.Td>
                <Table.Td>
                  {Object.entries(q.targets)
                    .map(
                      ([channel, target]) =>
                        `${t(channelKey(channel))} ${target.percent} % / ${target.seconds} s`,
                    )
                    .join(' · ')}
                </Table.Td>
                <Table.Td>{t(`form.selections.${q.policy.selection}`)}</Table.Td>
                <Table.Td>{t(`form.hoursModes.${q.hours === null ? 'always' : q.hours.calendar}`)}</Table.Td>
                <Table.Td>
                  <Group gap={6}>
                    {live && (
                      <Badge color={live.open ? 'green' : 'gray'} variant="light">
                        {live.open ? t('queues.open') : t('queues.closed')}
                      </Badge>
                    )}
                    <Text size="sm">{t('queues.waiting', { count: live?.waiting ?? 0 })}</Text>
                  </Group>
                </Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
    </Paper>
  );
}

function LoadChart({ stats }: { stats: QueueStats[] }) {
  const t = useRoutingT();
  return (
    <Paper withBorder radius="md" p="md" data-testid="queues-chart">
      <Text fw={500} mb="sm">
        {t('queues.chartTitle')}
      </Text>
      <BarChart
        h={220}
        data={stats.map((s) => ({ queue: s.name, waiting: s.waiting, offered: s.offered }))}
        dataKey="queue"
        type="stacked"
        series={[
          { name: 'waiting', label: t('queues.chartWaiting'), color: 'orange.6' },
          { name: 'offered', label: t('queues.chartOffered'), color: 'blue.6' },
        ]}
        withLegend
      />
    </Paper>
  );
}

const channelKey = (channel: string) =>
  `channels.${channel}` as Parameters<ReturnType<typeof useRoutingT>>[0];
