/** One tile per queue: live waiting and longest wait, today's service level, ASA and abandonment. */
import { Card, Group, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import type { Level, QueueTile } from './api.ts';
import { duration, percent } from './format.ts';
import { useSupervisorT } from './i18n.ts';

const COLOR: Record<Level, string> = {
  ok: 'inherit',
  amber: 'var(--mantine-color-yellow-7)',
  red: 'var(--mantine-color-red-7)',
};

function Figure({ label, value, level, big }: { label: string; value: string; level: Level; big: boolean }) {
  return (
    <Stack gap={0} data-level={level}>
      <Text size={big ? 'lg' : 'xs'} c="dimmed">
        {label}
      </Text>
      <Text fw={700} fz={big ? 48 : 24} style={{ color: COLOR[level] }}>
        {value}
      </Text>
    </Stack>
  );
}

export function QueueTiles({ queues, big }: { queues: QueueTile[]; big: boolean }) {
  const t = useSupervisorT();
  return (
    <SimpleGrid cols={{ base: 1, sm: 2, lg: big ? 2 : 3 }}>
      {queues.map((q) => {
        const worst: Level = Object.values(q.levels).includes('red')
          ? 'red'
          : Object.values(q.levels).includes('amber')
            ? 'amber'
            : 'ok';
        return (
          <Card
            key={q.queueId}
            withBorder
            data-testid={`queue-${q.queueId}`}
            data-level={worst}
            style={worst === 'ok' ? undefined : { borderColor: COLOR[worst], borderWidth: 3 }}
          >
            <Title order={big ? 2 : 4} mb="sm">
              {q.name}
            </Title>
            <Group gap="xl" align="flex-start">
              <Figure
                big={big}
                label={t('queue.waiting')}
                value={String(q.waiting)}
                level={q.levels.waiting}
              />
              <Figure
                big={big}
                label={t('queue.longestWait')}
                value={duration(q.longestWaitSeconds)}
                level={q.levels.longestWaitSeconds}
              />
              <Figure
                big={big}
                label={t('queue.serviceLevel')}
                value={percent(q.serviceLevel)}
                level={q.levels.serviceLevel}
              />
              <Figure
                big={big}
                label={t('queue.asa')}
                value={duration(q.asaSeconds)}
                level={q.levels.asaSeconds}
              />
              <Figure
                big={big}
                label={t('queue.abandonRate')}
                value={percent(q.abandonRate)}
                level={q.levels.abandonRate}
              />
            </Group>
            <Text size="sm" c="dimmed" mt="xs">
              {t('queue.offered')}: {q.offered} · {t('queue.answered')}: {q.answered}
            </Text>
          </Card>
        );
      })}
    </SimpleGrid>
  );
}
