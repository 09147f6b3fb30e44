/** A customer's timeline, newest first, a page at a time; optionally filtered by kind and channel. */
import { Badge, Button, Card, Group, Select, Stack, Text, Title } from '@mantine/core';
import { useInfiniteQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { ErrorAlert } from '../../ui/ErrorAlert.tsx';
import { useDateTime } from '../../ui/format.ts';
import { LoadingLines } from '../../ui/QueryView.tsx';
import { useSession } from '../auth/session.tsx';
import { customerKeys, customersApi } from './api.ts';
import { useCustomersT } from './i18n.ts';
import { knownLabel } from './parts.tsx';
import { describeEntry } from './timeline-text.ts';

const KINDS = ['interaction', 'note', 'purchase', 'script', 'consent', 'identity', 'merge', 'profile'];
const CHANNELS = ['voice', 'email', 'chat', 'whatsapp', 'messenger', 'instagram', 'telegram', 'sms'];

export function TimelineCard({
  customerId,
  title,
  kind: fixedKind,
  withFilters = false,
  pageSize,
}: {
  customerId: string;
  title: string;
  kind?: string;
  withFilters?: boolean;
  pageSize: number;
}) {
  const t = useCustomersT();
  const me = useSession();
  const formatDate = useDateTime(me.workspace.timeZone);
  const [kind, setKind] = useState<string | null>(fixedKind ?? null);
  const [channel, setChannel] = useState<string | null>(null);
  const filter = { kind, channel, limit: pageSize };
  const query = useInfiniteQuery({
    queryKey: customerKeys.timeline(customerId, filter),
    queryFn: ({ pageParam }) => customersApi.timeline(customerId, { ...filter, cursor: pageParam }),
    initialPageParam: null as string | null,
    getNextPageParam: (page) => page.nextCursor,
  });
  const entries = query.data?.pages.flatMap((p) => p.items) ?? [];
  return (
    <Card withBorder radius="md" padding="md" data-testid={fixedKind ? `timeline-${fixedKind}` : 'timeline'}>
      <Group justify="space-between" mb="sm" wrap="wrap">
        <Title order={4}>{title}</Title>
        {withFilters && (
          <Group gap="xs">
            <Select
              size="xs"
              aria-label={t('timeline.allKinds')}
              placeholder={t('timeline.allKinds')}
              clearable
              value={kind}
              onChange={setKind}
              data={KINDS.map((k) => ({ value: k, label: knownLabel(t, 'timeline.kinds', k) }))}
              w={150}
            />
            <Select
              size="xs"
              aria-label={t('timeline.allChannels')}
              placeholder={t('timeline.allChannels')}
              clearable
              value={channel}
              onChange={setChannel}
              data={CHANNELS.map((c) => ({ value: c, label: knownLabel(t, 'timeline.channels', c) }))}
              w={160}
            />
          </Group>
        )}
      </Group>
      {query.isPending && <LoadingLines />}
      {query.isError && <ErrorAlert error={query.error} onRetry={() => void query.refetch()} />}
      {query.isSuccess && entries.length === 0 && (
        <Text size="sm" c="dimmed">
          {fixedKind === 'interaction' ? t('interactions.empty') : t('timeline.empty')}
        </Text>
      )}
      <Stack gap="sm">
        {entries.map((entry) => (
          <div key={entry.id}>
            <Group gap={6}>
              <Badge size="xs" variant="light">
                {knownLabel(t, 'timeline.kinds', entry.kind)}
              </Badge>
              {entry.channel && (
                <Badge size="xs" variant="outline" color="gray">
                  {knownLabel(t, 'timeline.channels', entry.channel)}
                </Badge>
              )}
              <Text size="xs" c="dimmed">
                {formatDate(entry.at)}
              </Text>
            </Group>
            <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
              {describeEntry(t, entry)}
            </Text>
          </div>
        ))}
      </Stack>
      {query.hasNextPage && !fixedKind && (
        <Button
          variant="subtle"
          size="xs"
          mt="sm"
          loading={query.isFetchingNextPage}
          onClick={() => void query.fetchNextPage()}
        >
          {t('actions.loadMore')}
        </Button>
      )}
    </Card>
  );
}
