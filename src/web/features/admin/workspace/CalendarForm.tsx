/** The business-hours calendar: opening hours per weekday and the holidays when the center is closed. */
import { Divider, Paper, Stack, Text, Title } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Holiday, OpeningInterval, WorkspaceSettings } from '../../../api/types.ts';
import { formErrors } from '../../../ui/errors.ts';
import { FormError } from '../../../ui/FormError.tsx';
import { HolidaysEditor } from './HolidaysEditor.tsx';
import { SaveRow } from './SaveRow.tsx';
import { useSaveWorkspace } from './useSaveWorkspace.ts';
import { WeeklyHoursEditor } from './WeeklyHoursEditor.tsx';
import { isOrdered } from './weekly.ts';

export function CalendarForm({ settings }: { settings: WorkspaceSettings }) {
  const { t } = useTranslation();
  const [weekly, setWeekly] = useState<OpeningInterval[]>(settings.businessHours.weekly);
  const [holidays, setHolidays] = useState<Holiday[]>(() =>
    [...settings.businessHours.holidays].sort((a, b) => a.date.localeCompare(b.date)),
  );
  const save = useSaveWorkspace();
  const errors = formErrors(t, save.error, ['businessHours']);
  const unordered = weekly.some((interval) => !isOrdered(interval));
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!unordered) save.mutate({ businessHours: { weekly, holidays } });
  };
  return (
    <Paper withBorder p="lg" radius="md" component="section">
      <form onSubmit={submit} noValidate data-testid="workspace-calendar">
        <Stack gap="md">
          <div>
            <Title order={4}>{t('admin.workspace.hours')}</Title>
            <Text size="sm" c="dimmed">
              {t('admin.workspace.hoursHelp', { timeZone: settings.timeZone })}
            </Text>
          </div>
          <FormError message={errors.form} />
          <WeeklyHoursEditor weekly={weekly} onChange={setWeekly} errors={errors.fields} />
          <Divider />
          <Title order={5}>{t('admin.workspace.holidays')}</Title>
          <HolidaysEditor holidays={holidays} onChange={setHolidays} errors={errors.fields} />
          <SaveRow saving={save.isPending} saved={save.isSuccess} />
        </Stack>
      </form>
    </Paper>
  );
}
