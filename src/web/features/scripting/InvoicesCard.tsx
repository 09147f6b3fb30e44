/**
 * The customer's open and overdue invoices beside the script, so the agent sees the balance the script
 * may branch on. Paid invoices are left out.
 *
 * @example <InvoicesCard customerId={run.customerId} />
 */
import { Badge, Card, Group, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../ui/ErrorAlert.tsx';
import { LoadingLines } from '../../ui/QueryView.tsx';
import { scriptingApi } from './api.ts';
import { useScriptingT } from './i18n.ts';

/** Invoices listed one by one; the rest are counted in the totals. */
const SHOWN = 5;

export function InvoicesCard({ customerId }: { customerId: string }) {
  const t = useScriptingT();
  const { i18n } = useTranslation();
  const locale = i18n.language === 'en' ? 'en-US' : 'es-CO';
  const money = (amount: number, currency: string) =>
    new Intl.NumberFormat(locale, { style: 'currency', currency, maximumFractionDigits: 0 }).format(amount);
  const balance = useQuery({
    queryKey: ['scripting', 'invoices', customerId],
    queryFn: () => scriptingApi.invoices(customerId),
  });
  if (balance.isPending) return <LoadingLines lines={1} />;
  if (balance.isError) return <ErrorAlert error={balance.error} onRetry={() => void balance.refetch()} />;
  const unpaid = balance.data.invoices.filter((i) => i.state !== 'paid');
  return (
    <Card withBorder data-testid="invoices">
      <Group justify="space-between" mb="xs">
        <Title order={5}>{t('invoices.title')}</Title>
        {balance.data.overdueCount > 0 && (
          <Badge color="red">{t('invoices.overdue', { count: balance.data.overdueCount })}</Badge>
        )}
      </Group>
      {unpaid.length === 0 ? (
        <Text c="dimmed">{t('invoices.none')}</Text>
      ) : (
        <Stack gap={4}>
          {balance.data.balances.map((b) => (
            <Text key={b.currency} size="sm" fw={600}>
              {t('invoices.balance', {
                open: money(b.open, b.currency),
                overdue: money(b.overdue, b.currency),
              })}
            </Text>
          ))}
          {unpaid.slice(0, SHOWN).map((i) => (
            <Group key={i.id} gap="xs" wrap="nowrap">
              <Badge variant="light" color={i.state === 'overdue' ? 'red' : 'blue'}>
                {t(`invoices.${i.state}State`)}
              </Badge>
              <Text size="sm">
                {i.number} · {money(i.amount - i.paid, i.currency)} · {t('invoices.due', { date: i.dueOn })}
              </Text>
            </Group>
          ))}
        </Stack>
      )}
    </Card>
  );
}
