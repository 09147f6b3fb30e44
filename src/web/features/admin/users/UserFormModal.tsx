/** Creates a user, or edits one's name, role, language and whether they may log in. */
import { Button, Group, Modal, PasswordInput, Select, Stack, Switch, TextInput } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { queryKeys, users } from '../../../api/endpoints.ts';
import type { Language, User } from '../../../api/types.ts';
import { formErrors } from '../../../ui/errors.ts';
import { FormError } from '../../../ui/FormError.tsx';
import { useLanguageOptions } from '../../../ui/options.ts';
import { useRolesForSelect } from './useRolesForSelect.ts';

interface Draft {
  email: string;
  name: string;
  role: string;
  password: string;
  language: Language;
  active: boolean;
}

function draftOf(user: User | undefined, defaultLanguage: Language): Draft {
  return {
    email: user?.email ?? '',
    name: user?.name ?? '',
    role: user?.role ?? 'agent',
    password: '',
    language: user?.language ?? defaultLanguage,
    active: user?.active ?? true,
  };
}

export function UserFormModal({ user, onClose }: { user?: User; onClose: () => void }) {
  const { t, i18n } = useTranslation();
  const queryClient = useQueryClient();
  const roleOptions = useRolesForSelect();
  const languageOptions = useLanguageOptions();
  const [draft, setDraft] = useState(() => draftOf(user, i18n.language === 'en' ? 'en' : 'es'));
  const set = <K extends keyof Draft>(key: K, value: Draft[K]) =>
    setDraft((current) => ({ ...current, [key]: value }));
  const save = useMutation({
    mutationFn: (value: Draft) =>
      user
        ? users.update(user.id, {
            name: value.name.trim(),
            role: value.role,
            language: value.language,
            active: value.active,
          })
        : users.create({
            email: value.email.trim(),
            name: value.name.trim(),
            role: value.role,
            password: value.password,
            language: value.language,
          }),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: queryKeys.users });
      onClose();
    },
  });
  const errors = formErrors(t, save.error, ['email', 'name', 'role', 'password', 'language', 'active']);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    save.mutate(draft);
  };
  return (
    <Modal opened onClose={onClose} title={user ? t('admin.users.editTitle') : t('admin.users.new')}>
      <form onSubmit={submit} noValidate data-testid="user-form">
        <Stack gap="md">
          <FormError message={errors.form} />
          <TextInput
            label={t('fields.email')}
            type="email"
            value={draft.email}
            disabled={Boolean(user)}
            onChange={(event) => set('email', event.currentTarget.value)}
            error={errors.fields.email}
            withAsterisk={!user}
            data-autofocus={user ? undefined : true}
          />
          <TextInput
            label={t('fields.name')}
            value={draft.name}
            onChange={(event) => set('name', event.currentTarget.value)}
            error={errors.fields.name}
            withAsterisk
            data-autofocus={user ? true : undefined}
          />
          <Select
            label={t('fields.role')}
            data={roleOptions}
            value={draft.role}
            allowDeselect={false}
            onChange={(value) => value && set('role', value)}
            error={errors.fields.role}
            withAsterisk
          />
          {!user && (
            <PasswordInput
              label={t('fields.initialPassword')}
              description={t('admin.users.passwordHelp')}
              autoComplete="new-password"
              value={draft.password}
              onChange={(event) => set('password', event.currentTarget.value)}
              error={errors.fields.password}
              withAsterisk
            />
          )}
          <Select
            label={t('fields.language')}
            data={languageOptions}
            value={draft.language}
            allowDeselect={false}
            onChange={(value) => set('language', value === 'en' ? 'en' : 'es')}
            error={errors.fields.language}
          />
          {user && (
            <Switch
              label={t('admin.users.activeLabel')}
              description={t('admin.users.activeHelp')}
              checked={draft.active}
              onChange={(event) => set('active', event.currentTarget.checked)}
              error={errors.fields.active}
            />
          )}
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={save.isPending}>
              {user ? t('common.save') : t('common.create')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
