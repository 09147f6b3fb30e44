/** Sets a new password with the token from the reset e-mail (/reset-password?token=…). */
import { Alert, Anchor, Button, PasswordInput, Stack } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { auth } from '../../api/endpoints.ts';
import { formErrors } from '../../ui/errors.ts';
import { FormError } from '../../ui/FormError.tsx';
import { AuthLayout } from './AuthLayout.tsx';

export function ResetPasswordPage() {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const token = params.get('token') ?? '';
  return (
    <AuthLayout title={t('reset.title')} subtitle={token ? t('reset.subtitle') : undefined}>
      {token ? (
        <ResetForm token={token} />
      ) : (
        <Stack gap="md">
          <Alert color="red" variant="light" role="alert">
            {t('reset.missingToken')}
          </Alert>
          <Anchor component={Link} to="/forgot-password" size="sm">
            {t('reset.requestAnother')}
          </Anchor>
        </Stack>
      )}
    </AuthLayout>
  );
}

function ResetForm({ token }: { token: string }) {
  const { t } = useTranslation();
  const [password, setPassword] = useState('');
  const [confirmation, setConfirmation] = useState('');
  const [mismatch, setMismatch] = useState(false);
  const reset = useMutation({ mutationFn: auth.confirmPasswordReset });
  const errors = formErrors(t, reset.error, ['password']);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const differs = password !== confirmation;
    setMismatch(differs);
    if (!differs) reset.mutate({ token, password });
  };
  if (reset.isSuccess) {
    return (
      <Stack gap="md">
        <Alert color="teal" variant="light" data-testid="reset-done">
          {t('reset.done')}
        </Alert>
        <Button component={Link} to="/login" fullWidth>
          {t('login.submit')}
        </Button>
      </Stack>
    );
  }
  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="md">
        <FormError message={errors.form} />
        <PasswordInput
          label={t('reset.password')}
          autoComplete="new-password"
          autoFocus
          value={password}
          onChange={(event) => setPassword(event.currentTarget.value)}
          error={errors.fields.password}
        />
        <PasswordInput
          label={t('reset.confirmation')}
          autoComplete="new-password"
          value={confirmation}
          onChange={(event) => setConfirmation(event.currentTarget.value)}
          error={mismatch ? t('reset.mismatch') : undefined}
        />
        <Button type="submit" loading={reset.isPending} fullWidth>
          {t('reset.submit')}
        </Button>
      </Stack>
    </form>
  );
}
