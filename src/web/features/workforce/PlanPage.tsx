/**
 * One plan: the forecast with its prediction interval against actuals, the agents per interval as a
 * chart and a table where planners adjust a draft (Ctrl+S saves), and publish it.
 */
import {
  Badge,
  Button,
  Card,
  Group,
  NumberInput,
  SegmentedControl,
  Stack,
  Table,
  Text,
  Title,
} from '@mantine/core';
import { useHotkeys } from '@mantine/hooks';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { NoAccessPage } from '../../shell/RequirePermission.tsx';
import { ErrorAlert } from '../../ui/ErrorAlert.tsx';
import { PageHeader } from '../../ui/PageHeader.tsx';
import { QueryView } from '../../ui/QueryView.tsx';
import { useCan } from '../auth/session.tsx';
import { AccuracyTable } from './AccuracyTable.tsx';
import { type Plan, type PlanInterval, workforceApi, workforceKeys } from './api.ts';
import { ForecastChart, StaffingChart } from './charts.tsx';
import { IntradayCard } from './IntradayCard.tsx';
import { useWorkforceT } from './i18n.ts';
import { RosterLink } from './ScheduleLinks.tsx';
import { SimulationCard } from './SimulationCard.tsx';
import { dayLabel, dayOf, timeOf } from './time.ts';

export function PlanPage() {
  const { id = '' } = useParams();
  const can = useCan();
  const query = useQuery({ queryKey: workforceKeys.plan(id), queryFn: () => workforceApi.plan(id) });
  if (!can('wfm.read')) return <NoAccessPage />;
  return <QueryView query={query}>{(plan) => <PlanView plan={plan} manage={can('wfm.manage')} />}</QueryView>;
}

function PlanView({ plan, manage }: { plan: Plan; manage: boolean }) {
  const t = useWorkforceT();
  const { i18n } = useTranslation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const days = useMemo(() => [...new Set(plan.intervals.map((p) => dayOf(p.start)))], [plan.intervals]);
  const [day, setDay] = useState<string>(days[0] ?? 'all');
  const [edits, setEdits] = useState<Map<string, number | null>>(new Map());
  const editable = manage && plan.status === 'draft';
  const shown = day === 'all' ? plan.intervals : plan.intervals.filter((p) => dayOf(p.start) === day);
  const planned = (p: PlanInterval) => {
    const edit = edits.get(p.start);
    return edit !== undefined ? (edit ?? p.requiredScheduled) : (p.adjustedScheduled ?? p.requiredScheduled);
  };
  const refresh = (next: Plan) => {
    queryClient.setQueryData(workforceKeys.plan(plan.id), next);
    return queryClient.invalidateQueries({ queryKey: workforceKeys.plans });
  };
  const save = useMutation({
    mutationFn: () =>
      workforceApi.adjust(
        plan.id,
        [...edits].map(([start, scheduledAgents]) => ({ start, scheduledAgents })),
      ),
    onSuccess: async (next) => {
      setEdits(new Map());
      await refresh(next);
    },
  });
  const publish = useMutation({ mutationFn: () => workforceApi.publish(plan.id), onSuccess: refresh });
  const remove = useMutation({
    mutationFn: () => workforceApi.remove(plan.id),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: workforceKeys.plans });
      navigate('/workforce');
    },
  });
  const dirty = edits.size > 0;
  useHotkeys([['mod+s', () => editable && dirty && !save.isPending && save.mutate()]], []);
  const s = plan.settings;
  return (
    <>
      <PageHeader
        title={plan.name}
        description={`${plan.queueKey} · ${plan.channel} · ${t('series.minutes', { minutes: plan.intervalMinutes })}`}
        actions={
          <>
            <Button component={Link} to="/workforce" variant="subtle">
              {t('plan.back')}
            </Button>
            {manage && s.work === 'queue' && <RosterLink planId={plan.id} />}
            {editable && (
              <>
                <Button
                  variant="default"
                  color="red"
                  onClick={() => remove.mutate()}
                  loading={remove.isPending}
                >
                  {t('plan.delete')}
                </Button>
                <Button
                  variant="light"
                  disabled={!dirty}
                  loading={save.isPending}
                  onClick={() => save.mutate()}
                  title={t('plan.saveHint')}
                  data-testid="save-adjustments"
                >
                  {t('plan.save')}
                </Button>
                <Button
                  disabled={dirty}
                  loading={publish.isPending}
                  onClick={() => publish.mutate()}
                  data-testid="publish-plan"
                >
                  {t('plan.publish')}
                </Button>
              </>
            )}
          </>
        }
      />
      <Stack gap="lg">
        <Group gap="sm">
          <Badge
            color={plan.status === 'published' ? 'teal' : 'gray'}
            variant="light"
            data-testid="plan-status"
          >
            {t(plan.status === 'published' ? 'status.published' : 'status.draft')}
          </Badge>
          <Text size="sm" c="dimmed">
            {s.work === 'deferrable'
              ? t('plan.deferrable')
              : t('plan.target', {
                  percent: Math.round(s.serviceLevel * 100),
                  seconds: s.targetSeconds,
                  shrinkage: Math.round(s.shrinkage * 100),
                })}
          </Text>
          {plan.publishedAt && (
            <Text size="sm" c="dimmed">
              {t('plan.published', { date: new Date(plan.publishedAt).toLocaleString(i18n.language) })}{' '}
              {manage && t('plan.publishedHint')}
            </Text>
          )}
        </Group>
        {[save.error, publish.error, remove.error].map(
          (error, i) =>
            // biome-ignore lint/suspicious/noArrayIndexKey: three fixed slots
            error && <ErrorAlert key={i} error={error} />,
        )}
        {save.isSuccess && !dirty && (
          <Text size="sm" c="teal" role="status">
            {t('plan.saved')}
          </Text>
        )}
        {plan.intervals.length === 0 ? (
          <Text c="dimmed">{t('plan.empty')}</Text>
        ) : (
          <>
            {manage && plan.status === 'published' && s.work === 'queue' && <IntradayCard planId={plan.id} />}
            <SegmentedControl
              aria-label={t('plan.day')}
              value={day}
              onChange={setDay}
              data={[
                ...days.map((d) => ({ value: d, label: dayLabel(d, i18n.language) })),
                { value: 'all', label: t('plan.allDays') },
              ]}
              data-testid="plan-days"
            />
            <Card withBorder radius="md" padding="md">
              <Title order={4}>{t('plan.forecastTitle')}</Title>
              <Text size="xs" c="dimmed" mb="sm">
                {t('plan.forecastHelp', { level: 80 })}
              </Text>
              <ForecastChart intervals={shown} oneDay={day !== 'all'} />
            </Card>
            <Card withBorder radius="md" padding="md">
              <Title order={4} mb="sm">
                {t('plan.staffingTitle')}
              </Title>
              <StaffingChart intervals={shown} oneDay={day !== 'all'} planned={planned} />
            </Card>
            {manage && s.work === 'queue' && day !== 'all' && (
              <SimulationCard planId={plan.id} day={day} target={s.serviceLevel} />
            )}
            <Card withBorder radius="md" padding="md">
              <IntervalTable
                intervals={shown}
                editable={editable}
                planned={planned}
                onEdit={(start, value) => setEdits((m) => new Map(m).set(start, value))}
                showDay={day === 'all'}
              />
            </Card>
          </>
        )}
        <AccuracyTable accuracy={plan.accuracy} chosen={plan.method} />
      </Stack>
    </>
  );
}

