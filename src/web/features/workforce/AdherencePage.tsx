/**
 * Adherence for supervisors: each scheduled agent's activity now against their real state, refreshed
 * as routing records state changes (the realtime hub), and any day's report with its exceptions.
 */
import { Badge, Button, Card, Group, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { NoAccessPage } from '../../shell/RequirePermission.tsx';
import { PageHeader } from '../../ui/PageHeader.tsx';
import { QueryView } from '../../ui/QueryView.tsx';
import { useCan } from '../auth/session.tsx';
import { Gantt } from './Gantt.tsx';
import { type AdherenceDay, scheduleApi, scheduleKeys } from './schedule-api.ts';
import { useScheduleT } from './schedule-i18n.ts';
import { dayLabel, timeOf } from './time.ts';

const percent = (x: number | null) => (x === null ? null : `${Math.round(x * 1000) / 10} %`);

export function AdherencePage() {
  const t = useScheduleT();
  const can = useCan();
  const [day, setDay] = useState<string | null>(null);
  const query = useQuery({
    queryKey: scheduleKeys.adherence(day ?? 'today'),
    queryFn: () => scheduleApi.adherence(day ?? undefined),
    // State changes refresh it at once through the realtime hub; the clock moves it on meanwhile.
    refetchInterval: day === null ? 30_000 : false,
  });
  if (!can('wfm.manage')) return <NoAccessPage />;
  return (
    <>
      <PageHeader
        title={t('adherence.title')}
        description={t('adherence.description')}
        actions={
          <Group align="flex-end">
            <TextInput
              type="date"
              label={t('adherence.day')}
              value={day ?? query.data?.day ?? ''}
              onChange={(e) => setDay(e.currentTarget.value || null)}
              data-testid="adherence-day"
            />
            <Button variant={day === null ? 'filled' : 'default'} onClick={() => setDay(null)}>
              {t('adherence.today')}
            </Button>
          </Group>
        }
      />
      <QueryView query={query}>{(r) => <AdherenceView report={r} />}</QueryView>
    </>
  );
}

function AdherenceView({ report }: { report: AdherenceDay }) {
  const t = useScheduleT();
  const { i18n } = useTranslation();
  if (report.agents.length === 0)
    return (
      <Text c="dimmed" data-testid="adherence-empty">
        {t('adherence.empty')}
      </Text>
    );
  const sum = (pick: (a: AdherenceDay['agents'][number]) => number) =>
    report.agents.reduce((s, a) => s + pick(a), 0);
  const scheduled = sum((a) => a.scheduledMinutes);
  const work = sum((a) => a.scheduledWorkMinutes);
  const team = {
    adherence:
      percent(scheduled > 0 ? sum((a) => a.inAdherenceMinutes) / scheduled : null) ?? t('adherence.none'),
    conformance: percent(work > 0 ? sum((a) => a.workedMinutes) / work : null) ?? t('adherence.none'),
  };
  return (
    <Stack gap="lg">
      <Group gap="sm">
        <Badge
          color={report.live ? 'red' : 'gray'}
          variant={report.live ? 'filled' : 'light'}
          data-testid="adherence-mode"
        >
          {report.live ? t('adherence.live', { time: timeOf(report.until) }) : t('adherence.report')}
        </Badge>
        <Text size="sm" data-testid="adherence-team">
          {t('adherence.team', team)}
        </Text>
      </Group>
      <Text size="xs" c="dimmed">
        {t('adherence.help')}
      </Text>
      <Card withBorder radius="md" padding="md">
        <Table striped data-testid="adherence-table">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('adherence.agent')}</Table.Th>
              {report.live && <Table.Th>{t('adherence.scheduled')}</Table.Th>}
              {report.live && <Table.Th>{t('adherence.state')}</Table.Th>}
              <Table.Th>{t('adherence.adherence')}</Table.Th>
              <Table.Th>{t('adherence.conformance')}</Table.Th>
              <Table.Th>{t('adherence.exceptions')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {report.agents.map((a) => {
              const since = a.current.outOfAdherenceSince;
              return (
                <Table.Tr key={a.agentId} data-testid="adherence-row">
                  <Table.Td>{a.name}</Table.Td>
                  {report.live && <Table.Td>{t(`adherence.activity.${a.current.scheduled}`)}</Table.Td>}
                  {report.live && (
                    <Table.Td>
                      <Group gap={6}>
                        <Text size="sm">
                          {t(`adherence.actual.${a.current.actual}`)}
                          {a.current.reason ? ` (${a.current.reason})` : ''}
                        </Text>
                        <Badge color={since ? 'red' : 'teal'} variant="light" data-testid="adherence-now">
                          {since
                            ? t('adherence.outSince', { time: timeOf(since) })
                            : t('adherence.inAdherence')}
                        </Badge>
                      </Group>
                    </Table.Td>
                  )}
                  <Table.Td data-testid="adherence-percent">
                    {percent(a.adherence) ?? t('adherence.none')}
                  </Table.Td>
                  <Table.Td>{percent(a.conformance) ?? t('adherence.none')}</Table.Td>
                  <Table.Td>
                    <Stack gap={0}>
                      {a.exceptions.map((x) => (
                        <Text key={x.start} size="xs">
                          {t('adherence.exception', {
                            start: timeOf(x.start),
                            end: timeOf(x.end),
                            scheduled: t(`adherence.activity.${x.scheduled}`),
                            actual: t(`adherence.actual.${x.actual}`),
                          })}
                        </Text>
                      ))}
                    </Stack>
                  </Table.Td>
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      </Card>
      <Card withBorder radius="md" padding="md">
        <Title order={5} mb="sm">
          {dayLabel(report.day, i18n.language)}
        </Title>
        <Gantt
          day={report.day}
          dayLabel={dayLabel(report.day, i18n.language)}
          rows={report.agents.map((a) => ({
            agentId: a.agentId,
            name: a.name,
            shifts: a.shifts,
            marks: a.exceptions,
          }))}
        />
      </Card>
    </Stack>
  );
}
