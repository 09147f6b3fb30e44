/** Admin › Customer value: the value rule's weights and scales, the tiers, and how many customers each holds. */
import '@mantine/charts/styles.css';
import { BarChart } from '@mantine/charts';
import {
  Alert,
  Button,
  Card,
  Grid,
  Group,
  NumberInput,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formErrors } from '../../ui/errors.ts';
import { FormError } from '../../ui/FormError.tsx';
import { useDateTime } from '../../ui/format.ts';
import { PageHeader } from '../../ui/PageHeader.tsx';
import { QueryView } from '../../ui/QueryView.tsx';
import { useSession } from '../auth/session.tsx';
import { customerKeys, customersApi, type ValueRule, type ValueRuleView } from './api.ts';
import { type CustomersKey, useCustomersT } from './i18n.ts';
import { knownLabel } from './parts.tsx';

const WEIGHTS = ['recency', 'frequency', 'monetary', 'tenure', 'debt'] as const;
const SCALES = [
  'windowDays',
  'recencyHalfLifeDays',
  'frequencyScale',
  'monetaryScale',
  'tenureFullDays',
  'debtScale',
] as const;

export function ValueRulePage() {
  const t = useCustomersT();
  const query = useQuery({ queryKey: customerKeys.valueRule, queryFn: customersApi.valueRule });
  return (
    <>
      <PageHeader title={t('admin.valueTitle')} description={t('admin.valueDescription')} />
      <QueryView query={query}>{(view) => <ValueRuleForm key={view.computedAt} view={view} />}</QueryView>
    </>
  );
}

