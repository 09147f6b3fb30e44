/** The plan's charts: forecast with its prediction interval against actuals, and agents per interval. */
import { BarChart, LineChart } from '@mantine/charts';
import '@mantine/charts/styles.css';
import type { PlanInterval } from './api.ts';
import { useWorkforceT } from './i18n.ts';
import { formatSlot, timeOf } from './time.ts';

const round1 = (v: number) => Math.round(v * 10) / 10;

/** One label per interval: the time of day when one day is shown, date and time otherwise. */
const label = (p: PlanInterval, oneDay: boolean) => (oneDay ? timeOf(p.start) : formatSlot(p.start));

export function ForecastChart({ intervals, oneDay }: { intervals: PlanInterval[]; oneDay: boolean }) {
  const t = useWorkforceT();
  const data = intervals.map((p) => ({
    time: label(p, oneDay),
    [t('plan.forecast')]: round1(p.forecast),
    [t('plan.lo')]: round1(p.lo),
    [t('plan.hi')]: round1(p.hi),
    // Recharts leaves a gap where a value is null: actuals appear only where history has them.
    [t('plan.actual')]: p.actual,
  }));
  return (
    <LineChart
      h={280}
      data={data}
      dataKey="time"
      withLegend
      connectNulls={false}
      curveType="monotone"
      withDots={false}
      series={[
        { name: t('plan.hi'), color: 'blue.3', strokeDasharray: '5 5' },
        { name: t('plan.forecast'), color: 'blue.7' },
        { name: t('plan.lo'), color: 'blue.3', strokeDasharray: '5 5' },
        { name: t('plan.actual'), color: 'orange.6', strokeDasharray: '0 1' },
      ]}
      lineProps={(series) =>
        series.name === t('plan.actual') ? { dot: { r: 3, fill: 'var(--mantine-color-orange-6)' } } : {}
      }
      data-testid="forecast-chart"
    />
  );
}

export function StaffingChart({
  intervals,
  oneDay,
  planned,
}: {
  intervals: PlanInterval[];
  oneDay: boolean;
  planned: (p: PlanInterval) => number;
}) {
  const t = useWorkforceT();
  const data = intervals.map((p) => ({
    time: label(p, oneDay),
    [t('plan.required')]: p.requiredScheduled,
    [t('plan.scheduled')]: planned(p),
  }));
  return (
    <BarChart
      h={240}
      data={data}
      dataKey="time"
      withLegend
      series={[
        { name: t('plan.required'), color: 'gray.5' },
        { name: t('plan.scheduled'), color: 'teal.6' },
      ]}
      data-testid="staffing-chart"
    />
  );
}
