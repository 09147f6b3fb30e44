/**
 * A day of shifts per agent on a time axis: work, breaks and lunches as coloured bars. Each shift is a
 * button (Tab reaches it, Enter selects it); flagged shifts have a red outline; `marks` overlay
 * stretches (out of adherence) in red hatching.
 */
import { Box, Group, Stack, Text, UnstyledButton } from '@mantine/core';
import type { CSSProperties } from 'react';
import { axisHours, minutesInto, type SegmentKind, segments } from './gantt.ts';
import type { Shift } from './schedule-api.ts';
import { useScheduleT } from './schedule-i18n.ts';
import { timeOf } from './time.ts';

export interface GanttRow {
  agentId: string;
  name: string;
  shifts: Shift[];
  /** Stretches to overlay, e.g. out of adherence. */
  marks?: { start: string; end: string }[];
}

const COLORS: Record<SegmentKind, string> = {
  work: 'var(--mantine-color-blue-6)',
  break: 'var(--mantine-color-yellow-5)',
  lunch: 'var(--mantine-color-orange-6)',
};

export function Gantt({
  day,
  rows,
  selected,
  flagged,
  onSelect,
  dayLabel,
}: {
  day: string;
  rows: GanttRow[];
  selected?: string | null;
  flagged?: ReadonlySet<string>;
  onSelect?: (shift: Shift) => void;
  dayLabel: string;
}) {
  const t = useScheduleT();
  const axis = axisHours(
    day,
    rows.flatMap((r) => r.shifts),
  );
  const span = (axis.to - axis.from) * 60;
  const left = (minutes: number) => `${((minutes - axis.from * 60) / span) * 100}%`;
  const width = (from: number, to: number) => `${((to - from) / span) * 100}%`;
  const hours = Array.from({ length: axis.to - axis.from + 1 }, (_, i) => axis.from + i);
  return (
    <Stack gap={4} data-testid="gantt">
      <Group gap="md">
        {(['work', 'break', 'lunch'] as const).map((k) => (
          <Group key={k} gap={4}>
            <Box w={14} h={10} style={{ background: COLORS[k], borderRadius: 2 }} />
            <Text size="xs">{t(`gantt.${k}`)}</Text>
          </Group>
        ))}
        {onSelect && (
          <Text size="xs" c="dimmed">
            {t('gantt.hint')}
          </Text>
        )}
      </Group>
      <Group gap={0} wrap="nowrap" align="flex-end">
        <Box w={170} />
        <Box pos="relative" h={18} style={{ flex: 1 }}>
          {hours.map((h) => (
            <Text
              key={h}
              size="xs"
              c="dimmed"
              pos="absolute"
              style={{ left: left(h * 60), transform: 'translateX(-50%)' }}
            >
              {String(h % 24).padStart(2, '0')}
            </Text>
          ))}
        </Box>
      </Group>
      {rows.map((row) => (
        <Group key={row.agentId} gap={0} wrap="nowrap" data-testid="gantt-row">
          <Text w={170} size="sm" truncate pr="xs">
            {row.name}
          </Text>
          <Box
            pos="relative"
            h={28}
            style={{
              flex: 1,
              background: 'var(--mantine-color-default-hover)',
              borderRadius: 4,
              backgroundImage: `repeating-linear-gradient(90deg, transparent 0, transparent calc(${100 / (axis.to - axis.from)}% - 1px), var(--mantine-color-default-border) calc(${100 / (axis.to - axis.from)}% - 1px), var(--mantine-color-default-border) ${100 / (axis.to - axis.from)}%)`,
            }}
          >
            {row.shifts.length === 0 && (
              <Text size="xs" c="dimmed" pl="xs" lh="28px">
                {t('gantt.dayOff')}
              </Text>
            )}
            {row.shifts.map((s) => {
              const from = minutesInto(day, s.start);
              const to = minutesInto(day, s.end);
              const label = t('gantt.shift', {
                name: row.name,
                day: dayLabel,
                start: timeOf(s.start),
                end: timeOf(s.end),
              });
              const style: CSSProperties = {
                position: 'absolute',
                top: 2,
                bottom: 2,
                left: left(from),
                width: width(from, to),
                display: 'flex',
                borderRadius: 4,
                overflow: 'hidden',
                outline: flagged?.has(s.id)
                  ? '2px solid var(--mantine-color-red-7)'
                  : selected === s.id
                    ? '3px solid var(--mantine-color-dark-9)'
                    : undefined,
                outlineOffset: 1,
              };
              return (
                <UnstyledButton
                  key={s.id}
                  style={style}
                  aria-label={label}
                  title={label}
                  aria-pressed={selected === s.id}
                  onClick={() => onSelect?.(s)}
                  data-testid="gantt-shift"
                  data-shift={s.id}
                >
                  {segments(day, s).map((seg) => (
                    <Box
                      key={`${seg.kind}-${seg.from}`}
                      h="100%"
                      style={{
                        width: `${((seg.to - seg.from) / (to - from)) * 100}%`,
                        background: COLORS[seg.kind],
                      }}
                    />
                  ))}
                </UnstyledButton>
              );
            })}
            {row.marks?.map((m) => {
              const from = Math.max(axis.from * 60, minutesInto(day, m.start));
              const to = minutesInto(day, m.end);
              return (
                <Box
                  key={m.start}
                  pos="absolute"
                  top={0}
                  bottom={0}
                  data-testid="gantt-mark"
                  style={{
                    left: left(from),
                    width: width(from, to),
                    pointerEvents: 'none',
                    background:
                      'repeating-linear-gradient(45deg, rgba(224,49,49,.55) 0 4px, rgba(224,49,49,.15) 4px 8px)',
                  }}
                />
              );
            })}
          </Box>
        </Group>
      ))}
    </Stack>
  );
}
