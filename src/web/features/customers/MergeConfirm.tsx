/**
 * The confirmation before a merge: which customer is kept, which one moves into it with its identities,
 * and what becomes of it. Enter merges (the button has the focus), Escape cancels.
 */
import { Button, Card, Group, Modal, Stack, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import type { DuplicateSide } from './api.ts';
import { useCustomersT } from './i18n.ts';
import { IdentityLines, TierBadge } from './parts.tsx';

export function MergeConfirm({
  keep,
  drop,
  pending,
  error,
  onConfirm,
  onCancel,
}: {
  keep: DuplicateSide;
  drop: DuplicateSide;
  pending: boolean;
  error: ReactNode;
  onConfirm: () => void;
  onCancel: () => void;
}) {
  const t = useCustomersT();
  const names = { keep: keep.name, drop: drop.name };
  return (
    <Modal opened onClose={onCancel} title={t('mergeConfirm.title')} size="lg" data-testid="merge-confirm">
      <Stack gap="sm">
        <Summary label={t('mergeConfirm.kept')} side={keep} testId="merge-kept" />
        <Summary label={t('mergeConfirm.moved')} side={drop} testId="merge-moved" />
        <Text size="sm">{t('mergeConfirm.whatMoves', names)}</Text>
        <Text size="sm" c="dimmed">
          {t('mergeConfirm.tombstone', names)}
        </Text>
        {error}
        <Group justify="flex-end">
          <Button variant="default" onClick={onCancel}>
            {t('actions.cancel')}
          </Button>
          <Button loading={pending} onClick={onConfirm} data-autofocus>
            {t('mergeConfirm.confirm')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

function Summary({ label, side, testId }: { label: string; side: DuplicateSide; testId: string }) {
  const t = useCustomersT();
  return (
    <Card withBorder radius="sm" padding="sm" data-testid={testId}>
      <Text size="xs" c="dimmed" tt="uppercase" fw={600}>
        {label}
      </Text>
      <Group justify="space-between" wrap="nowrap" mb={4}>
        <Text fw={500}>{side.name}</Text>
        <TierBadge tier={side.tier} />
      </Group>
      {side.identities.length === 0 && (
        <Text size="sm" c="dimmed">
          {t('mergeConfirm.noIdentities')}
        </Text>
      )}
      <IdentityLines identities={side.identities} />
    </Card>
  );
}
