/** The customer's identities on every channel, with adding and removing (field errors from the server). */
import {
  ActionIcon,
  Button,
  Card,
  Group,
  Select,
  Stack,
  Text,
  TextInput,
  Title,
  Tooltip,
} from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formErrors } from '../../ui/errors.ts';
import { FormError } from '../../ui/FormError.tsx';
import { Icon } from '../../ui/icons.tsx';
import { type Customer, customerKeys, customersApi, IDENTITY_KINDS, type IdentityKind } from './api.ts';
import { useCustomersT } from './i18n.ts';
import { translateError } from './messages.ts';
import { knownLabel } from './parts.tsx';

export function IdentitiesCard({ customer, writable }: { customer: Customer; writable: boolean }) {
  const t = useCustomersT();
  const { t: appT } = useTranslation();
  const queryClient = useQueryClient();
  const [kind, setKind] = useState<IdentityKind>('email');
  const [value, setValue] = useState('');
  const refresh = (updated: Customer) => {
    queryClient.setQueryData(customerKeys.one(customer.id), updated);
    void queryClient.invalidateQueries({ queryKey: ['customers', 'timeline', customer.id] });
  };
  const add = useMutation({
    mutationFn: () => customersApi.addIdentity(customer.id, { kind, value: value.trim() }),
    onSuccess: (updated) => {
      setValue('');
      refresh(updated);
    },
  });
  const remove = useMutation({ mutationFn: customersApi.removeIdentity, onSuccess: refresh });
  const errors = formErrors(appT, translateError(t, add.error), ['value', 'kind']);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (value.trim()) add.mutate();
  };
  return (
    <Card withBorder radius="md" padding="md" data-testid="identities-card">
      <Title order={4} mb="sm">
        {t('identities.title')}
      </Title>
      <Stack gap={6}>
        {customer.identities.length === 0 && (
          <Text size="sm" c="dimmed">
            {t('identities.empty')}
          </Text>
        )}
        {customer.identities.map((identity) => (
          <Group key={identity.id} justify="space-between" wrap="nowrap" gap="xs">
            <div>
              <Text size="xs" c="dimmed">
                {knownLabel(t, 'identities.kinds', identity.kind)}
              </Text>
              <Text size="sm">{identity.display}</Text>
            </div>
            {writable && (
              <Tooltip label={t('actions.remove')}>
                <ActionIcon
                  variant="subtle"
                  color="gray"
                  aria-label={`${t('actions.remove')} ${identity.display}`}
                  loading={remove.isPending && remove.variables === identity.id}
                  onClick={() => remove.mutate(identity.id)}
                >
                  <Icon name="trash" size={16} />
                </ActionIcon>
              </Tooltip>
            )}
          </Group>
        ))}
      </Stack>
      {writable && (
        <form onSubmit={submit} noValidate data-testid="identity-form">
          <Stack gap="xs" mt="md">
            <FormError message={errors.form} />
            <Group gap="xs" align="flex-start" wrap="nowrap">
              <Select
                aria-label={t('identities.kind')}
                data={IDENTITY_KINDS.map((k) => ({ value: k, label: knownLabel(t, 'identities.kinds', k) }))}
                value={kind}
                allowDeselect={false}
                onChange={(next) => next && setKind(next as IdentityKind)}
                w={120}
                style={{ flexShrink: 0 }}
              />
              <TextInput
                aria-label={t('identities.value')}
                value={value}
                onChange={(event) => setValue(event.currentTarget.value)}
                error={errors.fields.value}
                placeholder={knownLabel(t, 'identities.kinds', kind)}
                style={{ flex: 1, minWidth: 0 }}
                miw={120}
              />
              <Button type="submit" variant="light" loading={add.isPending}>
                {t('actions.add')}
              </Button>
            </Group>
          </Stack>
        </form>
      )}
    </Card>
  );
}
