/**
 * The screen-pop: who the customer is, their value tier, open interactions, notes (the customers module's
 * own, read and written through its API) and history on every channel.
 */
import { Anchor, Badge, Card, Stack, Text, Title } from '@mantine/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { QueryView } from '../../ui/QueryView.tsx';
import { useCan } from '../auth/session.tsx';
import { NotesCard } from '../customers/NotesCard.tsx';
import { deskApi } from './api.ts';
import { useDeskT } from './i18n.ts';

export function CustomerPanel({ customerId }: { customerId: string }) {
  const t = useDeskT();
  const can = useCan();
  const queryClient = useQueryClient();
  const customer = useQuery({
    queryKey: ['desk', 'customer', customerId],
    queryFn: () => deskApi.customer(customerId),
  });
  const open = useQuery({
    queryKey: ['desk', 'customer-open', customerId],
    queryFn: () => deskApi.customerInteractions(customerId),
  });
  return (
    <Stack gap="sm">
      <Card withBorder padding="sm" data-testid="customer-panel">
        <Title order={5}>{t('customer.title')}</Title>
        <QueryView query={customer}>
          {(c) => (
            <Stack gap={4}>
              <Text fw={600}>{c.name}</Text>
              <Badge variant="light" w="fit-content">
                {t('customer.tier', { tier: c.tier })}
              </Badge>
              {c.identities.map((i) => (
                <Text key={`${i.kind}:${i.display}`} size="xs" c="dimmed">
                  {i.kind}: {i.display}
                </Text>
              ))}
              <Anchor href={`/customers/${c.id}`} size="xs">
                {t('customer.profile')}
              </Anchor>
            </Stack>
          )}
        </QueryView>
        <Text size="sm" fw={600} mt="sm">
          {t('customer.open')}
        </Text>
        <QueryView
          query={open}
          isEmpty={(d) => d.items.every((i) => ['closed', 'abandoned'].includes(i.state))}
          empty={<Text size="xs">{t('customer.none')}</Text>}
        >
          {(d) =>
            d.items
              .filter((i) => !['closed', 'abandoned'].includes(i.state))
              .map((i) => (
                <Text key={i.id} size="xs">
                  {i.channel} · {i.state} · {i.subject}
                </Text>
              ))
          }
        </QueryView>
      </Card>
      {can('customers.read') && (
        <NotesCard
          customerId={customerId}
          writable={can('customers.write')}
          onAdded={() => void queryClient.invalidateQueries({ queryKey: ['desk', 'timeline', customerId] })}
        />
      )}
    </Stack>
  );
}

/** The customer's history on every channel, newest last, beside the conversation. */
export function CustomerHistory({ customerId }: { customerId: string }) {
  const t = useDeskT();
  const timeline = useQuery({
    queryKey: ['desk', 'timeline', customerId],
    queryFn: () => deskApi.timeline(customerId),
  });
  return (
    <Stack gap={2} data-testid="customer-history">
      <Text size="xs" fw={600} c="dimmed">
        {t('chat.history')}
      </Text>
      <QueryView
        query={timeline}
        isEmpty={(d) => d.items.length === 0}
        empty={<Text size="xs">{t('customer.none')}</Text>}
      >
        {(d) =>
          [...d.items].reverse().map((e) => (
            <Text key={e.id} size="xs" c="dimmed">
              {new Date(e.at).toLocaleString()} · {e.channel ?? e.kind} · {e.summary}
            </Text>
          ))
        }
      </QueryView>
    </Stack>
  );
}
