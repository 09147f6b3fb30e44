/**
 * Edits one shift of a roster: move it (another start, another agent), swap it with another shift of
 * the day, or give its agent the day off. Alt+← / Alt+→ move it by 15 minutes; Esc closes.
 */
import { Button, Card, CloseButton, Group, Select, Stack, Text, Title } from '@mantine/core';
import { useHotkeys } from '@mantine/hooks';
import { useState } from 'react';
import { TimeField } from './fields.tsx';
import type { RosterEdit, Shift } from './schedule-api.ts';
import { useScheduleT } from './schedule-i18n.ts';
import { timeOf } from './time.ts';

export function ShiftEditor({
  shift,
  dayShifts,
  names,
  dayLabel,
  pending,
  onEdit,
  onClose,
}: {
  shift: Shift;
  dayShifts: Shift[];
  names: Record<string, string>;
  dayLabel: string;
  pending: boolean;
  onEdit: (edit: RosterEdit) => void;
  onClose: () => void;
}) {
  const t = useScheduleT();
  const day = shift.start.slice(0, 10);
  const [start, setStart] = useState(timeOf(shift.start));
  const [agentId, setAgentId] = useState<string | null>(shift.agentId);
  const [other, setOther] = useState<string | null>(null);
  const name = names[shift.agentId] ?? shift.agentId;
  const nudge = (minutes: number) => {
    const next = new Date(Date.parse(`${shift.start}Z`) + minutes * 60_000).toISOString().slice(0, 19);
    onEdit({ type: 'move', shiftId: shift.id, start: next });
  };
  useHotkeys([
    ['alt+ArrowLeft', () => !pending && nudge(-15)],
    ['alt+ArrowRight', () => !pending && nudge(15)],
    ['Escape', onClose],
  ]);
  const move = () =>
    onEdit({
      type: 'move',
      shiftId: shift.id,
      start: `${day}T${start}:00`,
      ...(agentId && agentId !== shift.agentId ? { agentId } : {}),
    });
  return (
    <Card withBorder radius="md" padding="md" data-testid="shift-editor">
      <Group justify="space-between" mb="xs">
        <Title order={5}>
          {t('edit.title', { name, day: dayLabel, start: timeOf(shift.start), end: timeOf(shift.end) })}
        </Title>
        <CloseButton aria-label={t('edit.close')} onClick={onClose} />
      </Group>
      <Text size="xs" c="dimmed" mb="sm">
        {t('edit.hint')}
      </Text>
      <Stack gap="sm">
        <Group align="flex-end">
          <TimeField label={t('edit.start')} value={start} onChange={setStart} testId="edit-start" />
          <Select
            label={t('edit.agent')}
            value={agentId}
            onChange={setAgentId}
            data={Object.entries(names).map(([value, label]) => ({ value, label }))}
            data-testid="edit-agent"
          />
          <Button onClick={move} loading={pending} data-testid="edit-move">
            {t('edit.move')}
          </Button>
        </Group>
        <Group align="flex-end">
          <Select
            label={t('edit.swapWith')}
            value={other}
            onChange={setOther}
            data={dayShifts
              .filter((s) => s.id !== shift.id && s.agentId !== shift.agentId)
              .map((s) => ({
                value: s.id,
                label: `${names[s.agentId] ?? s.agentId} ${timeOf(s.start)}–${timeOf(s.end)}`,
              }))}
            data-testid="edit-swap-with"
          />
          <Button
            variant="light"
            disabled={!other}
            loading={pending}
            onClick={() => other && onEdit({ type: 'swap', shiftId: shift.id, otherShiftId: other })}
            data-testid="edit-swap"
          >
            {t('edit.swap')}
          </Button>
          <Button
            variant="default"
            color="red"
            loading={pending}
            onClick={() => onEdit({ type: 'time_off', agentId: shift.agentId, day })}
            data-testid="edit-time-off"
          >
            {t('edit.timeOff', { name })}
          </Button>
        </Group>
      </Stack>
    </Card>
  );
}
