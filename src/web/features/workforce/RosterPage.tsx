/**
 * A plan's roster for supervisors: build it with the solver, see it as a Gantt chart per agent (a day)
 * or a table (the week), edit shifts (move, swap, day off) with what each edit breaks, and publish it.
 */
import {
  Alert,
  Badge,
  Button,
  Card,
  Group,
  SegmentedControl,
  Select,
  Stack,
  Table,
  Text,
  Title,
  UnstyledButton,
} from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { ApiError } from '../../api/client.ts';
import { NoAccessPage } from '../../shell/RequirePermission.tsx';
import { ErrorAlert } from '../../ui/ErrorAlert.tsx';
import { PageHeader } from '../../ui/PageHeader.tsx';
import { QueryView } from '../../ui/QueryView.tsx';
import { useCan } from '../auth/session.tsx';
import { AgentsCard } from './AgentsCard.tsx';
import { workforceApi, workforceKeys } from './api.ts';
import { Gantt } from './Gantt.tsx';
import { addDays } from './gantt.ts';
import { ShiftEditor } from './ShiftEditor.tsx';
import { type Roster, type RosterEdit, type Shift, scheduleApi, scheduleKeys } from './schedule-api.ts';
import { useScheduleT } from './schedule-i18n.ts';
import { TimeOffCard } from './TimeOffCard.tsx';
import { dayLabel, timeOf } from './time.ts';
import { useTeams } from './useTeams.ts';
import { ViolationList } from './ViolationList.tsx';

export function RosterPage() {
  const { id = '' } = useParams();
  const can = useCan();
  const t = useScheduleT();
  const queryClient = useQueryClient();
  const plan = useQuery({
    queryKey: workforceKeys.plan(id),
    queryFn: () => workforceApi.plan(id),
    enabled: can('wfm.manage'),
  });
  const roster = useQuery({
    queryKey: scheduleKeys.roster(id),
    queryFn: () => scheduleApi.roster(id),
    enabled: can('wfm.manage'),
    retry: (count, error) => !(error instanceof ApiError && error.status === 404) && count < 2,
  });
  const setRoster = (next: Roster) => queryClient.setQueryData(scheduleKeys.roster(id), next);
  const solve = useMutation({ mutationFn: () => scheduleApi.solve(id), onSuccess: setRoster });
  const publish = useMutation({ mutationFn: () => scheduleApi.publish(id), onSuccess: setRoster });
  if (!can('wfm.manage')) return <NoAccessPage />;
  const missing = roster.error instanceof ApiError && roster.error.status === 404;
  const refresh = () => void queryClient.invalidateQueries({ queryKey: scheduleKeys.roster(id) });
  return (
    <>
      <PageHeader
        title={t('roster.title', { plan: plan.data?.name ?? '…' })}
        description={t('roster.description')}
        actions={
          <>
            <Button component={Link} to={`/workforce/plans/${id}`} variant="subtle">
              {t('roster.back')}
            </Button>
            {roster.data?.status !== 'published' && (
              <Button
                variant={roster.data ? 'light' : 'filled'}
                loading={solve.isPending}
                onClick={() => solve.mutate()}
                data-testid="roster-solve"
              >
                {t(roster.data ? 'roster.resolve' : 'roster.solve')}
              </Button>
            )}
            {roster.data?.status === 'draft' && (
              <Button
                loading={publish.isPending}
                onClick={() => publish.mutate()}
                data-testid="roster-publish"
              >
                {t('roster.publish')}
              </Button>
            )}
          </>
        }
      />
      <Stack gap="lg">
        {[solve.error, publish.error].map(
          // biome-ignore lint/suspicious/noArrayIndexKey: fixed slots
          (e, i) => e && <ErrorAlert key={i} error={e} />,
        )}
        {missing ? (
          <Alert variant="light" data-testid="roster-empty">
            {t('roster.empty')}
          </Alert>
        ) : (
          <QueryView query={roster}>{(r) => <RosterView roster={r} onChange={setRoster} />}</QueryView>
        )}
        {plan.data && <AgentsCard queueKey={plan.data.queueKey} onChange={refresh} />}
        <TimeOffCard
          from={roster.data?.firstDay ?? plan.data?.intervals[0]?.start.slice(0, 10) ?? '2000-01-01'}
          onChange={refresh}
        />
      </Stack>
    </>
  );
}

