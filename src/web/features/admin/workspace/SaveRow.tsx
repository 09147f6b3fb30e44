import { Alert, Button, Group } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/** The save button of a settings card, with a note once the save went through. */
export function SaveRow({ saving, saved }: { saving: boolean; saved: boolean }) {
  const { t } = useTranslation();
  return (
    <Group justify="flex-end" gap="sm">
      {saved && (
        <Alert color="teal" variant="light" py={6}>
          {t('common.saved')}
        </Alert>
      )}
      <Button type="submit" loading={saving}>
        {t('common.save')}
      </Button>
    </Group>
  );
}
