/**
 * Reviewing possible duplicates: each pair side by side; merge keeping either side (after a confirmation
 * that shows what is kept and what moves), or dismiss the pair.
 */
import { Anchor, Badge, Button, Card, EmptyState, Group, SimpleGrid, Stack } from '@mantine/core';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type ReactNode, useState } from 'react';
import { Link } from 'react-router';
import { NoAccessPage } from '../../shell/RequirePermission.tsx';
import { CursorPager, useCursorPages } from '../../ui/cursorPages.tsx';
import { ErrorAlert } from '../../ui/ErrorAlert.tsx';
import { Icon } from '../../ui/icons.tsx';
import { PageHeader } from '../../ui/PageHeader.tsx';
import { QueryView } from '../../ui/QueryView.tsx';
import { useCan } from '../auth/session.tsx';
import { customerKeys, customersApi, type Duplicate, type DuplicateSide } from './api.ts';
import { useCustomersT } from './i18n.ts';
import { MergeConfirm } from './MergeConfirm.tsx';
import { translateError } from './messages.ts';
import { IdentityLines, TierBadge } from './parts.tsx';

export function DuplicatesPage() {
  const t = useCustomersT();
  const can = useCan();
  const pages = useCursorPages();
  const query = useQuery({
    queryKey: [...customerKeys.duplicates, pages.cursor],
    queryFn: () => customersApi.duplicates(pages.cursor),
    placeholderData: keepPreviousData,
    enabled: can('customers.read'),
  });
  if (!can('customers.read')) return <NoAccessPage />;
  return (
    <>
      <PageHeader title={t('duplicates.title')} description={t('duplicates.description')} />
      <QueryView
        query={query}
        isEmpty={(page) => page.items.length === 0}
        empty={
          <EmptyState
            mt="lg"
            icon={<Icon name="check" size={28} />}
            withIndicatorBackground
            title={t('duplicates.emptyTitle')}
            description={t('duplicates.empty')}
            data-testid="duplicates-empty"
          />
        }
      >
        {(page) => (
          <Stack gap="md">
            {page.items.map((pair) => (
              <PairCard key={pair.id} pair={pair} writable={can('customers.write')} />
            ))}
            <CursorPager pages={pages} nextCursor={page.nextCursor} />
          </Stack>
        )}
      </QueryView>
    </>
  );
}

function PairCard({ pair, writable }: { pair: Duplicate; writable: boolean }) {
  const t = useCustomersT();
  const queryClient = useQueryClient();
  const done = () => queryClient.invalidateQueries({ queryKey: customerKeys.all });
  const [asked, setAsked] = useState<{ keep: DuplicateSide; drop: DuplicateSide } | null>(null);
  const merge = useMutation({
    mutationFn: ({ keep, drop }: { keep: string; drop: string }) => customersApi.merge(keep, drop),
    onSuccess: async () => {
      setAsked(null);
      await done();
    },
  });
  const dismiss = useMutation({ mutationFn: () => customersApi.dismissDuplicate(pair.id), onSuccess: done });
  const reason =
    pair.reason === 'name'
      ? t('duplicates.reason.name', { percent: Math.round(pair.similarity * 100) })
      : t(pair.reason === 'email' ? 'duplicates.reason.email' : 'duplicates.reason.phone');
  const error = asked ? dismiss.error : (merge.error ?? dismiss.error);
  return (
    <Card withBorder radius="md" padding="md" data-testid="duplicate-pair">
      <Group justify="space-between" mb="sm">
        <Badge variant="light">{reason}</Badge>
        {writable && (
          <Button
            size="xs"
            variant="subtle"
            color="gray"
            loading={dismiss.isPending}
            onClick={() => dismiss.mutate()}
          >
            {t('duplicates.dismiss')}
          </Button>
        )}
      </Group>
      {error && <ErrorAlert error={translateError(t, error)} />}
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
        {[
          [pair.a, pair.b],
          [pair.b, pair.a],
        ].map(([keep, drop]) => (
          <Side
            key={keep!.id}
            side={keep!}
            action={
              writable && (
                <Button
                  size="xs"
                  onClick={() => {
                    merge.reset();
                    setAsked({ keep: keep!, drop: drop! });
                  }}
                >
                  {t('duplicates.mergeInto')}
                </Button>
              )
            }
          />
        ))}
      </SimpleGrid>
      {asked && (
        <MergeConfirm
          keep={asked.keep}
          drop={asked.drop}
          pending={merge.isPending}
          error={merge.error && <ErrorAlert error={translateError(t, merge.error)} />}
          onConfirm={() => merge.mutate({ keep: asked.keep.id, drop: asked.drop.id })}
          onCancel={() => setAsked(null)}
        />
      )}
    </Card>
  );
}

function Side({ side, action }: { side: DuplicateSide; action: ReactNode }) {
  return (
    <Card withBorder radius="sm" padding="sm" data-testid="duplicate-side">
      <Group justify="space-between" wrap="nowrap" mb={4}>
        <Anchor component={Link} to={`/customers/${side.id}`} fw={500}>
          {side.name}
        </Anchor>
        <TierBadge tier={side.tier} />
      </Group>
      <IdentityLines identities={side.identities} />
      <Group justify="flex-end" mt="xs">
        {action}
      </Group>
    </Card>
  );
}
