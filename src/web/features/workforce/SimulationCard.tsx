/** Validation by simulation: the day's agents through the routing simulator, simulated against predicted service level. */
import { LineChart } from '@mantine/charts';
import { Button, Card, Group, Text, Title } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { ErrorAlert } from '../../ui/ErrorAlert.tsx';
import { workforceApi } from './api.ts';
import { useWorkforceT } from './i18n.ts';
import { timeOf } from './time.ts';

const pct = (v: number | null) => (v === null ? null : Math.round(v * 1000) / 10);

export function SimulationCard({ planId, day, target }: { planId: string; day: string; target: number }) {
  const t = useWorkforceT();
  const run = useMutation({ mutationFn: () => workforceApi.simulate(planId, day) });
  const result = run.data?.day === day ? run.data : undefined;
  return (
    <Card withBorder radius="md" padding="md" data-testid="simulation-card">
      <Group justify="space-between" mb="xs">
        <div>
          <Title order={4}>{t('simulation.title')}</Title>
          <Text size="xs" c="dimmed">
            {t('simulation.help')}
          </Text>
        </div>
        <Button
          variant="light"
          loading={run.isPending}
          onClick={() => run.mutate()}
          data-testid="run-simulation"
        >
          {t('simulation.run')}
        </Button>
      </Group>
      {run.error && <ErrorAlert error={run.error} />}
      {result && (
        <>
          <Text size="sm" mb="sm" data-testid="simulation-total">
            {t('simulation.total', {
              simulated: pct(result.total.serviceLevel) ?? '—',
              predicted: pct(result.total.predicted) ?? '—',
              offered: result.total.offered,
              replications: result.replications,
            })}
          </Text>
          <LineChart
            h={240}
            data={result.intervals.map((i) => ({
              time: timeOf(i.start),
              [t('simulation.predicted')]: pct(i.predicted),
              [t('simulation.simulated')]: pct(i.serviceLevel),
            }))}
            dataKey="time"
            unit=" %"
            yAxisProps={{ domain: [0, 100] }}
            withLegend
            connectNulls={false}
            referenceLines={[{ y: target * 100, label: t('simulation.target'), color: 'red.6' }]}
            series={[
              { name: t('simulation.predicted'), color: 'blue.6' },
              { name: t('simulation.simulated'), color: 'orange.6' },
            ]}
            data-testid="simulation-chart"
          />
        </>
      )}
    </Card>
  );
}
