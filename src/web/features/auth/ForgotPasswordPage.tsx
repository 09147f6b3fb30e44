/** Asks for a password-reset e-mail; always answers the same way, so it reveals no accounts. */
import { Alert, Anchor, Button, Stack, TextInput } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { auth } from '../../api/endpoints.ts';
import { formErrors } from '../../ui/errors.ts';
import { FormError } from '../../ui/FormError.tsx';
import { AuthLayout } from './AuthLayout.tsx';

export function ForgotPasswordPage() {
  const { t } = useTranslation();
  const [email, setEmail] = useState('');
  const [workspace, setWorkspace] = useState('');
  const send = useMutation({ mutationFn: auth.requestPasswordReset });
  const errors = formErrors(t, send.error, ['email', 'workspace']);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    send.mutate({ email: email.trim(), ...(workspace.trim() ? { workspace: workspace.trim() } : {}) });
  };
  return (
    <AuthLayout title={t('forgot.title')} subtitle={t('forgot.subtitle')}>
      {send.isSuccess ? (
        <Stack gap="md">
          <Alert color="teal" variant="light" data-testid="forgot-sent">
            {t('forgot.sent', { email })}
          </Alert>
          <Anchor component={Link} to="/login" size="sm">
            {t('common.backToLogin')}
          </Anchor>
        </Stack>
      ) : (
        <form onSubmit={submit} noValidate>
          <Stack gap="md">
            <FormError message={errors.form} />
            <TextInput
              label={t('login.email')}
              type="email"
              autoComplete="username"
              autoFocus
              value={email}
              onChange={(event) => setEmail(event.currentTarget.value)}
              error={errors.fields.email}
            />
            <TextInput
              label={t('login.workspace')}
              description={t('login.workspaceHelp')}
              value={workspace}
              onChange={(event) => setWorkspace(event.currentTarget.value)}
              error={errors.fields.workspace}
            />
            <Button type="submit" loading={send.isPending} fullWidth>
              {t('forgot.submit')}
            </Button>
            <Anchor component={Link} to="/login" size="sm">
              {t('common.backToLogin')}
            </Anchor>
          </Stack>
        </form>
      )}
    </AuthLayout>
  );
}
