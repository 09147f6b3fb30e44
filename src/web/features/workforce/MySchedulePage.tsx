/**
 * An agent's own schedule: the week's published shifts with breaks and lunches (← and → change the
 * week), and their days off with a form to ask for one.
 */
import { Badge, Button, Card, Group, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useHotkeys } from '@mantine/hooks';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { NoAccessPage } from '../../shell/RequirePermission.tsx';
import { ErrorAlert } from '../../ui/ErrorAlert.tsx';
import { dayIn } from '../../ui/format.ts';
import { PageHeader } from '../../ui/PageHeader.tsx';
import { QueryView } from '../../ui/QueryView.tsx';
import { useCan, useSession } from '../auth/session.tsx';
import { Gantt } from './Gantt.tsx';
import { addDays, mondayOf, paidHours } from './gantt.ts';
import { type MySchedule, type Shift, scheduleApi, scheduleKeys } from './schedule-api.ts';
import { useScheduleT } from './schedule-i18n.ts';
import { STATUS_COLOR } from './TimeOffCard.tsx';
import { dayLabel, timeOf } from './time.ts';

/** A shift moved by whole days, so that a week's shifts share one time axis. */
function rebase(s: Shift, days: number): Shift {
  const move = (local: string) => addDays(local.slice(0, 10), days) + local.slice(10);
  return {
    ...s,
    start: move(s.start),
    end: move(s.end),
    breaks: s.breaks.map((b) => ({ ...b, start: move(b.start), end: move(b.end) })),
  };
}

export function MySchedulePage() {
  const t = useScheduleT();
  const can = useCan();
  const { timeZone } = useSession().workspace;
  const [from, setFrom] = useState(() => mondayOf(dayIn(timeZone)));
  const query = useQuery({
    queryKey: scheduleKeys.mySchedule(from),
    queryFn: () => scheduleApi.mySchedule(from),
  });
  useHotkeys([
    ['ArrowLeft', () => setFrom((f) => addDays(f, -7))],
    ['ArrowRight', () => setFrom((f) => addDays(f, 7))],
  ]);
  if (!can('wfm.read')) return <NoAccessPage />;
  return (
    <>
      <PageHeader
        title={t('my.title')}
        description={t('my.description')}
        actions={
          <>
            <Button variant="default" onClick={() => setFrom(addDays(from, -7))} data-testid="my-prev">
              {t('my.prev')}
            </Button>
            <Button variant="subtle" onClick={() => setFrom(mondayOf(dayIn(timeZone)))}>
              {t('my.today')}
            </Button>
            <Button variant="default" onClick={() => setFrom(addDays(from, 7))} data-testid="my-next">
              {t('my.next')}
            </Button>
          </>
        }
      />
      <Text size="xs" c="dimmed" mb="sm">
        {t('my.hint')}
      </Text>
      <Stack gap="lg">
        <QueryView query={query}>{(r) => <Week schedule={r} />}</QueryView>
        <AskTimeOff />
      </Stack>
    </>
  );
}

function Week({ schedule }: { schedule: MySchedule }) {
  const t = useScheduleT();
  const { i18n } = useTranslation();
  const days = Array.from({ length: schedule.days }, (_, i) => addDays(schedule.from, i));
  const off = new Map(schedule.timeOff.map((x) => [x.day, x]));
  return (
    <Card withBorder radius="md" padding="md" data-testid="my-week">
      <Group justify="space-between" mb="sm">
        <Title order={4}>
          {dayLabel(days[0]!, i18n.language)} – {dayLabel(days[days.length - 1]!, i18n.language)}
        </Title>
        <Text size="sm" c="dimmed">
          {t('my.hours', { hours: paidHours(schedule.shifts) })}
        </Text>
      </Group>
      {schedule.shifts.length === 0 ? (
        <Text c="dimmed" data-testid="my-empty">
          {t('my.empty')}
        </Text>
      ) : (
        <Gantt
          day={days[0]!}
          dayLabel=""
          rows={days.map((d, i) => ({
            agentId: d,
            name: dayLabel(d, i18n.language),
            shifts: schedule.shifts.filter((s) => s.start.startsWith(d)).map((s) => rebase(s, -i)),
          }))}
        />
      )}
      <Table mt="md" data-testid="my-table">
        <Table.Tbody>
          {days.map((d) => {
            const mine = schedule.shifts.filter((s) => s.start.startsWith(d));
            const dayOff = off.get(d);
            return (
              <Table.Tr key={d}>
                <Table.Td w={140}>{dayLabel(d, i18n.language)}</Table.Td>
                <Table.Td>
                  {mine.length === 0 && (
                    <Text size="sm" c="dimmed">
                      {t('my.off')}
                    </Text>
                  )}
                  {mine.map((s) => (
                    <Stack key={s.id} gap={2}>
                      <Text size="sm" fw={600} data-testid="my-shift">
                        {t('my.shift', { start: timeOf(s.start), end: timeOf(s.end) })} ·{' '}
                        {t('my.queue', { queue: s.queueKey })}
                      </Text>
                      <Text size="xs" c="dimmed">
                        {s.breaks
                          .map((b) => `${t(`gantt.${b.kind}`)} ${timeOf(b.start)}–${timeOf(b.end)}`)
                          .join(' · ')}
                      </Text>
                    </Stack>
                  ))}
                </Table.Td>
                <Table.Td w={140}>
                  {dayOff && (
                    <Badge variant="light" color={STATUS_COLOR[dayOff.status]}>
                      {t(`timeOff.${dayOff.status}`)}
                    </Badge>
                  )}
                </Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
    </Card>
  );
}

function AskTimeOff() {
  const t = useScheduleT();
  const queryClient = useQueryClient();
  const [day, setDay] = useState('');
  const [note, setNote] = useState('');
  const ask = useMutation({
    mutationFn: () => scheduleApi.askTimeOff(day, note),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['workforce', 'my-schedule'] }),
  });
  return (
    <Card withBorder radius="md" padding="md" data-testid="ask-time-off">
      <Title order={4} mb="sm">
        {t('timeOff.ask')}
      </Title>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          ask.mutate();
        }}
      >
        <Group align="flex-end">
          <TextInput
            type="date"
            required
            label={t('timeOff.day')}
            value={day}
            onChange={(e) => setDay(e.currentTarget.value)}
            data-testid="time-off-day"
          />
          <TextInput
            label={t('timeOff.note')}
            value={note}
            onChange={(e) => setNote(e.currentTarget.value)}
            maxLength={500}
            w={280}
          />
          <Button type="submit" disabled={!day} loading={ask.isPending} data-testid="time-off-submit">
            {t('timeOff.ask')}
          </Button>
        </Group>
      </form>
      {ask.isSuccess && (
        <Text size="sm" c="teal" mt="xs" role="status">
          {t('timeOff.asked')}
        </Text>
      )}
      {ask.error && <ErrorAlert error={ask.error} />}
    </Card>
  );
}
