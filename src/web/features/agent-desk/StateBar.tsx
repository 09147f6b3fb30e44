/** The agent's state (available, not ready with a reason, offline) and the capacity in use. */
import { Badge, Group, Progress, Select, Text } from '@mantine/core';
import { type AgentStatus, deskApi } from './api.ts';
import { type DeskKey, useDeskT } from './i18n.ts';

const REASONS = ['break', 'lunch', 'training', 'meeting', 'back_office'] as const;
const CHAT_COST = 34;
const CALLBACK_COST = 100;
const CAPACITY = 100;
const MAX_CHATS = 3;

export function StateBar({
  status,
  onStatus,
  activeChats,
  activeCalls = 0,
  onError,
}: {
  status: AgentStatus;
  onStatus: (s: AgentStatus) => void;
  activeChats: number;
  /** Call-backs the agent accepted and has not finished: each fills its capacity. */
  activeCalls?: number;
  onError: (e: Error) => void;
}) {
  const t = useDeskT();
  const value = status === 'busy' || status === 'wrap_up' ? 'available' : status;
  const options = [
    { value: 'available', label: t('state.available') },
    ...REASONS.map((r) => ({
      value: `not_ready:${r}`,
      label: `${t('state.not_ready')} · ${t(`reasons.${r}` as DeskKey)}`,
    })),
    { value: 'offline', label: t('state.offline') },
  ];
  const change = (v: string | null) => {
    if (!v) return;
    const [state, reason] = v.split(':') as ['available' | 'not_ready' | 'offline', string | undefined];
    deskApi.setState(state, reason).then((r) => onStatus(r.status), onError);
  };
  const used = activeChats * CHAT_COST + activeCalls * CALLBACK_COST;
  return (
    <Group justify="space-between" wrap="nowrap" data-testid="state-bar">
      <Group gap="sm">
        <Select
          aria-label={t('state.label')}
          data={options}
          value={value === 'not_ready' ? null : value}
          placeholder={t('state.not_ready')}
          onChange={change}
          // Give the keyboard back to the page, so A and D answer the next offer at once (also when the
          // agent picks the state it is already in).
          onOptionSubmit={() => {
            if (document.activeElement instanceof HTMLElement) document.activeElement.blur();
          }}
          w={260}
          allowDeselect={false}
        />
        <Badge
          color={
            status === 'available'
              ? 'green'
              : status === 'busy'
                ? 'orange'
                : status === 'wrap_up'
                  ? 'violet'
                  : 'gray'
          }
          data-testid="agent-status"
        >
          {t(`state.${status}` as DeskKey)}
        </Badge>
      </Group>
      <Group gap="xs" w={360} wrap="nowrap">
        <Text size="xs" c="dimmed">
          {t('capacity', { used, total: CAPACITY, chats: activeChats, maxChats: MAX_CHATS })}
        </Text>
        <Progress value={(used / CAPACITY) * 100} w={100} aria-label="capacity" />
      </Group>
    </Group>
  );
}
