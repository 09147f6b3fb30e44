/** Intraday for a published plan: the morning against the forecast, the re-forecast and understaffing alerts. */
import { LineChart } from '@mantine/charts';
import { Alert, Card, Group, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { ApiError } from '../../api/client.ts';
import { QueryView } from '../../ui/QueryView.tsx';
import { workforceApi, workforceKeys } from './api.ts';
import { useWorkforceT } from './i18n.ts';
import { timeOf } from './time.ts';

export function IntradayCard({ planId }: { planId: string }) {
  const t = useWorkforceT();
  const query = useQuery({
    queryKey: workforceKeys.intraday(planId),
    queryFn: () => workforceApi.intraday(planId),
    refetchInterval: 60_000,
    retry: (count, error) => !(error instanceof ApiError && error.status === 422) && count < 2,
  });
  const notToday = query.error instanceof ApiError && query.error.code === 'wfm.not_today';
  return (
    <Card withBorder radius="md" padding="md" data-testid="intraday-card">
      <Title order={4} mb="xs">
        {t('intraday.title')}
      </Title>
      {notToday ? (
        <Text c="dimmed" size="sm" data-testid="intraday-not-today">
          {t('intraday.notToday')}
        </Text>
      ) : (
        <QueryView query={query}>
          {(r) => (
            <Stack gap="sm">
              <Group gap="lg">
                <Text size="sm">{t('intraday.now', { time: timeOf(r.now) })}</Text>
                <Text size="sm">{t('intraday.onDuty', { agents: r.agentsOnDuty })}</Text>
                <Text size="sm" data-testid="intraday-factor">
                  {r.factor === null
                    ? t('intraday.noActuals')
                    : t('intraday.factor', { percent: Math.round(r.factor * 100) })}
                </Text>
              </Group>
              {r.alerts.map((a) => (
                <Alert
                  key={`${a.start}-${a.reason}`}
                  color="red"
                  variant="light"
                  data-testid="intraday-alert"
                >
                  {t(a.reason === 'plan_short' ? 'intraday.planShort' : 'intraday.onDutyShort', {
                    time: timeOf(a.start),
                    required: a.required,
                    available: a.available,
                  })}
                </Alert>
              ))}
              <LineChart
                h={220}
                data={r.intervals.map((i) => ({
                  time: timeOf(i.start),
                  [t('plan.forecast')]: Math.round(i.forecast * 10) / 10,
                  [t('intraday.reforecast')]: Math.round(i.reforecast * 10) / 10,
                  [t('plan.actual')]: i.actual,
                }))}
                dataKey="time"
                withLegend
                connectNulls={false}
                series={[
                  { name: t('plan.forecast'), color: 'blue.6' },
                  { name: t('intraday.reforecast'), color: 'grape.6', strokeDasharray: '5 5' },
                  { name: t('plan.actual'), color: 'orange.6' },
                ]}
              />
            </Stack>
          )}
        </QueryView>
      )}
    </Card>
  );
}