function ValueRuleForm({ view }: { view: ValueRuleView }) {
  const t = useCustomersT();
  const { t: appT } = useTranslation();
  const me = useSession();
  const formatDate = useDateTime(me.workspace.timeZone);
  const queryClient = useQueryClient();
  const [rule, setRule] = useState<ValueRule>(view.rule);
  const [done, setDone] = useState<string | null>(null);
  // Stable keys for the tier rows, which can be added and removed.
  const [rowIds, setRowIds] = useState(() => view.rule.tiers.map((_, i) => i));
  const after = async (result: { customers: number; tiersChanged: number }) => {
    setDone(t('admin.recomputed', { customers: result.customers, changed: result.tiersChanged }));
    await queryClient.invalidateQueries({ queryKey: customerKeys.all });
  };
  const save = useMutation({ mutationFn: () => customersApi.saveValueRule(rule), onSuccess: after });
  const recompute = useMutation({ mutationFn: customersApi.recompute, onSuccess: after });
  const errors = formErrors(appT, save.error, ['weights', 'tiers', ...SCALES]);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setDone(null);
    save.mutate();
  };
  const num = (v: number | string) => (typeof v === 'number' ? v : Number(v) || 0);
  const setTier = (i: number, patch: Partial<ValueRule['tiers'][number]>) =>
    setRule((r) => ({ ...r, tiers: r.tiers.map((tier, j) => (j === i ? { ...tier, ...patch } : tier)) }));
  const cutoff = (tier: string) => view.cutoffs.find((c) => c.tier === tier)?.minScore;
  // Best tier first, as the rule lists them, then everyone else.
  const order = [...view.rule.tiers.map((tier) => tier.key), 'standard'];
  const rank = (tier: string) => (order.includes(tier) ? order.indexOf(tier) : order.length);
  const chart = [...view.distribution]
    .sort((a, b) => rank(a.tier) - rank(b.tier))
    .map((d) => ({ tier: knownLabel(t, 'tier', d.tier), count: d.count }));
  return (
    <Grid gap="md">
      <Grid.Col span={{ base: 12, md: 7 }}>
        <form onSubmit={submit} noValidate data-testid="value-rule-form">
          <Card withBorder radius="md" padding="lg">
            <Stack gap="md">
              <FormError message={errors.form} />
              {done && (
                <Alert color="teal" data-testid="value-rule-done">
                  {done}
                </Alert>
              )}
              <Title order={5}>{t('admin.weights')}</Title>
              <SimpleGrid cols={{ base: 2, sm: 5 }}>
                {WEIGHTS.map((w) => (
                  <NumberInput
                    key={w}
                    label={t(`admin.weight.${w}` as CustomersKey)}
                    min={0}
                    max={10}
                    step={0.05}
                    decimalScale={2}
                    value={rule.weights[w]}
                    onChange={(v) => setRule((r) => ({ ...r, weights: { ...r.weights, [w]: num(v) } }))}
                    error={errors.fields[`weights/${w}`]}
                  />
                ))}
              </SimpleGrid>
              <Title order={5}>{t('admin.scales')}</Title>
              <SimpleGrid cols={{ base: 1, sm: 3 }}>
                {SCALES.map((s) => (
                  <NumberInput
                    key={s}
                    label={t(`admin.${s}` as CustomersKey)}
                    min={0}
                    thousandSeparator="."
                    decimalSeparator=","
                    value={rule[s]}
                    onChange={(v) => setRule((r) => ({ ...r, [s]: num(v) }))}
                    error={errors.fields[s]}
                  />
                ))}
              </SimpleGrid>
              <Title order={5}>{t('admin.tiers')}</Title>
              {rule.tiers.map((tier, i) => (
                <Group key={rowIds[i]} grow align="flex-start" wrap="nowrap">
                  <TextInput
                    label={t('admin.tierKey')}
                    value={tier.key}
                    onChange={(e) => setTier(i, { key: e.currentTarget.value })}
                    error={errors.fields[`tiers/${i}/key`]}
                  />
                  <NumberInput
                    label={t('admin.topPercent')}
                    min={0}
                    max={100}
                    value={tier.topPercent}
                    onChange={(v) => setTier(i, { topPercent: num(v) })}
                    error={errors.fields[`tiers/${i}/topPercent`]}
                  />
                  <NumberInput
                    label={t('admin.minScore')}
                    min={0}
                    max={100}
                    value={tier.minScore}
                    onChange={(v) => setTier(i, { minScore: num(v) })}
                    error={errors.fields[`tiers/${i}/minScore`]}
                  />
                  <Button
                    variant="subtle"
                    color="red"
                    mt={24}
                    style={{ flexGrow: 0 }}
                    onClick={() => {
                      setRule((r) => ({ ...r, tiers: r.tiers.filter((_, j) => j !== i) }));
                      setRowIds((ids) => ids.filter((_, j) => j !== i));
                    }}
                  >
                    {t('admin.removeTier')}
                  </Button>
                </Group>
              ))}
              {errors.fields.tiers && (
                <Text c="red" size="sm">
                  {errors.fields.tiers}
                </Text>
              )}
              <Group justify="space-between">
                <Button
                  variant="default"
                  disabled={rule.tiers.length >= 10}
                  onClick={() => {
                    setRule((r) => ({ ...r, tiers: [...r.tiers, { key: '', topPercent: 50, minScore: 0 }] }));
                    setRowIds((ids) => [...ids, Math.max(-1, ...ids) + 1]);
                  }}
                >
                  {t('admin.addTier')}
                </Button>
                <Button type="submit" loading={save.isPending} data-testid="save-value-rule">
                  {t('admin.saveRule')}
                </Button>
              </Group>
            </Stack>
          </Card>
        </form>
      </Grid.Col>
      <Grid.Col span={{ base: 12, md: 5 }}>
        <Card withBorder radius="md" padding="lg" data-testid="tier-distribution">
          <Stack gap="sm">
            <Title order={5}>{t('admin.distribution')}</Title>
            <BarChart
              h={220}
              data={chart}
              dataKey="tier"
              series={[{ name: 'count', label: t('admin.distribution'), color: 'violet.6' }]}
              withTooltip
            />
            {view.cutoffs
              .filter((c) => Number.isFinite(c.minScore))
              .map((c) => (
                <Text key={c.tier} size="sm">
                  {knownLabel(t, 'tier', c.tier)}:{' '}
                  {t('admin.cutoff', { score: (cutoff(c.tier) ?? 0).toFixed(1) })}
                </Text>
              ))}
            <Text size="xs" c="dimmed">
              {view.computedAt
                ? t('admin.computedAt', { date: formatDate(view.computedAt) })
                : t('admin.neverComputed')}
            </Text>
            <Button variant="light" loading={recompute.isPending} onClick={() => recompute.mutate()}>
              {t('admin.recompute')}
            </Button>
          </Stack>
        </Card>
      </Grid.Col>
    </Grid>
  );
}
