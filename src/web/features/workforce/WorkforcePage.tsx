/**
 * Workforce home. Planners see the stored history (import it, or build it from the event log), start a
 * plan from a series and open the plans; agents see the published plans.
 */
import {
  Anchor,
  Badge,
  Button,
  Card,
  EmptyState,
  Group,
  SegmentedControl,
  SimpleGrid,
  Stack,
  Table,
  Text,
  Title,
} from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link } from 'react-router';
import { NoAccessPage } from '../../shell/RequirePermission.tsx';
import { ErrorAlert } from '../../ui/ErrorAlert.tsx';
import { Icon } from '../../ui/icons.tsx';
import { PageHeader } from '../../ui/PageHeader.tsx';
import { QueryView } from '../../ui/QueryView.tsx';
import { useCan } from '../auth/session.tsx';
import { type IntervalMinutes, type Series, workforceApi, workforceKeys } from './api.ts';
import { ImportCard } from './ImportCard.tsx';
import { methodLabel, useWorkforceT } from './i18n.ts';
import { NewPlanCard } from './NewPlanCard.tsx';
import { ScheduleLinks } from './ScheduleLinks.tsx';
import { formatSlot } from './time.ts';

export function WorkforcePage() {
  const t = useWorkforceT();
  const can = useCan();
  if (!can('wfm.read')) return <NoAccessPage />;
  const manage = can('wfm.manage');
  return (
    <>
      <PageHeader
        title={t('title')}
        description={t(manage ? 'description' : 'agentDescription')}
        actions={<ScheduleLinks manage={manage} />}
      />
      <Stack gap="lg">
        {manage && <SeriesCard />}
        {manage && (
          <SimpleGrid cols={{ base: 1, md: 2 }} spacing="lg">
            <ImportCard />
            <NewPlanCard />
          </SimpleGrid>
        )}
        <PlansCard manage={manage} />
      </Stack>
    </>
  );
}

function SeriesCard() {
  const t = useWorkforceT();
  const queryClient = useQueryClient();
  const query = useQuery({ queryKey: workforceKeys.series, queryFn: workforceApi.series });
  const [interval, setInterval] = useState<IntervalMinutes>(30);
  const rebuild = useMutation({
    mutationFn: () => workforceApi.rebuild(interval),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: workforceKeys.series }),
  });
  return (
    <Card withBorder radius="md" padding="md">
      <Group justify="space-between" mb="sm">
        <Title order={4}>{t('series.title')}</Title>
        <Group gap="xs">
          <SegmentedControl
            size="xs"
            aria-label={t('series.interval')}
            value={String(interval)}
            onChange={(v) => setInterval(Number(v) as IntervalMinutes)}
            data={['15', '30', '60'].map((m) => ({ value: m, label: t('series.minutes', { minutes: m }) }))}
          />
          <Button
            size="xs"
            variant="light"
            loading={rebuild.isPending}
            onClick={() => rebuild.mutate()}
            data-testid="rebuild-history"
          >
            {t('rebuild.submit')}
          </Button>
        </Group>
      </Group>
      {rebuild.error && <ErrorAlert error={rebuild.error} />}
      {rebuild.data && (
        <Text size="sm" c="teal" mb="sm" role="status">
          {t('rebuild.done', { intervals: rebuild.data.intervals, contacts: rebuild.data.contacts })}
        </Text>
      )}
      <QueryView
        query={query}
        isEmpty={(data) => data.items.length === 0}
        empty={
          <EmptyState
            icon={<Icon name="workforce" size={28} />}
            withIndicatorBackground
            title={t('series.title')}
            description={t('series.empty')}
            data-testid="series-empty"
          />
        }
      >
        {(data) => <SeriesTable items={data.items} />}
      </QueryView>
    </Card>
  );
}

function SeriesTable({ items }: { items: Series[] }) {
  const t = useWorkforceT();
  return (
    <Table.ScrollContainer minWidth={640}>
      <Table striped data-testid="series-table">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('series.queue')}</Table.Th>
            <Table.Th>{t('series.channel')}</Table.Th>
            <Table.Th>{t('series.interval')}</Table.Th>
            <Table.Th ta="right">{t('series.intervals')}</Table.Th>
            <Table.Th ta="right">{t('series.volume')}</Table.Th>
            <Table.Th>{t('series.range')}</Table.Th>
            <Table.Th>{t('series.sources')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {items.map((s) => (
            <Table.Tr key={`${s.queueKey}/${s.channel}/${s.intervalMinutes}`}>
              <Table.Td>{s.queueKey}</Table.Td>
              <Table.Td>{s.channel}</Table.Td>
              <Table.Td>{t('series.minutes', { minutes: s.intervalMinutes })}</Table.Td>
              <Table.Td ta="right">{s.intervals.toLocaleString()}</Table.Td>
              <Table.Td ta="right">{Math.round(s.volume).toLocaleString()}</Table.Td>
              <Table.Td>
                {formatSlot(s.first)} – {formatSlot(s.last)}
              </Table.Td>
              <Table.Td>
                {s.sources.map((source) => (
                  <Badge key={source} variant="light" mr={4}>
                    {source === 'events' ? t('series.source.events') : t('series.source.import')}
                  </Badge>
                ))}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

function PlansCard({ manage }: { manage: boolean }) {
  const t = useWorkforceT();
  const query = useQuery({ queryKey: workforceKeys.plans, queryFn: workforceApi.plans });
  return (
    <Card withBorder radius="md" padding="md">
      <Title order={4} mb="sm">
        {t('plans.title')}
      </Title>
      <QueryView
        query={query}
        isEmpty={(data) => data.items.length === 0}
        empty={
          <Text c="dimmed" data-testid="plans-empty">
            {t(manage ? 'plans.empty' : 'plans.emptyAgent')}
          </Text>
        }
      >
        {(data) => (
          <Table.ScrollContainer minWidth={560}>
            <Table striped highlightOnHover data-testid="plans-table">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('plans.name')}</Table.Th>
                  <Table.Th>{t('series.queue')}</Table.Th>
                  <Table.Th>{t('plans.method')}</Table.Th>
                  <Table.Th>{t('plans.status')}</Table.Th>
                  <Table.Th>{t('plans.created')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {data.items.map((p) => (
                  <Table.Tr key={p.id}>
                    <Table.Td>
                      <Anchor component={Link} to={`/workforce/plans/${p.id}`}>
                        {p.name}
                      </Anchor>
                    </Table.Td>
                    <Table.Td>
                      {p.queueKey} · {p.channel} · {t('series.minutes', { minutes: p.intervalMinutes })}
                    </Table.Td>
                    <Table.Td>{methodLabel(t, p.method)}</Table.Td>
                    <Table.Td>
                      <Badge color={p.status === 'published' ? 'teal' : 'gray'} variant="light">
                        {t(p.status === 'published' ? 'status.published' : 'status.draft')}
                      </Badge>
                    </Table.Td>
                    <Table.Td>{new Date(p.createdAt).toLocaleString()}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </QueryView>
    </Card>
  );
}
