/** A queue's business hours (none, the workspace's, or its own), what happens after hours, and overflow. */
import { Divider, NumberInput, SegmentedControl, Stack, Switch, Text } from '@mantine/core';
import { HolidaysEditor } from '../admin/workspace/HolidaysEditor.tsx';
import { WeeklyHoursEditor } from '../admin/workspace/WeeklyHoursEditor.tsx';
import { ActionFields } from './ActionFields.tsx';
import type { QueueDraft } from './draft.ts';
import { useRoutingT } from './i18n.ts';

interface Props {
  draft: QueueDraft;
  set: (change: Partial<QueueDraft>) => void;
  queues: { value: string; label: string }[];
  /** Server messages by path ('hours/weekly/0'). */
  errors: Record<string, string>;
}

const WORKDAYS = [1, 2, 3, 4, 5].map((day) => ({ day, open: '08:00', close: '18:00' }));

export function QueueHoursFields({ draft, set, queues, errors }: Props) {
  const t = useRoutingT();
  const mode = draft.hours === null ? 'always' : draft.hours.calendar;
  // The calendar editors speak the workspace's paths; the queue's errors come under /hours.
  const calendarErrors = Object.fromEntries(
    Object.entries(errors).map(([path, message]) => [path.replace(/^hours\//, 'businessHours/'), message]),
  );
  return (
    <Stack gap="sm">
      <Text size="sm" fw={500}>
        {t('form.hoursMode')}
      </Text>
      <SegmentedControl
        value={mode}
        data-testid="queue-hours-mode"
        data={(['always', 'workspace', 'custom'] as const).map((m) => ({
          value: m,
          label: t(`form.hoursModes.${m}`),
        }))}
        onChange={(value) =>
          set({
            hours:
              value === 'always'
                ? null
                : value === 'workspace'
                  ? { calendar: 'workspace' }
                  : { calendar: 'custom', weekly: WORKDAYS, holidays: [] },
          })
        }
      />
      {draft.hours?.calendar === 'custom' && (
        <>
          <WeeklyHoursEditor
            weekly={draft.hours.weekly}
            onChange={(weekly) =>
              draft.hours?.calendar === 'custom' && set({ hours: { ...draft.hours, weekly } })
            }
            errors={calendarErrors}
          />
          <Text size="sm" fw={500}>
            {t('form.holidays')}
          </Text>
          <HolidaysEditor
            holidays={draft.hours.holidays}
            onChange={(holidays) =>
              draft.hours?.calendar === 'custom' && set({ hours: { ...draft.hours, holidays } })
            }
            errors={calendarErrors}
          />
        </>
      )}
      {draft.hours !== null && (
        <ActionFields
          label={t('form.afterHours')}
          action={draft.afterHours}
          onChange={(afterHours) => set({ afterHours })}
          queues={queues}
          testId="queue-after-hours"
        />
      )}
      <Divider label={t('form.overflow')} labelPosition="left" />
      <Switch
        label={t('form.overflowOn')}
        checked={draft.overflow.enabled}
        onChange={(e) => set({ overflow: { ...draft.overflow, enabled: e.currentTarget.checked } })}
        data-testid="queue-overflow"
      />
      {draft.overflow.enabled && (
        <>
          <NumberInput
            label={t('form.maxWait')}
            value={draft.overflow.afterSeconds}
            min={0}
            onChange={(v) => set({ overflow: { ...draft.overflow, afterSeconds: Number(v) || 0 } })}
          />
          <ActionFields
            label={t('form.action')}
            action={draft.overflow.action}
            onChange={(action) => set({ overflow: { ...draft.overflow, action } })}
            queues={queues}
            testId="queue-overflow-action"
          />
        </>
      )}
    </Stack>
  );
}
