/** Creating or editing a customer, with the workspace's custom fields and the server's messages by field. */
import {
  Button,
  Card,
  Divider,
  Group,
  NumberInput,
  SegmentedControl,
  Select,
  Stack,
  TagsInput,
  TextInput,
  Title,
} from '@mantine/core';
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
import {
  type ConsentDraft,
  ConsentsEditor,
  CustomFieldInput,
  changedConsents,
  consentDraftOf,
  OrganisationsInput,
  OwnerSelect,
} from './FormInputs.tsx';
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
  ownerId: string | null;
  organisationIds: string[];
  consents: ConsentDraft;
  consentSource: string;
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
  ownerId: c?.ownerId ?? null,
  organisationIds: c?.organisations.map((o) => o.id) ?? [],
  consents: consentDraftOf(c),
  consentSource: '',
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
  const [sourceError, setSourceError] = useState<string | undefined>();
  const initialConsents = consentDraftOf(customer);
  const consentChanges = changedConsents(initialConsents, draft.consents);
  const save = useMutation({
    // The profile first (its field errors show by field), then memberships and each changed consent.
    mutationFn: async (d: Draft) => {
      const saved = customer
        ? await customersApi.update(customer.id, changesOf(d))
        : await customersApi.create(creationOf(d));
      const before = customer?.organisations.map((o) => o.id).sort() ?? [];
      if (customer && d.kind === 'person' && before.join() !== [...d.organisationIds].sort().join())
        await customersApi.setOrganisations(saved.id, d.organisationIds);
      for (const channel of changedConsents(initialConsents, d.consents))
        await customersApi.setConsent(saved.id, {
          channel,
          ...d.consents[channel],
          source: d.consentSource.trim(),
        });
      return saved;
    },
    onSuccess: async (saved) => {
      await queryClient.invalidateQueries({ queryKey: customerKeys.all });
      navigate(`/customers/${saved.id}`);
    },
  });
  const errors = formErrors(appT, translateError(t, save.error), [
    'organisationIds',
    'ownerId',
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
    if (consentChanges.length > 0 && !draft.consentSource.trim()) {
      setSourceError(t('consents.sourceRequired'));
      return;
    }
    setSourceError(undefined);
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
            {draft.kind === 'person' && (
              <OrganisationsInput
                value={draft.organisationIds}
                known={customer?.organisations ?? []}
                onChange={(v) => set('organisationIds', v)}
                error={errors.fields.organisationIds}
              />
            )}
            <OwnerSelect
              value={draft.ownerId}
              onChange={(v) => set('ownerId', v)}
              error={errors.fields.ownerId}
            />
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
            <Divider />
            <ConsentsEditor
              customer={customer}
              value={draft.consents}
              onChange={(v) => set('consents', v)}
              source={draft.consentSource}
              onSourceChange={(v) => set('consentSource', v)}
              sourceError={sourceError}
              sourceNeeded={consentChanges.length > 0}
            />
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
    ...(d.ownerId ? { ownerId: d.ownerId } : {}),
    ...(d.kind === 'person' && d.organisationIds.length ? { organisationIds: d.organisationIds } : {}),
  };
}

function changesOf(d: Draft) {
  return {
    name: d.name.trim(),
    ownerId: d.ownerId,
    externalId: d.externalId.trim() || null,
    language: d.language,
    timeZone: d.timeZone.trim() || null,
    tags: d.tags,
    customFields: d.customFields,
    ...(d.customerSince ? { customerSince: d.customerSince } : {}),
    openDebt: typeof d.openDebt === 'number' ? d.openDebt : 0,
  };
}