/** The team choice that shows every agent. */
const ALL_TEAMS = '*';

function RosterView({ roster, onChange }: { roster: Roster; onChange: (r: Roster) => void }) {
  const t = useScheduleT();
  const { i18n } = useTranslation();
  const days = Array.from({ length: roster.days }, (_, i) => addDays(roster.firstDay, i));
  const [day, setDay] = useState(days[0]!);
  const [selected, setSelected] = useState<string | null>(null);
  const edit = useMutation({
    mutationFn: (e: RosterEdit) => scheduleApi.edit(roster.planId, e),
    onSuccess: (next, e) => {
      onChange(next);
      if (e.type === 'time_off') setSelected(null);
    },
  });
  const { teams, team, setTeam, inTeam } = useTeams();
  const agents = Object.entries(roster.names)
    .filter(([agentId]) => inTeam(agentId))
    .sort((a, b) => a[1].localeCompare(b[1]));
  const flagged = new Set(
    roster.violations.flatMap((v) => (v.shiftId && v.severity === 'error' ? [v.shiftId] : [])),
  );
  const ofDay = (d: string) => roster.shifts.filter((s) => s.start.startsWith(d));
  const shift = roster.shifts.find((s) => s.id === selected) ?? null;
  const s = roster.summary;
  return (
    <Stack gap="lg">
      <Group gap="sm">
        <Badge
          color={roster.status === 'published' ? 'teal' : 'gray'}
          variant="light"
          data-testid="roster-status"
        >
          {t(roster.status === 'published' ? 'roster.published' : 'roster.draft')}
        </Badge>
        <Text size="sm" c="dimmed" data-testid="roster-summary">
          {t('roster.summary', {
            shifts: roster.shifts.length,
            weekends: s.fairness.maxWeekendDays,
            nights: s.fairness.maxNights,
            seconds: s.seconds.toFixed(1),
          })}
        </Text>
      </Group>
      {roster.preferences.length > 0 && (
        <Text size="sm" data-testid="roster-preferences">
          {t('roster.preferences')}{' '}
          {roster.preferences
            .map((p) =>
              t('roster.preferenceTally', {
                name: roster.names[p.agentId] ?? p.agentId,
                met: p.met,
                broken: p.broken,
              }),
            )
            .join(' · ')}
        </Text>
      )}
      {s.unassignable.map((u) => (
        <Alert key={u.agentId} color="yellow" variant="light">
          {t(u.reason === 'not_qualified' ? 'roster.notQualified' : 'roster.noAvailability', {
            name: roster.names[u.agentId] ?? u.agentId,
          })}
        </Alert>
      ))}
      <Card withBorder radius="md" padding="md">
        <Group mb="md" justify="space-between" align="flex-end">
          <SegmentedControl
            aria-label={t('roster.day')}
            value={day}
            onChange={(d) => {
              setDay(d);
              setSelected(null);
            }}
            data={[
              ...days.map((d) => ({ value: d, label: dayLabel(d, i18n.language) })),
              { value: 'week', label: t('roster.week') },
            ]}
            data-testid="roster-days"
          />
          {teams.length > 0 && (
            <Select
              label={t('roster.team')}
              allowDeselect={false}
              value={team ?? ALL_TEAMS}
              onChange={(v) => setTeam(v && v !== ALL_TEAMS ? v : null)}
              data={[{ value: ALL_TEAMS, label: t('roster.allTeams') }, ...teams]}
              w={200}
              data-testid="roster-team"
            />
          )}
        </Group>
        {day === 'week' ? (
          <WeekTable
            days={days}
            agents={agents}
            roster={roster}
            flagged={flagged}
            onSelect={(x) => {
              setDay(x.start.slice(0, 10));
              setSelected(x.id);
            }}
          />
        ) : (
          <>
            <Gantt
              day={day}
              dayLabel={dayLabel(day, i18n.language)}
              rows={agents.map(([agentId, name]) => ({
                agentId,
                name,
                shifts: ofDay(day).filter((x) => x.agentId === agentId),
              }))}
              selected={selected}
              flagged={flagged}
              onSelect={(x) => setSelected(x.id)}
            />
            <Coverage roster={roster} dayIndex={days.indexOf(day)} />
          </>
        )}
      </Card>
      {edit.error && <ErrorAlert error={edit.error} />}
      {shift && day !== 'week' && (
        <ShiftEditor
          key={`${shift.id}-${shift.start}-${shift.agentId}`}
          shift={shift}
          dayShifts={ofDay(day)}
          names={roster.names}
          dayLabel={dayLabel(day, i18n.language)}
          pending={edit.isPending}
          onEdit={(e) => edit.mutate(e)}
          onClose={() => setSelected(null)}
        />
      )}
      {edit.isSuccess && (
        <Text size="sm" c="teal" role="status">
          {t('edit.saved')}
        </Text>
      )}
      <Card withBorder radius="md" padding="md">
        <Title order={4} mb="sm">
          {t('violations.title')}
        </Title>
        <ViolationList violations={roster.violations} names={roster.names} />
      </Card>
    </Stack>
  );
}

