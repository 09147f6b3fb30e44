import { Alert, Button, Group, Modal, Stack, Text } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { apiTokens, queryKeys } from '../../../api/endpoints.ts';
import type { ApiToken } from '../../../api/types.ts';
import { errorMessage } from '../../../ui/errors.ts';

export function RevokeTokenModal({ token, onClose }: { token: ApiToken; onClose: () => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const revoke = useMutation({
    mutationFn: () => apiTokens.revoke(token.id),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: queryKeys.apiTokens });
      onClose();
    },
  });
  return (
    <Modal opened onClose={onClose} title={t('admin.apiTokens.revokeTitle')}>
      <Stack gap="md">
        <Text size="sm">{t('admin.apiTokens.revokeConfirm', { name: token.name })}</Text>
        {revoke.isError && (
          <Alert color="red" variant="light" role="alert">
            {errorMessage(t, revoke.error)}
          </Alert>
        )}
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button color="red" loading={revoke.isPending} onClick={() => revoke.mutate()}>
            {t('admin.apiTokens.revoke')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
