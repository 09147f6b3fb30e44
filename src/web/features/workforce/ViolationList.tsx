/** What a roster breaks, in the interface language: errors first, then the stretches short of agents. */
import { Alert, List, Stack, Text, ThemeIcon } from '@mantine/core';
import type { Violation } from './schedule-api.ts';
import { useScheduleT } from './schedule-i18n.ts';
import { formatSlot, timeOf } from './time.ts';

const hours = (minutes: number | undefined) => Math.round(((minutes ?? 0) / 60) * 100) / 100;

export function ViolationList({
  violations,
  names,
}: {
  violations: Violation[];
  names: Record<string, string>;
}) {
  const t = useScheduleT();
  if (violations.length === 0)
    return (
      <Alert color="teal" variant="light" data-testid="violations-none">
        {t('violations.none')}
      </Alert>
    );
  const sorted = [...violations].sort((a, b) =>
    a.severity === b.severity ? 0 : a.severity === 'error' ? -1 : 1,
  );
  return (
    <Stack gap="xs">
      <List spacing={4} size="sm" data-testid="violations">
        {sorted.map((v) => {
          const f = v.figures;
          const until = v.code === 'understaffed' ? addMinutes(v.at, f.minutes ?? 0) : '';
          const text = t(`violations.${v.code}` as 'violations.rest', {
            time: formatSlot(v.at),
            until:
              until.slice(0, 10) > v.at.slice(0, 10) && timeOf(until) === '00:00' ? '24:00' : timeOf(until),
            name: v.agentId ? (names[v.agentId] ?? v.agentId.slice(0, 8)) : '',
            restHours: hours(f.restMinutes),
            minRestHours: hours(f.minRestMinutes),
            days: f.days ?? 0,
            maxDays: f.maxDays ?? 0,
            hours: hours(f.minutes),
            contractHours: hours(f.contractMinutes),
            short: f.short ?? 0,
          });
          return (
            <List.Item
              key={`${v.code}-${v.at}-${v.agentId}-${v.shiftId}`}
              data-testid={`violation-${v.severity}`}
              icon={
                <ThemeIcon size={14} radius="xl" color={v.severity === 'error' ? 'red' : 'yellow'}>
                  <Text size="9px" fw={700}>
                    !
                  </Text>
                </ThemeIcon>
              }
            >
              {text}
            </List.Item>
          );
        })}
      </List>
    </Stack>
  );
}

function addMinutes(local: string, minutes: number): string {
  return new Date(Date.parse(`${local}Z`) + minutes * 60_000).toISOString().slice(0, 19);
}