function WeekTable({
  days,
  agents,
  roster,
  flagged,
  onSelect,
}: {
  days: string[];
  agents: [string, string][];
  roster: Roster;
  flagged: ReadonlySet<string>;
  onSelect: (s: Shift) => void;
}) {
  const t = useScheduleT();
  const { i18n } = useTranslation();
  return (
    <Table.ScrollContainer minWidth={800}>
      <Table withColumnBorders data-testid="roster-week">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('gantt.agent')}</Table.Th>
            {days.map((d) => (
              <Table.Th key={d}>{dayLabel(d, i18n.language)}</Table.Th>
            ))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {agents.map(([agentId, name]) => (
            <Table.Tr key={agentId}>
              <Table.Td>{name}</Table.Td>
              {days.map((d) => {
                const mine = roster.shifts.filter((x) => x.agentId === agentId && x.start.startsWith(d));
                return (
                  <Table.Td key={d}>
                    {mine.length === 0 ? (
                      <Text size="xs" c="dimmed">
                        {t('gantt.dayOff')}
                      </Text>
                    ) : (
                      mine.map((x) => (
                        <UnstyledButton key={x.id} onClick={() => onSelect(x)} data-testid="week-shift">
                          <Badge
                            variant="light"
                            color={flagged.has(x.id) ? 'red' : 'blue'}
                            style={{ cursor: 'pointer' }}
                          >
                            {timeOf(x.start)}–{timeOf(x.end)}
                          </Badge>
                        </UnstyledButton>
                      ))
                    )}
                  </Table.Td>
                );
              })}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

/** Per hour with any requirement: the fewest agents scheduled against the most required. */
function Coverage({ roster, dayIndex }: { roster: Roster; dayIndex: number }) {
  const t = useScheduleT();
  const need = roster.requirement[dayIndex] ?? [];
  const have = roster.coverage[dayIndex] ?? [];
  const hours = Array.from({ length: 24 }, (_, h) => ({
    h,
    need: Math.max(...need.slice(h * 4, h * 4 + 4)),
    have: Math.min(...have.slice(h * 4, h * 4 + 4)),
  })).filter((x) => x.need > 0 || x.have > 0);
  if (hours.length === 0) return null;
  return (
    <Stack gap={4} mt="md" data-testid="coverage">
      <Text size="xs" c="dimmed">
        {t('gantt.coverage')}
      </Text>
      <Group gap={4}>
        {hours.map((x) => (
          <Badge key={x.h} variant="light" color={x.have < x.need ? 'red' : 'teal'} radius="sm" tt="none">
            {String(x.h).padStart(2, '0')}h {x.have}/{x.need}
          </Badge>
        ))}
      </Group>
    </Stack>
  );
}
