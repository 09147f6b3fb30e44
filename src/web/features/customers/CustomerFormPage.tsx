/** Creating or editing a customer, with the workspace's custom fields and the server's messages by field. */
import {
  Button,
  Card,
  Group,
  NumberInput,
  SegmentedControl,
  Select,
  Stack,
  Switch,
  TagsInput,
  TextInput,
  Title,
} from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import type { Language } from '../../api/types.ts';
import { NoAccessPage } from '../../shell/RequirePermission.tsx';
import { formErrors } from '../../ui/errors.ts';
import { FormError } from '../../ui/FormError.tsx';
import { useLanguageOptions } from '../../ui/options.ts';
import { PageHeader } from '../../ui/PageHeader.tsx';
import { QueryView } from '../../ui/QueryView.tsx';
import { useCan } from '../auth/session.tsx';
import {
  type Customer,
  type CustomerKind,
  customerKeys,
  customersApi,
  type FieldDefinition,
  type FieldValue,
} from './api.ts';
import { useCustomersT } from './i18n.ts';
import { translateError } from './messages.ts';

interface Draft {
  kind: CustomerKind;
  name: string;
  email: string;
  phone: string;
  externalId: string;
  language: Language | null;
  timeZone: string;
  tags: string[];
  customerSince: string;
  openDebt: number | string;
  customFields: Record<string, FieldValue | null>;
  organisationId: string | null;
}

const draftOf = (c: Customer | undefined): Draft => ({
  kind: c?.kind ?? 'person',
  name: c?.name ?? '',
  email: '',
  phone: '',
  externalId: c?.externalId ?? '',
  language: c?.language ?? null,
  timeZone: c?.timeZone ?? '',
  tags: c?.tags ?? [],
  customerSince: c?.customerSince.slice(0, 10) ?? '',
  openDebt: c?.openDebt ?? 0,
  customFields: { ...(c?.customFields ?? {}) },
  organisationId: null,
});

export function CustomerFormPage() {
  const { id } = useParams();
  const can = useCan();
  const customer = useQuery({
    queryKey: customerKeys.one(id ?? ''),
    queryFn: () => customersApi.get(id!),
    enabled: Boolean(id) && can('customers.write'),
  });
  const fields = useQuery({
    queryKey: customerKeys.fields,
    queryFn: customersApi.fields,
    enabled: can('customers.write'),
  });
  if (!can('customers.write')) return <NoAccessPage />;
  if (!id) return <QueryView query={fields}>{(f) => <CustomerForm fields={f.items} />}</QueryView>;
  return (
    <QueryView query={customer}>
      {(c) => <QueryView query={fields}>{(f) => <CustomerForm customer={c} fields={f.items} />}</QueryView>}
    </QueryView>
  );
}

function CustomerForm({ customer, fields }: { customer?: Customer; fields: FieldDefinition[] }) {
  const t = useCustomersT();
  const { t: appT } = useTranslation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const languages = useLanguageOptions();
  const [draft, setDraft] = useState(() => draftOf(customer));
  const set = <K extends keyof Draft>(key: K, value: Draft[K]) => setDraft((d) => ({ ...d, [key]: value }));
  const setField = (key: string, value: FieldValue | null) =>
    setDraft((d) => ({ ...d, customFields: { ...d.customFields, [key]: value } }));
  const save = useMutation({
    mutationFn: (d: Draft) =>
      customer ? customersApi.update(customer.id, changesOf(d)) : customersApi.create(creationOf(d)),
    onSuccess: async (saved) => {
      await queryClient.invalidateQueries({ queryKey: customerKeys.all });
      navigate(`/customers/${saved.id}`);
    },
  });
  const errors = formErrors(appT, translateError(t, save.error), [
    'organisationIds',
    'name',
    'email',
    'phone',
    'externalId',
    'language',
    'timeZone',
    'tags',
    'customerSince',
    'openDebt',
    'customFields',
  ]);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    save.mutate(draft);
  };
  return (
    <>
      <PageHeader title={customer ? t('form.editTitle') : t('form.newTitle')} />
      <form onSubmit={submit} noValidate data-testid="customer-form">
        <Card withBorder radius="md" padding="lg" maw={720}>
          <Stack gap="md">
            <FormError message={errors.form} />
            {!customer && (
              <SegmentedControl
                value={draft.kind}
                onChange={(value) => set('kind', value === 'organisation' ? 'organisation' : 'person')}
                data={[
                  { value: 'person', label: t('kind.person') },
                  { value: 'organisation', label: t('kind.organisation') },
                ]}
              />
            )}
            <TextInput
              label={t('fields.name')}
              withAsterisk
              data-autofocus
              value={draft.name}
              onChange={(e) => set('name', e.currentTarget.value)}
              error={errors.fields.name}
            />
            {!customer && (
              <Group grow align="flex-start">
                <TextInput
                  label={t('fields.email')}
                  type="email"
                  value={draft.email}
                  onChange={(e) => set('email', e.currentTarget.value)}
                  error={errors.fields.email}
                />
                <TextInput
                  label={t('fields.phone')}
                  type="tel"
                  value={draft.phone}
                  onChange={(e) => set('phone', e.currentTarget.value)}
                  error={errors.fields.phone}
                />
              </Group>
            )}
            {!customer && draft.kind === 'person' && (
              <OrganisationPicker
                value={draft.organisationId}
                onChange={(v) => set('organisationId', v)}
                error={errors.fields.organisationIds}
              />
            )}
            <Group grow align="flex-start">
              <TextInput
                label={t('fields.externalId')}
                value={draft.externalId}
                onChange={(e) => set('externalId', e.currentTarget.value)}
                error={errors.fields.externalId}
              />
              <Select
                label={t('fields.language')}
                data={languages}
                clearable
                value={draft.language}
                onChange={(v) => set('language', v === 'es' || v === 'en' ? v : null)}
                error={errors.fields.language}
              />
            </Group>
            <Group grow align="flex-start">
              <TextInput
                label={t('fields.timeZone')}
                placeholder="America/Bogota"
                value={draft.timeZone}
                onChange={(e) => set('timeZone', e.currentTarget.value)}
                error={errors.fields.timeZone}
              />
              <TextInput
                label={t('fields.customerSince')}
                type="date"
                value={draft.customerSince}
                onChange={(e) => set('customerSince', e.currentTarget.value)}
                error={errors.fields.customerSince}
              />
              <NumberInput
                label={t('fields.openDebt')}
                min={0}
                thousandSeparator="."
                decimalSeparator=","
                value={draft.openDebt}
                onChange={(v) => set('openDebt', v)}
                error={errors.fields.openDebt}
              />
            </Group>
            <TagsInput
              label={t('fields.tags')}
              value={draft.tags}
              onChange={(v) => set('tags', v)}
              error={errors.fields.tags}
            />
            {fields.length > 0 && <Title order={5}>{t('form.customFields')}</Title>}
            {fields.map((field) => (
              <CustomFieldInput
                key={field.key}
                field={field}
                value={draft.customFields[field.key] ?? null}
                onChange={(v) => setField(field.key, v)}
                error={errors.fields[`customFields/${field.key}`]}
              />
            ))}
            <Group justify="flex-end">
              <Button
                variant="default"
                onClick={() => navigate(customer ? `/customers/${customer.id}` : '/customers')}
              >
                {t('actions.cancel')}
              </Button>
              <Button type="submit" loading={save.isPending}>
                {customer ? t('actions.save') : t('actions.create')}
              </Button>
            </Group>
          </Stack>
        </Card>
      </form>
    </>
  );
}

