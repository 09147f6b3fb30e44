/**
 * A script's report (`/admin/scripts/:id/report`): where runs stop (the steps that lose customers) as
 * horizontal bars, and each path taken with its runs, finished runs, leads and conversion.
 */
import { BarChart } from '@mantine/charts';
import '@mantine/charts/styles.css';
import { Badge, Button, Card, Group, Table, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { Link, useParams } from 'react-router';
import { EmptyState } from '../../ui/EmptyState.tsx';
import { PageHeader } from '../../ui/PageHeader.tsx';
import { QueryView } from '../../ui/QueryView.tsx';
import { type ScriptReport, scriptingApi } from './api.ts';
import { useScriptingT } from './i18n.ts';

const percent = (v: number) => `${Math.round(v * 1000) / 10} %`;

/** Steps shown in the chart: the ones that lose the most runs, then the most reached. */
const CHART_STEPS = 15;

export function ReportPage() {
  const t = useScriptingT();
  const { id } = useParams();
  const report = useQuery({ queryKey: ['scripting', 'report', id], queryFn: () => scriptingApi.report(id!) });
  return (
    <>
      <PageHeader
        title={t('report.title', { name: report.data?.scriptName ?? '' })}
        description={t('report.description')}
        actions={
          <Button component={Link} to={`/admin/scripts/${id}`} variant="default">
            {t('report.design')}
          </Button>
        }
      />
      <QueryView
        query={report}
        isEmpty={(r) => r.runs === 0}
        empty={<EmptyState title={t('report.emptyTitle')} text={t('report.empty')} testId="report-empty" />}
      >
        {(r) => <Report report={r} />}
      </QueryView>
    </>
  );
}

function Report({ report }: { report: ScriptReport }) {
  const t = useScriptingT();
  const steps = report.steps.slice(0, CHART_STEPS);
  return (
    <>
      <Group mb="md" data-testid="report-totals">
        <Badge size="lg" variant="light">
          {t('report.runs', { count: report.runs })}
        </Badge>
        <Badge size="lg" variant="light" color="green">
          {t('report.finished', { count: report.finished })}
        </Badge>
      </Group>
      <Card withBorder mb="md">
        <Text fw={600}>{t('report.stepsTitle')}</Text>
        <Text size="sm" c="dimmed" mb="sm">
          {t('report.stepsHint')}
        </Text>
        <BarChart
          h={Math.max(160, 36 * steps.length + 60)}
          data={steps}
          dataKey="stepId"
          orientation="vertical"
          yAxisProps={{ width: 140 }}
          xAxisProps={{ allowDecimals: false }}
          barProps={{ isAnimationActive: false }}
          series={[
            { name: 'stoppedHere', label: t('report.stoppedHere'), color: 'red.6' },
            { name: 'reached', label: t('report.reached'), color: 'blue.4' },
          ]}
          withLegend
          data-testid="report-steps"
        />
      </Card>
      <Card withBorder>
        <Text fw={600} mb="sm">
          {t('report.pathsTitle')}
        </Text>
        <Table striped data-testid="report-paths">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('report.path')}</Table.Th>
              <Table.Th ta="right">{t('report.columns.runs')}</Table.Th>
              <Table.Th ta="right">{t('report.columns.finished')}</Table.Th>
              <Table.Th ta="right">{t('report.columns.leads')}</Table.Th>
              <Table.Th ta="right">{t('report.columns.conversion')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {report.paths.map((p) => (
              <Table.Tr key={p.path.join('>')}>
                <Table.Td>
                  <Text size="sm" ff="monospace">
                    {p.path.join(' → ')}
                  </Text>
                </Table.Td>
                <Table.Td ta="right">{p.runs}</Table.Td>
                <Table.Td ta="right">{p.finished}</Table.Td>
                <Table.Td ta="right">{p.leads}</Table.Td>
                <Table.Td ta="right">{percent(p.conversion)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Card>
    </>
  );
}
