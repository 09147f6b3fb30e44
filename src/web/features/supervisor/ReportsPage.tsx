/** Reports: choose the range, the period and the grouping; read a chart and a table; download CSV. */
import '@mantine/charts/styles.css';
import { BarChart, LineChart } from '@mantine/charts';
import { Anchor, Button, Card, Group, SegmentedControl, Select, Stack, Table, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { DateRangeInputs } from '../../ui/DateRangeInputs.tsx';
import { PageHeader } from '../../ui/PageHeader.tsx';
import { QueryView } from '../../ui/QueryView.tsx';
import { useSession } from '../auth/session.tsx';
import { analyticsApi, analyticsKeys, type By, type Grain, type Report, type ReportParams } from './api.ts';
import { duration, PALETTE, percent, thisMonth } from './format.ts';
import { useSupervisorT } from './i18n.ts';

function Charts({ report, byKey }: { report: Report; byKey: boolean }) {
  const t = useSupervisorT();
  // One point per period; by key, the offered contacts of each key side by side.
  const periods = [...new Set(report.rows.map((r) => r.period))];
  const keys = [...new Set(report.rows.map((r) => r.key || t('reports.noKey')))];
  const volume = periods.map((period) => {
    const point: Record<string, string | number> = { period };
    for (const r of report.rows.filter((x) => x.period === period))
      point[r.key || t('reports.noKey')] = r.offered;
    return point;
  });
  const service = periods.map((period) => {
    const rows = report.rows.filter((x) => x.period === period);
    const offered = rows.reduce((s, r) => s + r.offered, 0);
    const inTarget = rows.reduce((s, r) => s + (r.serviceLevel ?? 0) * r.offered, 0);
    return { period, sl: offered > 0 ? Math.round((inTarget / offered) * 100) : 0 };
  });
  return (
    <Group grow align="flex-start">
      <Card withBorder>
        <Text fw={600} mb="xs">
          {t('reports.chartVolume')}
        </Text>
        <BarChart
          h={240}
          data={volume}
          dataKey="period"
          type={byKey ? 'stacked' : 'default'}
          series={keys.slice(0, 8).map((k, i) => ({ name: k, color: PALETTE[i % PALETTE.length]! }))}
        />
      </Card>
      <Card withBorder>
        <Text fw={600} mb="xs">
          {t('reports.chartService')}
        </Text>
        <LineChart
          h={240}
          data={service}
          dataKey="period"
          series={[{ name: 'sl', label: t('columns.serviceLevel'), color: 'teal.6' }]}
          yAxisProps={{ domain: [0, 100] }}
        />
      </Card>
    </Group>
  );
}

function ReportTable({ report }: { report: Report }) {
  const t = useSupervisorT();
  const rows = [...report.rows, ...report.totals];
  return (
    <Table striped highlightOnHover data-testid="report-table">
      <Table.Thead>
        <Table.Tr>
          {(
            [
              'period',
              'key',
              'offered',
              'answered',
              'abandoned',
              'serviceLevel',
              'asa',
              'aht',
              'occupancy',
              'csat',
            ] as const
          ).map((c) => (
            <Table.Th key={c}>{t(`columns.${c}`)}</Table.Th>
          ))}
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {rows.map((r) => (
          <Table.Tr key={`${r.period}|${r.key}`} fw={r.period === 'total' ? 700 : undefined}>
            <Table.Td>{r.period === 'total' ? t('reports.total') : r.period}</Table.Td>
            <Table.Td>{r.key || (r.period === 'total' ? '' : t('reports.noKey'))}</Table.Td>
            <Table.Td>{r.offered}</Table.Td>
            <Table.Td>{r.answered}</Table.Td>
            <Table.Td>{r.abandoned}</Table.Td>
            <Table.Td>{percent(r.serviceLevel)}</Table.Td>
            <Table.Td>{duration(r.asaSeconds)}</Table.Td>
            <Table.Td>{duration(r.ahtSeconds)}</Table.Td>
            <Table.Td>{percent(r.occupancy)}</Table.Td>
            <Table.Td>{r.csat === null ? '—' : r.csat.toFixed(1)}</Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

export function ReportsPage() {
  const t = useSupervisorT();
  const { timeZone } = useSession().workspace;
  const [draft, setDraft] = useState<ReportParams>({
    ...thisMonth(timeZone),
    grain: 'day',
    by: 'queue',
  });
  const [params, setParams] = useState<ReportParams>(draft);
  const [intraday, setIntraday] = useState(false);
  const query = useQuery({
    queryKey: intraday ? analyticsKeys.intraday : analyticsKeys.report(params),
    queryFn: () => (intraday ? analyticsApi.intraday() : analyticsApi.report(params)),
  });
  return (
    <>
      <PageHeader
        title={t('reports.title')}
        description={t('reports.description')}
        actions={
          <Anchor href={analyticsApi.csvUrl(params)} download>
            {t('reports.csv')}
          </Anchor>
        }
      />
      <Stack gap="md">
        <Group align="flex-end" wrap="wrap">
          <DateRangeInputs
            value={draft}
            onChange={setDraft}
            labels={{ from: t('reports.from'), to: t('reports.to') }}
          />
          <Select
            label={t('reports.grain')}
            value={draft.grain}
            allowDeselect={false}
            data={(['interval', 'day', 'week', 'month'] as const).map((g) => ({
              value: g,
              label: t(`grain.${g}`),
            }))}
            onChange={(v) => v && setDraft({ ...draft, grain: v as Grain })}
          />
          <SegmentedControl
            value={draft.by}
            data={(['total', 'queue', 'channel', 'team', 'agent'] as const).map((b) => ({
              value: b,
              label: t(`by.${b}`),
            }))}
            onChange={(v) => setDraft({ ...draft, by: v as By })}
          />
          <Button
            onClick={() => {
              setIntraday(false);
              setParams(draft);
            }}
          >
            {t('reports.run')}
          </Button>
          <Button variant="default" onClick={() => setIntraday(true)}>
            {t('reports.intraday')}
          </Button>
        </Group>
        <QueryView
          query={query}
          isEmpty={(r) => r.rows.length === 0}
          empty={<Text c="dimmed">{t('reports.empty')}</Text>}
        >
          {(report) => (
            <Stack gap="md">
              <Charts report={report} byKey={!intraday && params.by !== 'total'} />
              <ReportTable report={report} />
            </Stack>
          )}
        </QueryView>
      </Stack>
    </>
  );
}
