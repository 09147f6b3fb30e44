/** The agent's own e-mail signature, which replaces the mailbox's in their replies. */
import { Button, Group, Modal, Stack, Textarea } from '@mantine/core';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../ui/errors.ts';
import { FormError } from '../../ui/FormError.tsx';
import { emailApi, emailKeys } from './api.ts';
import { useEmailT } from './i18n.ts';
import { SIGNATURE_VARIABLES } from './variables.ts';

export function SignatureModal({ onClose }: { onClose: () => void }) {
  const t = useEmailT();
  const { t: appT } = useTranslation();
  const current = useQuery({ queryKey: emailKeys.signature, queryFn: emailApi.signature, gcTime: 0 });
  const [body, setBody] = useState('');
  useEffect(() => {
    if (current.data) setBody(current.data.body ?? '');
  }, [current.data]);
  const save = useMutation({ mutationFn: () => emailApi.saveSignature(body), onSuccess: onClose });
  return (
    <Modal opened onClose={onClose} title={t('signature.title')}>
      <Stack gap="sm">
        <FormError
          message={save.error || current.error ? errorMessage(appT, save.error ?? current.error) : null}
        />
        <Textarea
          description={t('signature.help', { list: SIGNATURE_VARIABLES })}
          value={body}
          onChange={(e) => setBody(e.currentTarget.value)}
          autosize
          minRows={3}
          disabled={current.isPending}
          data-autofocus
          data-testid="signature-body"
        />
        <Group justify="flex-end">
          <Button onClick={() => save.mutate()} loading={save.isPending} data-testid="signature-save">
            {t('signature.save')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
