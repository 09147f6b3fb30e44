/** Small form fields of the schedule screens: a quarter-hour time and a choice of weekdays. */
import { Chip, Group, Stack, Text, TextInput } from '@mantine/core';
import { useScheduleT } from './schedule-i18n.ts';

export const WEEKDAYS = ['d0', 'd1', 'd2', 'd3', 'd4', 'd5', 'd6'] as const;

/** A time of day on quarter hours, `HH:MM` (empty when cleared). */
export function TimeField(props: {
  label: string;
  value: string;
  onChange: (v: string) => void;
  testId?: string;
}) {
  return (
    <TextInput
      type="time"
      step={900}
      label={props.label}
      value={props.value}
      onChange={(e) => props.onChange(e.currentTarget.value)}
      data-testid={props.testId}
    />
  );
}

/** Weekdays to pick, Monday first, as chips (`d0` … `d6`). */
export function WeekdayChips(props: {
  label: string;
  value: string[];
  onChange: (v: string[]) => void;
  testId: string;
  color?: string;
}) {
  const t = useScheduleT();
  return (
    <Stack gap={4}>
      <Text size="sm" fw={500}>
        {props.label}
      </Text>
      <Chip.Group multiple value={props.value} onChange={props.onChange}>
        <Group gap={4} data-testid={props.testId}>
          {WEEKDAYS.map((d) => (
            <Chip key={d} value={d} size="xs" color={props.color}>
              {t(`agents.weekdays.${d}`)}
            </Chip>
          ))}
        </Group>
      </Chip.Group>
    </Stack>
  );
}
