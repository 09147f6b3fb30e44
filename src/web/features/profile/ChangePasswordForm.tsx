import { Alert, Button, Group, PasswordInput, Stack } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { me as meApi } from '../../api/endpoints.ts';
import { formErrors } from '../../ui/errors.ts';
import { FormError } from '../../ui/FormError.tsx';

export function ChangePasswordForm() {
  const { t } = useTranslation();
  const [currentPassword, setCurrentPassword] = useState('');
  const [newPassword, setNewPassword] = useState('');
  const change = useMutation({
    mutationFn: meApi.changePassword,
    onSuccess: () => {
      setCurrentPassword('');
      setNewPassword('');
    },
  });
  const errors = formErrors(t, change.error, ['currentPassword', 'newPassword', 'password']);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    change.mutate({ currentPassword, newPassword });
  };
  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="md">
        <FormError message={errors.form} />
        {change.isSuccess && (
          <Alert color="teal" variant="light">
            {t('profile.passwordChanged')}
          </Alert>
        )}
        <PasswordInput
          label={t('profile.currentPassword')}
          autoComplete="current-password"
          value={currentPassword}
          onChange={(event) => setCurrentPassword(event.currentTarget.value)}
          error={errors.fields.currentPassword}
        />
        <PasswordInput
          label={t('profile.newPassword')}
          autoComplete="new-password"
          value={newPassword}
          onChange={(event) => setNewPassword(event.currentTarget.value)}
          error={errors.fields.newPassword ?? errors.fields.password}
        />
        <Group justify="flex-end">
          <Button type="submit" loading={change.isPending}>
            {t('profile.changePassword')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
