/** Quality trends: average score per period and agent, team, queue or evaluator; chart, table and CSV. */
import { LineChart } from '@mantine/charts';
import { Anchor, Button, Card, Group, SegmentedControl, Select, Stack, Table, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { DateRangeInputs } from '../../ui/DateRangeInputs.tsx';
import { QueryView } from '../../ui/QueryView.tsx';
import { useSession } from '../auth/session.tsx';
import { PALETTE, thisMonth } from '../supervisor/format.ts';
import { type QualityReportParams, type QualityRow, qualityApi, qualityKeys } from './api.ts';
import { useQualityT } from './i18n.ts';
import { useNames } from './names.ts';

const BY = {
  total: 'byTotal',
  agent: 'byAgent',
  team: 'byTeam',
  queue: 'byQueue',
  evaluator: 'byEvaluator',
} as const;

export function ReportTab() {
  const t = useQualityT();
  const name = useNames();
  const { timeZone } = useSession().workspace;
  const [draft, setDraft] = useState<QualityReportParams>({
    ...thisMonth(timeZone),
    grain: 'week',
    by: 'agent',
  });
  const [params, setParams] = useState(draft);
  const query = useQuery({ queryKey: qualityKeys.report(params), queryFn: () => qualityApi.report(params) });
  const label = (r: QualityRow) =>
    params.by === 'agent' || params.by === 'evaluator' ? name(r.key || null) : r.key || '—';
  return (
    <Stack gap="md">
      <Group align="flex-end" wrap="wrap">
        <DateRangeInputs
          value={draft}
          onChange={setDraft}
          labels={{ from: t('report.from'), to: t('report.to') }}
        />
        <Select
          label={t('report.grain')}
          allowDeselect={false}
          value={draft.grain}
          data={(['day', 'week', 'month'] as const).map((g) => ({ value: g, label: t(`report.${g}`) }))}
          onChange={(v) => v && setDraft({ ...draft, grain: v as QualityReportParams['grain'] })}
        />
        <SegmentedControl
          value={draft.by}
          data={(Object.keys(BY) as (keyof typeof BY)[]).map((b) => ({
            value: b,
            label: t(`report.${BY[b]}`),
          }))}
          onChange={(v) => setDraft({ ...draft, by: v as QualityReportParams['by'] })}
        />
        <Button onClick={() => setParams(draft)}>{t('report.run')}</Button>
        <Anchor href={qualityApi.csvUrl(params)} download>
          {t('report.csv')}
        </Anchor>
      </Group>
      <QueryView
        query={query}
        isEmpty={(r) => r.rows.length === 0}
        empty={<Text c="dimmed">{t('report.empty')}</Text>}
      >
        {(r) => {
          const keys = [...new Set(r.rows.map(label))].slice(0, 8);
          const data = [...new Set(r.rows.map((x) => x.period))].map((period) => {
            const point: Record<string, string | number> = { period };
            for (const x of r.rows.filter((y) => y.period === period))
              if (x.averageScore !== null) point[label(x)] = x.averageScore;
            return point;
          });
          return (
            <Stack gap="md">
              <Card withBorder>
                <Text fw={600} mb="xs">
                  {t('report.chart')}
                </Text>
                <LineChart
                  h={220}
                  data={data}
                  dataKey="period"
                  yAxisProps={{ domain: [0, 100] }}
                  series={keys.map((k, i) => ({ name: k, color: PALETTE[i % PALETTE.length]! }))}
                />
              </Card>
              <Table striped data-testid="quality-report">
                <Table.Thead>
                  <Table.Tr>
                    {(['period', 'key', 'evaluations', 'average', 'critical', 'disputed'] as const).map(
                      (c) => (
                        <Table.Th key={c}>{t(`report.${c}`)}</Table.Th>
                      ),
                    )}
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {[...r.rows, ...r.totals].map((x) => (
                    <Table.Tr key={`${x.period}|${x.key}`} fw={x.period === 'total' ? 700 : undefined}>
                      <Table.Td>{x.period === 'total' ? t('report.total') : x.period}</Table.Td>
                      <Table.Td>{label(x)}</Table.Td>
                      <Table.Td>{x.evaluations}</Table.Td>
                      <Table.Td>{x.averageScore?.toFixed(1) ?? '—'}</Table.Td>
                      <Table.Td>{x.criticalFailures}</Table.Td>
                      <Table.Td>{x.disputed}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Stack>
          );
        }}
      </QueryView>
    </Stack>
  );
}
