/** A dot in the header saying whether live updates are flowing. */
import { Box, Group, Text, Tooltip } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useRealtimeStatus } from '../realtime/RealtimeProvider.tsx';

const COLORS = { online: 'teal', connecting: 'yellow', offline: 'red' } as const;

export function ConnectionIndicator() {
  const { t } = useTranslation();
  const status = useRealtimeStatus();
  const label = t(`realtime.${status}`);
  return (
    <Tooltip label={t('realtime.tooltip', { status: label })}>
      <Group gap={6} wrap="nowrap" data-testid="realtime-status" data-status={status} aria-live="polite">
        <Box w={10} h={10} bg={COLORS[status]} style={{ borderRadius: '50%' }} />
        <Text size="xs" c="dimmed" visibleFrom="sm">
          {label}
        </Text>
      </Group>
    </Tooltip>
  );
}