function CustomFieldInput({
  field,
  value,
  onChange,
  error,
}: {
  field: FieldDefinition;
  value: FieldValue | null;
  onChange: (value: FieldValue | null) => void;
  error: string | undefined;
}) {
  const common = { label: field.label, withAsterisk: field.required, error };
  switch (field.type) {
    case 'boolean':
      return (
        <Switch
          label={field.label}
          checked={value === true}
          onChange={(e) => onChange(e.currentTarget.checked)}
          error={error}
        />
      );
    case 'choice':
      return (
        <Select
          {...common}
          clearable
          data={field.options}
          value={typeof value === 'string' ? value : null}
          onChange={(v) => onChange(v)}
        />
      );
    case 'number':
      return (
        <NumberInput
          {...common}
          value={typeof value === 'number' ? value : ''}
          onChange={(v) => onChange(typeof v === 'number' ? v : null)}
        />
      );
    case 'date':
      return (
        <TextInput
          {...common}
          type="date"
          value={typeof value === 'string' ? value : ''}
          onChange={(e) => onChange(e.currentTarget.value || null)}
        />
      );
    default:
      return (
        <TextInput
          {...common}
          value={typeof value === 'string' ? value : ''}
          onChange={(e) => onChange(e.currentTarget.value || null)}
        />
      );
  }
}

/** A searchable choice of one of the workspace's organisations. */
function OrganisationPicker({
  value,
  onChange,
  error,
}: {
  value: string | null;
  onChange: (value: string | null) => void;
  error: string | undefined;
}) {
  const t = useCustomersT();
  const [search, setSearch] = useState('');
  const [q] = useDebouncedValue(search.trim(), 250);
  const params = { q, kind: 'organisation' as const, limit: 20 };
  const found = useQuery({ queryKey: customerKeys.list(params), queryFn: () => customersApi.list(params) });
  return (
    <Select
      label={t('fields.organisations')}
      searchable
      clearable
      value={value}
      onChange={onChange}
      searchValue={search}
      onSearchChange={setSearch}
      data={(found.data?.items ?? []).map((o) => ({ value: o.id, label: o.name }))}
      error={error}
    />
  );
}

/** A new customer's body: empty inputs are left out rather than sent as blanks. */
function creationOf(d: Draft) {
  const fields = Object.fromEntries(
    Object.entries(d.customFields).filter((e): e is [string, FieldValue] => e[1] !== null),
  );
  return {
    kind: d.kind,
    name: d.name.trim(),
    ...(d.email.trim() ? { email: d.email.trim() } : {}),
    ...(d.phone.trim() ? { phone: d.phone.trim() } : {}),
    ...(d.externalId.trim() ? { externalId: d.externalId.trim() } : {}),
    ...(d.language ? { language: d.language } : {}),
    ...(d.timeZone.trim() ? { timeZone: d.timeZone.trim() } : {}),
    ...(d.tags.length ? { tags: d.tags } : {}),
    ...(d.customerSince ? { customerSince: d.customerSince } : {}),
    ...(typeof d.openDebt === 'number' && d.openDebt > 0 ? { openDebt: d.openDebt } : {}),
    ...(Object.keys(fields).length ? { customFields: fields } : {}),
    ...(d.kind === 'person' && d.organisationId ? { organisationIds: [d.organisationId] } : {}),
  };
}

function changesOf(d: Draft) {
  return {
    name: d.name.trim(),
    externalId: d.externalId.trim() || null,
    language: d.language,
    timeZone: d.timeZone.trim() || null,
    tags: d.tags,
    customFields: d.customFields,
    ...(d.customerSince ? { customerSince: d.customerSince } : {}),
    openDebt: typeof d.openDebt === 'number' ? d.openDebt : 0,
  };
}
