/**
 * The supervisor's live wallboard. The realtime hub invalidates the snapshot on every interaction,
 * agent or survey event, so the screen follows the center within the time of one fetch; `b` (or the
 * button) switches to big-screen mode for a TV, Esc leaves it. A queue turning red raises an alert.
 */
import { Alert, Badge, Box, Button, Card, Group, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useHotkeys } from '@mantine/hooks';
import { useQuery } from '@tanstack/react-query';
import { useEffect, useMemo, useRef, useState } from 'react';
import { Link } from 'react-router';
import { users } from '../../api/endpoints.ts';
import { PageHeader } from '../../ui/PageHeader.tsx';
import { QueryView } from '../../ui/QueryView.tsx';
import { AgentsTable } from './AgentsTable.tsx';
import { analyticsApi, analyticsKeys, type QueueTile } from './api.ts';
import { newlyRed } from './format.ts';
import { useSupervisorT } from './i18n.ts';
import { QueueTiles } from './QueueTiles.tsx';
import { WatchDrawer } from './WatchDrawer.tsx';

export function WallboardPage() {
  const t = useSupervisorT();
  const [big, setBig] = useState(false);
  const [watching, setWatching] = useState<string | null>(null);
  const [alerts, setAlerts] = useState<{ id: number; queue: string }[]>([]);
  const alertId = useRef(0);
  // The hub refreshes it on events; the interval keeps clocks (time in state, longest wait) moving.
  const board = useQuery({
    queryKey: analyticsKeys.wallboard,
    queryFn: analyticsApi.wallboard,
    refetchInterval: 5000,
  });
  const people = useQuery({ queryKey: ['users', 'all'], queryFn: () => users.list({ limit: 200 }) });
  const names = useMemo(() => new Map((people.data?.items ?? []).map((u) => [u.id, u.name])), [people.data]);
  const previous = useRef<QueueTile[] | undefined>(undefined);

  useEffect(() => {
    if (!board.data) return;
    const red = newlyRed(previous.current, board.data.queues);
    previous.current = board.data.queues;
    if (red.length > 0)
      setAlerts((a) => [...red.map((q) => ({ id: ++alertId.current, queue: q.name })), ...a].slice(0, 5));
  }, [board.data]);

  useHotkeys([
    ['b', () => setBig((v) => !v)],
    ['Escape', () => setBig(false)],
  ]);

  const content = (
    <QueryView
      query={board}
      isEmpty={(d) => d.queues.length === 0}
      empty={<Text c="dimmed">{t('wallboard.empty')}</Text>}
    >
      {(data) => (
        <Stack gap="lg">
          {alerts.map((alert) => (
            <Alert
              key={alert.id}
              color="red"
              role="alert"
              withCloseButton
              onClose={() => setAlerts((a) => a.filter((x) => x.id !== alert.id))}
            >
              {t('wallboard.alert', { queue: alert.queue })}
            </Alert>
          ))}
          <SimpleGrid cols={{ base: 2, sm: 4 }}>
            {(
              [
                ['agents.available', data.agentCounts.available, 'green'],
                ['agents.busy', data.agentCounts.busy, 'blue'],
                ['agents.wrapUp', data.agentCounts.wrapUp, 'grape'],
                ['agents.notReady', data.agentCounts.notReady, 'orange'],
              ] as const
            ).map(([key, value, color]) => (
              <Card key={key} withBorder>
                <Text size={big ? 'lg' : 'xs'} c="dimmed">
                  {t(key)}
                </Text>
                <Text fw={700} fz={big ? 56 : 28} c={color}>
                  {value}
                </Text>
              </Card>
            ))}
          </SimpleGrid>
          <QueueTiles queues={data.queues} big={big} />
          {!big && (
            <Stack gap="xs">
              <Title order={3}>{t('agents.title')}</Title>
              <AgentsTable agents={data.agents} names={names} onWatch={setWatching} />
            </Stack>
          )}
        </Stack>
      )}
    </QueryView>
  );

  if (big) {
    return (
      <Box
        data-testid="big-screen"
        style={{
          position: 'fixed',
          inset: 0,
          zIndex: 300,
          overflow: 'auto',
          background: 'var(--mantine-color-body)',
        }}
        p="xl"
      >
        <Group justify="space-between" mb="lg">
          <Title order={1}>{t('wallboard.title')}</Title>
          <Button variant="default" onClick={() => setBig(false)}>
            {t('wallboard.exitBigScreen')}
          </Button>
        </Group>
        {content}
      </Box>
    );
  }
  return (
    <>
      <PageHeader
        title={t('wallboard.title')}
        description={t('wallboard.description')}
        actions={
          <>
            <Badge color="green" variant="dot">
              {t('wallboard.live')}
            </Badge>
            <Button variant="default" component={Link} to="/quality">
              {t('wallboard.quality')}
            </Button>
            <Button variant="default" onClick={() => setBig(true)} title={t('wallboard.shortcutHint')}>
              {t('wallboard.bigScreen')}
            </Button>
          </>
        }
      />
      {content}
      <WatchDrawer interactionId={watching} onClose={() => setWatching(null)} />
    </>
  );
}
