/** Value and tier: the score out of 100, the tier, and the cut-offs the workspace's rule currently uses. */
import { Card, Group, Progress, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useDateTime } from '../../ui/format.ts';
import { useSession } from '../auth/session.tsx';
import { type Customer, customerKeys, customersApi } from './api.ts';
import { useCustomersT } from './i18n.ts';
import { knownLabel, TierBadge } from './parts.tsx';

export function ValueCard({ customer }: { customer: Customer }) {
  const t = useCustomersT();
  const me = useSession();
  const formatDate = useDateTime(me.workspace.timeZone);
  const rule = useQuery({
    queryKey: customerKeys.valueRule,
    queryFn: customersApi.valueRule,
    staleTime: 5 * 60_000,
  });
  const cutoffs = rule.data?.cutoffs
    .filter((c) => Number.isFinite(c.minScore))
    .map((c) => `${knownLabel(t, 'tier', c.tier)} ≥ ${c.minScore.toFixed(0)}`)
    .join(' · ');
  return (
    <Card withBorder radius="md" padding="md" data-testid="value-card">
      <Group justify="space-between" mb="xs">
        <Title order={4}>{t('value.title')}</Title>
        <TierBadge tier={customer.tier} />
      </Group>
      <Stack gap={6}>
        <Progress
          value={customer.score}
          aria-label={t('value.score', { score: customer.score.toFixed(1) })}
        />
        <Text size="sm">{t('value.score', { score: customer.score.toFixed(1) })}</Text>
        {cutoffs && (
          <Text size="xs" c="dimmed">
            {t('value.cutoffs', { text: cutoffs })}
          </Text>
        )}
        {customer.valueComputedAt && (
          <Text size="xs" c="dimmed">
            {t('value.computed', { date: formatDate(customer.valueComputedAt) })}
          </Text>
        )}
      </Stack>
    </Card>
  );
}
