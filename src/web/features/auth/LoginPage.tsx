/** Email and password login, with an optional workspace for people who belong to several. */
import { Anchor, Button, Collapse, Group, PasswordInput, Stack, TextInput } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Navigate, useNavigate, useSearchParams } from 'react-router';
import { auth, queryKeys } from '../../api/endpoints.ts';
import { applyLanguage } from '../../i18n/index.ts';
import { formErrors } from '../../ui/errors.ts';
import { FormError } from '../../ui/FormError.tsx';
import { FullPageLoader } from '../../ui/FullPage.tsx';
import { AuthLayout } from './AuthLayout.tsx';
import { useSessionQuery } from './session.tsx';

/** Only same-site paths are followed after login, never another origin. */
function safeNext(next: string | null): string {
  return next?.startsWith('/') && !next.startsWith('//') ? next : '/';
}

export function LoginPage() {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const next = safeNext(params.get('next'));
  const session = useSessionQuery();
  if (session.isPending) return <FullPageLoader />;
  if (session.data) return <Navigate replace to={next} />;
  return (
    <AuthLayout title={t('login.title')} subtitle={t('login.subtitle')}>
      <LoginForm next={next} />
    </AuthLayout>
  );
}

function LoginForm({ next }: { next: string }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [workspace, setWorkspace] = useState('');
  const [workspaceOpened, workspaceToggle] = useDisclosure(false);
  const login = useMutation({
    mutationFn: auth.login,
    onSuccess: async (me) => {
      queryClient.setQueryData(queryKeys.me, me);
      await applyLanguage(me.language);
      await navigate(next, { replace: true });
    },
  });
  const errors = formErrors(t, login.error, ['email', 'password', 'workspace']);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    login.mutate({
      email: email.trim(),
      password,
      ...(workspace.trim() ? { workspace: workspace.trim() } : {}),
    });
  };
  return (
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
          name="email"
        />
        <PasswordInput
          label={t('login.password')}
          autoComplete="current-password"
          value={password}
          onChange={(event) => setPassword(event.currentTarget.value)}
          error={errors.fields.password}
          name="password"
        />
        <Collapse expanded={workspaceOpened}>
          <TextInput
            label={t('login.workspace')}
            description={t('login.workspaceHelp')}
            value={workspace}
            onChange={(event) => setWorkspace(event.currentTarget.value)}
            error={errors.fields.workspace}
            name="workspace"
          />
        </Collapse>
        <Button type="submit" loading={login.isPending} fullWidth data-testid="login-submit">
          {t('login.submit')}
        </Button>
        <Group justify="space-between" gap="xs">
          <Anchor component={Link} to="/forgot-password" size="sm">
            {t('login.forgot')}
          </Anchor>
          <Anchor component="button" type="button" size="sm" c="dimmed" onClick={workspaceToggle.toggle}>
            {t('login.otherWorkspace')}
          </Anchor>
        </Group>
      </Stack>
    </form>
  );
}
