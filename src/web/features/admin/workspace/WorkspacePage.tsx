/** Admin › Workspace: general settings, and the business-hours calendar with its holidays. */
import { Stack } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { queryKeys, workspace } from '../../../api/endpoints.ts';
import { PageHeader } from '../../../ui/PageHeader.tsx';
import { LoadingLines, QueryView } from '../../../ui/QueryView.tsx';
import { CalendarForm } from './CalendarForm.tsx';
import { GeneralSettingsForm } from './GeneralSettingsForm.tsx';

export function WorkspacePage() {
  const { t } = useTranslation();
  const query = useQuery({ queryKey: queryKeys.workspace, queryFn: workspace.get });
  return (
    <>
      <PageHeader title={t('admin.workspace.title')} description={t('admin.workspace.description')} />
      <QueryView query={query} loading={<LoadingLines lines={8} />}>
        {(settings) => (
          <Stack gap="lg">
            <GeneralSettingsForm settings={settings} />
            <CalendarForm settings={settings} />
          </Stack>
        )}
      </QueryView>
    </>
  );
}
