/** The backtest of every forecasting method tried: the evidence for the one chosen. */
import { Badge, Card, Table, Text, Title } from '@mantine/core';
import type { Accuracy } from './api.ts';
import { methodLabel, useWorkforceT } from './i18n.ts';

const fixed = (v: number | null, digits = 2) => (v === null ? '—' : v.toFixed(digits));
const percent = (v: number | null) => (v === null ? '—' : `${(v * 100).toFixed(1)} %`);

export function AccuracyTable({ accuracy, chosen }: { accuracy: Accuracy[]; chosen: string }) {
  const t = useWorkforceT();
  const measured = accuracy.filter((a) => a.n > 0);
  return (
    <Card withBorder radius="md" padding="md">
      <Title order={4} mb="sm">
        {t('plan.accuracyTitle')}
      </Title>
      {measured.length === 0 ? (
        <Text c="dimmed">{t('plan.accuracyNone')}</Text>
      ) : (
        <Table.ScrollContainer minWidth={560}>
          <Table striped data-testid="accuracy-table">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('plans.method')}</Table.Th>
                <Table.Th ta="right">MAE</Table.Th>
                <Table.Th ta="right">RMSE</Table.Th>
                <Table.Th ta="right">MAPE</Table.Th>
                <Table.Th ta="right">sMAPE</Table.Th>
                <Table.Th ta="right">80 %</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {measured.map((a) => (
                <Table.Tr key={a.method}>
                  <Table.Td>
                    {methodLabel(t, a.method)}{' '}
                    {a.method === chosen && (
                      <Badge size="xs" variant="light" color="teal">
                        {t('plan.chosen')}
                      </Badge>
                    )}
                  </Table.Td>
                  <Table.Td ta="right">{fixed(a.mae)}</Table.Td>
                  <Table.Td ta="right">{fixed(a.rmse)}</Table.Td>
                  <Table.Td ta="right">{percent(a.mape)}</Table.Td>
                  <Table.Td ta="right">{fixed(a.smape, 3)}</Table.Td>
                  <Table.Td ta="right">{percent(a.coverage)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Card>
  );
}
