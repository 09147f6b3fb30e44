/** The customer's contacts still open on any channel: what an agent must know before answering again. */
import { Badge, Card, Group, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { ErrorAlert } from '../../ui/ErrorAlert.tsx';
import { useDateTime } from '../../ui/format.ts';
import { LoadingLines } from '../../ui/QueryView.tsx';
import { useSession } from '../auth/session.tsx';
import { customerKeys, customersApi } from './api.ts';
import { type CustomersKey, useCustomersT } from './i18n.ts';
import { knownLabel } from './parts.tsx';

export function OpenInteractionsCard({ customerId }: { customerId: string }) {
  const t = useCustomersT();
  const me = useSession();
  const formatDate = useDateTime(me.workspace.timeZone);
  const query = useQuery({
    queryKey: customerKeys.openInteractions(customerId),
    queryFn: () => customersApi.openInteractions(customerId),
  });
  const items = query.data?.items ?? [];
  return (
    <Card withBorder radius="md" padding="md" data-testid="open-interactions">
      <Title order={4} mb="sm">
        {t('open.title')}
      </Title>
      {query.isPending && <LoadingLines />}
      {query.isError && <ErrorAlert error={query.error} />}
      {query.isSuccess && items.length === 0 && (
        <Text size="sm" c="dimmed">
          {t('open.empty')}
        </Text>
      )}
      <Stack gap="xs">
        {items.map((i) => (
          <Group key={i.id} justify="space-between" wrap="nowrap">
            <Stack gap={0}>
              <Text size="sm" fw={500}>
                {i.subject ?? t('open.noSubject')}
              </Text>
              <Text size="xs" c="dimmed">
                {knownLabel(t, 'timeline.channels', i.channel)} · {formatDate(i.createdAt)}
              </Text>
            </Stack>
            <Badge variant="light">{t(`open.states.${i.state}` as CustomersKey)}</Badge>
          </Group>
        ))}
      </Stack>
    </Card>
  );
}
