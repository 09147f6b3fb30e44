import { Alert, Button, Group, Select, Stack, TextInput } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { me as meApi, queryKeys } from '../../api/endpoints.ts';
import type { Language, Me } from '../../api/types.ts';
import { formErrors } from '../../ui/errors.ts';
import { FormError } from '../../ui/FormError.tsx';
import { useLanguageOptions } from '../../ui/options.ts';

export function ProfileForm({ me }: { me: Me }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const languageOptions = useLanguageOptions();
  const [name, setName] = useState(me.name);
  const [language, setLanguage] = useState<Language>(me.language);
  const save = useMutation({
    mutationFn: meApi.update,
    onSuccess: (updated) => queryClient.setQueryData(queryKeys.me, updated),
  });
  const errors = formErrors(t, save.error, ['name', 'language']);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    save.mutate({ name: name.trim(), language });
  };
  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="md">
        <FormError message={errors.form} />
        {save.isSuccess && (
          <Alert color="teal" variant="light">
            {t('common.saved')}
          </Alert>
        )}
        <TextInput
          label={t('fields.name')}
          value={name}
          onChange={(event) => setName(event.currentTarget.value)}
          error={errors.fields.name}
        />
        <Select
          label={t('fields.language')}
          data={languageOptions}
          value={language}
          allowDeselect={false}
          onChange={(value) => setLanguage(value === 'en' ? 'en' : 'es')}
          error={errors.fields.language}
        />
        <Group justify="flex-end">
          <Button type="submit" loading={save.isPending}>
            {t('common.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
