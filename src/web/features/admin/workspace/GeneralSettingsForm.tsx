import { Paper, Select, SimpleGrid, Stack, TextInput, Title } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Language, WorkspaceSettings } from '../../../api/types.ts';
import { countryOptions, timeZoneOptions } from '../../../ui/countries.ts';
import { formErrors } from '../../../ui/errors.ts';
import { FormError } from '../../../ui/FormError.tsx';
import { useLanguageOptions } from '../../../ui/options.ts';
import { SaveRow } from './SaveRow.tsx';
import { useSaveWorkspace } from './useSaveWorkspace.ts';

export function GeneralSettingsForm({ settings }: { settings: WorkspaceSettings }) {
  const { t, i18n } = useTranslation();
  const languageOptions = useLanguageOptions();
  const [name, setName] = useState(settings.name);
  const [timeZone, setTimeZone] = useState(settings.timeZone);
  const [defaultLanguage, setDefaultLanguage] = useState<Language>(settings.defaultLanguage);
  const [defaultCountry, setDefaultCountry] = useState(settings.defaultCountry);
  const save = useSaveWorkspace();
  const errors = formErrors(t, save.error, ['name', 'timeZone', 'defaultLanguage', 'defaultCountry']);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    save.mutate({ name: name.trim(), timeZone, defaultLanguage, defaultCountry });
  };
  return (
    <Paper withBorder p="lg" radius="md" component="section">
      <form onSubmit={submit} noValidate data-testid="workspace-general">
        <Stack gap="md">
          <Title order={4}>{t('admin.workspace.general')}</Title>
          <FormError message={errors.form} />
          <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
            <TextInput
              label={t('fields.name')}
              value={name}
              onChange={(event) => setName(event.currentTarget.value)}
              error={errors.fields.name}
            />
            <TextInput label={t('admin.workspace.slug')} value={settings.slug} readOnly variant="filled" />
            <Select
              label={t('admin.workspace.timeZone')}
              data={timeZoneOptions(settings.timeZone)}
              value={timeZone}
              searchable
              allowDeselect={false}
              onChange={(value) => value && setTimeZone(value)}
              error={errors.fields.timeZone}
            />
            <Select
              label={t('admin.workspace.defaultLanguage')}
              data={languageOptions}
              value={defaultLanguage}
              allowDeselect={false}
              onChange={(value) => setDefaultLanguage(value === 'en' ? 'en' : 'es')}
              error={errors.fields.defaultLanguage}
            />
            <Select
              label={t('admin.workspace.defaultCountry')}
              data={countryOptions(i18n.language)}
              value={defaultCountry}
              searchable
              allowDeselect={false}
              onChange={(value) => value && setDefaultCountry(value)}
              error={errors.fields.defaultCountry}
            />
          </SimpleGrid>
          <SaveRow saving={save.isPending} saved={save.isSuccess} />
        </Stack>
      </form>
    </Paper>
  );
}
