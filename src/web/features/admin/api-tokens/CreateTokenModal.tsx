/** Names a new token, then shows its secret once, with a copy button and a warning. */
import { Alert, Button, Code, CopyButton, Group, Modal, Stack, TextInput } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { apiTokens, queryKeys } from '../../../api/endpoints.ts';
import type { CreatedApiToken } from '../../../api/types.ts';
import { formErrors } from '../../../ui/errors.ts';
import { FormError } from '../../../ui/FormError.tsx';

export function CreateTokenModal({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [name, setName] = useState('');
  const create = useMutation({
    mutationFn: apiTokens.create,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: queryKeys.apiTokens }),
  });
  const errors = formErrors(t, create.error, ['name']);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    create.mutate({ name: name.trim() });
  };
  return (
    <Modal
      opened
      onClose={onClose}
      title={t('admin.apiTokens.new')}
      // Once the secret is on screen, only the explicit button closes it.
      closeOnClickOutside={!create.data}
      closeOnEscape={!create.data}
    >
      {create.data ? (
        <CreatedToken token={create.data} onDone={onClose} />
      ) : (
        <form onSubmit={submit} noValidate>
          <Stack gap="md">
            <FormError message={errors.form} />
            <TextInput
              label={t('fields.name')}
              description={t('admin.apiTokens.nameHelp')}
              value={name}
              data-autofocus
              onChange={(event) => setName(event.currentTarget.value)}
              error={errors.fields.name}
            />
            <Group justify="flex-end" gap="sm">
              <Button variant="default" onClick={onClose}>
                {t('common.cancel')}
              </Button>
              <Button type="submit" loading={create.isPending}>
                {t('common.create')}
              </Button>
            </Group>
          </Stack>
        </form>
      )}
    </Modal>
  );
}

function CreatedToken({ token, onDone }: { token: CreatedApiToken; onDone: () => void }) {
  const { t } = useTranslation();
  return (
    <Stack gap="md">
      <Alert color="yellow" variant="light" title={t('admin.apiTokens.onceTitle')}>
        {t('admin.apiTokens.once')}
      </Alert>
      <Code block data-testid="new-token" style={{ wordBreak: 'break-all', whiteSpace: 'pre-wrap' }}>
        {token.token}
      </Code>
      <Group justify="flex-end" gap="sm">
        <CopyButton value={token.token}>
          {({ copied, copy }) => (
            <Button variant="light" color={copied ? 'teal' : undefined} onClick={copy}>
              {copied ? t('common.copied') : t('common.copy')}
            </Button>
          )}
        </CopyButton>
        <Button onClick={onDone}>{t('common.done')}</Button>
      </Group>
    </Stack>
  );
}
