/** Admin › Customer fields: the workspace's custom field definitions, created and edited here. */
import {
  Badge,
  Button,
  EmptyState,
  Group,
  Modal,
  NumberInput,
  Select,
  Stack,
  Switch,
  Table,
  TagsInput,
  TextInput,
} from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formErrors } from '../../ui/errors.ts';
import { FormError } from '../../ui/FormError.tsx';
import { Icon } from '../../ui/icons.tsx';
import { PageHeader } from '../../ui/PageHeader.tsx';
import { QueryView } from '../../ui/QueryView.tsx';
import { customerKeys, customersApi, type FieldDefinition } from './api.ts';
import { type CustomersKey, useCustomersT } from './i18n.ts';

const TYPES = ['text', 'number', 'date', 'choice', 'boolean'] as const;

export function FieldsAdminPage() {
  const t = useCustomersT();
  const query = useQuery({ queryKey: customerKeys.fields, queryFn: customersApi.fields });
  // null: closed; 'new': creating; a definition: editing it.
  const [editing, setEditing] = useState<FieldDefinition | 'new' | null>(null);
  return (
    <>
      <PageHeader
        title={t('admin.fieldsTitle')}
        description={t('admin.fieldsDescription')}
        actions={
          <Button
            leftSection={<Icon name="plus" size={16} />}
            onClick={() => setEditing('new')}
            data-testid="new-field"
          >
            {t('admin.newField')}
          </Button>
        }
      />
      <QueryView
        query={query}
        isEmpty={(data) => data.items.length === 0}
        empty={<EmptyState mt="lg" title={t('admin.fieldsEmpty')} />}
      >
        {(data) => (
          <Table highlightOnHover verticalSpacing="sm" data-testid="fields-table">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('admin.label')}</Table.Th>
                <Table.Th>{t('admin.key')}</Table.Th>
                <Table.Th>{t('admin.type')}</Table.Th>
                <Table.Th>{t('admin.options')}</Table.Th>
                <Table.Th>{t('admin.required')}</Table.Th>
                <Table.Th />
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {data.items.map((field) => (
                <Table.Tr key={field.id}>
                  <Table.Td>{field.label}</Table.Td>
                  <Table.Td>
                    <code>{field.key}</code>
                  </Table.Td>
                  <Table.Td>{t(`admin.types.${field.type}` as CustomersKey)}</Table.Td>
                  <Table.Td>{field.options.join(', ')}</Table.Td>
                  <Table.Td>
                    {field.required && <Badge variant="light">{t('admin.required')}</Badge>}
                  </Table.Td>
                  <Table.Td ta="right">
                    <Button variant="subtle" size="xs" onClick={() => setEditing(field)}>
                      {t('admin.edit')}
                    </Button>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
      </QueryView>
      {editing && <FieldModal field={editing === 'new' ? null : editing} onClose={() => setEditing(null)} />}
    </>
  );
}

function FieldModal({ field, onClose }: { field: FieldDefinition | null; onClose: () => void }) {
  const t = useCustomersT();
  const { t: appT } = useTranslation();
  const queryClient = useQueryClient();
  const [key, setKey] = useState(field?.key ?? '');
  const [label, setLabel] = useState(field?.label ?? '');
  const [type, setType] = useState<FieldDefinition['type']>(field?.type ?? 'text');
  const [options, setOptions] = useState<string[]>(field?.options ?? []);
  const [required, setRequired] = useState(field?.required ?? false);
  const [position, setPosition] = useState<number | string>(field?.position ?? 0);
  const save = useMutation({
    mutationFn: () =>
      field
        ? customersApi.updateField(field.id, {
            label: label.trim(),
            required,
            ...(type === 'choice' ? { options } : {}),
            ...(typeof position === 'number' ? { position } : {}),
          })
        : customersApi.createField({
            key: key.trim(),
            label: label.trim(),
            type,
            required,
            ...(type === 'choice' ? { options } : {}),
          }),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: customerKeys.fields });
      onClose();
    },
  });
  const errors = formErrors(appT, save.error, ['key', 'label', 'type', 'options', 'required', 'position']);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    save.mutate();
  };
  return (
    <Modal opened onClose={onClose} title={field ? t('admin.editField') : t('admin.newField')}>
      <form onSubmit={submit} noValidate data-testid="field-form">
        <Stack gap="sm">
          <FormError message={errors.form} />
          <TextInput
            label={t('admin.key')}
            description={t('admin.keyHelp')}
            withAsterisk
            disabled={Boolean(field)}
            value={key}
            onChange={(e) => setKey(e.currentTarget.value)}
            error={errors.fields.key}
            data-autofocus
          />
          <TextInput
            label={t('admin.label')}
            withAsterisk
            value={label}
            onChange={(e) => setLabel(e.currentTarget.value)}
            error={errors.fields.label}
          />
          <Select
            label={t('admin.type')}
            disabled={Boolean(field)}
            allowDeselect={false}
            value={type}
            onChange={(v) => setType(TYPES.find((x) => x === v) ?? 'text')}
            data={TYPES.map((x) => ({ value: x, label: t(`admin.types.${x}` as CustomersKey) }))}
            error={errors.fields.type}
          />
          {type === 'choice' && (
            <TagsInput
              label={t('admin.options')}
              description={t('admin.optionsHelp')}
              value={options}
              onChange={setOptions}
              error={errors.fields.options}
            />
          )}
          {field && (
            <NumberInput
              label={t('admin.position')}
              min={0}
              max={1000}
              value={position}
              onChange={setPosition}
              error={errors.fields.position}
            />
          )}
          <Switch
            label={t('admin.required')}
            checked={required}
            onChange={(e) => setRequired(e.currentTarget.checked)}
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('admin.cancel')}
            </Button>
            <Button type="submit" loading={save.isPending}>
              {t('admin.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
