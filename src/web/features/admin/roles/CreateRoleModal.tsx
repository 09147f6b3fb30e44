/** Creates a custom role: a key (letters, digits, underscores), a name and its permissions. */
import { Button, Checkbox, Group, Input, Modal, SimpleGrid, Stack, TextInput } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { queryKeys, roles } from '../../../api/endpoints.ts';
import { formErrors } from '../../../ui/errors.ts';
import { FormError } from '../../../ui/FormError.tsx';
import { permissionLabel } from '../../../ui/labels.ts';
import { keyFromName } from './roleKey.ts';

export function CreateRoleModal({ permissions, onClose }: { permissions: string[]; onClose: () => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [name, setName] = useState('');
  const [key, setKey] = useState('');
  const [keyEdited, setKeyEdited] = useState(false);
  const [granted, setGranted] = useState<string[]>([]);
  const create = useMutation({
    mutationFn: roles.create,
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: queryKeys.roles });
      onClose();
    },
  });
  const errors = formErrors(t, create.error, ['key', 'name', 'permissions']);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    create.mutate({ key: key.trim(), name: name.trim(), permissions: granted });
  };
  return (
    <Modal opened onClose={onClose} title={t('admin.roles.new')} size="lg">
      <form onSubmit={submit} noValidate>
        <Stack gap="md">
          <FormError message={errors.form} />
          <TextInput
            label={t('fields.name')}
            value={name}
            data-autofocus
            withAsterisk
            onChange={(event) => {
              const value = event.currentTarget.value;
              setName(value);
              if (!keyEdited) setKey(keyFromName(value));
            }}
            error={errors.fields.name}
          />
          <TextInput
            label={t('admin.roles.key')}
            description={t('admin.roles.keyHelp')}
            value={key}
            withAsterisk
            onChange={(event) => {
              setKey(event.currentTarget.value);
              setKeyEdited(true);
            }}
            error={errors.fields.key}
          />
          <Input.Wrapper label={t('admin.roles.permissions')} error={errors.fields.permissions}>
            <Checkbox.Group value={granted} onChange={setGranted}>
              <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="xs" mt="xs">
                {permissions.map((permission) => (
                  <Checkbox key={permission} value={permission} label={permissionLabel(t, permission)} />
                ))}
              </SimpleGrid>
            </Checkbox.Group>
          </Input.Wrapper>
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
    </Modal>
  );
}