function IntervalTable({
  intervals,
  editable,
  planned,
  onEdit,
  showDay,
}: {
  intervals: PlanInterval[];
  editable: boolean;
  planned: (p: PlanInterval) => number;
  onEdit: (start: string, value: number | null) => void;
  showDay: boolean;
}) {
  const t = useWorkforceT();
  return (
    <Table.ScrollContainer minWidth={720}>
      <Table striped stickyHeader data-testid="interval-table">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('plan.time')}</Table.Th>
            <Table.Th ta="right">{t('plan.forecast')}</Table.Th>
            <Table.Th ta="right">{t('plan.actual')}</Table.Th>
            <Table.Th ta="right">{t('plan.aht')}</Table.Th>
            <Table.Th ta="right">{t('plan.required')}</Table.Th>
            <Table.Th ta="right">{t('plan.scheduled')}</Table.Th>
            <Table.Th ta="right">{t('plan.serviceLevel')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {intervals.map((p) => (
            <Table.Tr key={p.start}>
              <Table.Td>{showDay ? `${dayOf(p.start)} ${timeOf(p.start)}` : timeOf(p.start)}</Table.Td>
              <Table.Td ta="right">
                {p.forecast.toFixed(1)}{' '}
                <Text span size="xs" c="dimmed">
                  ({p.lo.toFixed(0)}–{p.hi.toFixed(0)})
                </Text>
              </Table.Td>
              <Table.Td ta="right">{p.actual === null ? '—' : p.actual}</Table.Td>
              <Table.Td ta="right">{Math.round(p.ahtSeconds)}</Table.Td>
              <Table.Td ta="right">{p.requiredScheduled}</Table.Td>
              <Table.Td ta="right" w={130}>
                {editable ? (
                  <NumberInput
                    size="xs"
                    min={0}
                    max={100_000}
                    allowDecimal={false}
                    allowNegative={false}
                    value={planned(p)}
                    onChange={(v) => onEdit(p.start, v === '' ? null : Number(v))}
                    aria-label={`${t('plan.scheduled')} ${timeOf(p.start)}`}
                  />
                ) : (
                  <>
                    {planned(p)}
                    {p.adjustedScheduled !== null && (
                      <Text span size="xs" c="orange" ml={4}>
                        {t('plan.adjusted')}
                      </Text>
                    )}
                  </>
                )}
              </Table.Td>
              <Table.Td ta="right">
                {p.serviceLevel === null ? '—' : `${(p.serviceLevel * 100).toFixed(1)} %`}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
