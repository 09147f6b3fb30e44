/** Inputs of the customer form beyond plain text: custom fields, owner, organisations and consents. */
import {
  Group,
  MultiSelect,
  NumberInput,
  Select,
  Stack,
  Switch,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { queryKeys, users } from '../../api/endpoints.ts';
import { useDateTime } from '../../ui/format.ts';
import { useCan, useSession } from '../auth/session.tsx';
import {
  CONSENT_CHANNELS,
  type ConsentChannel,
  type Customer,
  customerKeys,
  customersApi,
  type FieldDefinition,
  type FieldValue,
} from './api.ts';
import { useCustomersT } from './i18n.ts';
import { knownLabel } from './parts.tsx';

export function CustomFieldInput({
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

/**
 * The customer's owner: any user of the workspace for those who may list users, otherwise the current
 * owner or oneself.
 */
export function OwnerSelect({
  value,
  onChange,
  error,
}: {
  value: string | null;
  onChange: (value: string | null) => void;
  error: string | undefined;
}) {
  const t = useCustomersT();
  const me = useSession();
  const can = useCan();
  const mayList = can('users.read') || can('users.manage');
  const list = useQuery({
    queryKey: [...queryKeys.users, 'owners'],
    queryFn: () => users.list({ limit: 100 }),
    enabled: mayList,
    staleTime: 60_000,
  });
  const options = new Map<string, string>([[me.id, t('owner.me', { name: me.name })]]);
  for (const user of list.data?.items ?? [])
    if (user.active && user.id !== me.id) options.set(user.id, user.name);
  if (value && !options.has(value)) options.set(value, value);
  return (
    <Select
      label={t('owner.label')}
      placeholder={t('owner.none')}
      searchable
      clearable
      value={value}
      onChange={onChange}
      data={[...options].map(([id, label]) => ({ value: id, label }))}
      error={error}
      data-testid="owner-select"
    />
  );
}

/** The organisations a person belongs to, searched among the workspace's organisations as one types. */
export function OrganisationsInput({
  value,
  known,
  onChange,
  error,
}: {
  value: string[];
  known: { id: string; name: string }[];
  onChange: (value: string[]) => void;
  error: string | undefined;
}) {
  const t = useCustomersT();
  const [search, setSearch] = useState('');
  const [q] = useDebouncedValue(search.trim(), 250);
  const params = { q, kind: 'organisation' as const, limit: 20 };
  const found = useQuery({ queryKey: customerKeys.list(params), queryFn: () => customersApi.list(params) });
  const names = new Map(known.map((o) => [o.id, o.name]));
  for (const o of found.data?.items ?? []) names.set(o.id, o.name);
  return (
    <MultiSelect
      label={t('membership.label')}
      placeholder={value.length === 0 ? t('membership.placeholder') : undefined}
      searchable
      clearable
      value={value}
      onChange={onChange}
      searchValue={search}
      onSearchChange={setSearch}
      data={[...names].map(([id, name]) => ({ value: id, label: name }))}
      error={error}
      data-testid="organisations-input"
    />
  );
}

export type ConsentDraft = Record<ConsentChannel, { marketingOptIn: boolean; doNotContact: boolean }>;

/** The consents as the form starts: what the customer said on each channel, or nothing. */
export function consentDraftOf(customer: Customer | undefined): ConsentDraft {
  const entries = CONSENT_CHANNELS.map((channel) => {
    const stated = customer?.consents[channel];
    return [
      channel,
      { marketingOptIn: stated?.marketingOptIn ?? false, doNotContact: stated?.doNotContact ?? false },
    ];
  });
  return Object.fromEntries(entries) as ConsentDraft;
}

/** The channels whose consent the draft changes. */
export function changedConsents(initial: ConsentDraft, draft: ConsentDraft): ConsentChannel[] {
  return CONSENT_CHANNELS.filter(
    (c) =>
      initial[c].marketingOptIn !== draft[c].marketingOptIn ||
      initial[c].doNotContact !== draft[c].doNotContact,
  );
}

/** Marketing opt-in and do-not-contact per channel, each with when and where it was last stated. */
export function ConsentsEditor({
  customer,
  value,
  onChange,
  source,
  onSourceChange,
  sourceError,
  sourceNeeded,
}: {
  customer: Customer | undefined;
  value: ConsentDraft;
  onChange: (value: ConsentDraft) => void;
  source: string;
  onSourceChange: (source: string) => void;
  sourceError: string | undefined;
  sourceNeeded: boolean;
}) {
  const t = useCustomersT();
  const me = useSession();
  const formatDate = useDateTime(me.workspace.timeZone);
  const set = (channel: ConsentChannel, key: 'marketingOptIn' | 'doNotContact', on: boolean) =>
    onChange({ ...value, [channel]: { ...value[channel], [key]: on } });
  return (
    <Stack gap="xs" data-testid="consents-editor">
      <Title order={5}>{t('consents.title')}</Title>
      <Text size="sm" c="dimmed">
        {t('consents.help')}
      </Text>
      <Table verticalSpacing={4}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('consents.channel')}</Table.Th>
            <Table.Th>{t('consents.marketing')}</Table.Th>
            <Table.Th>{t('consents.doNotContact')}</Table.Th>
            <Table.Th />
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {CONSENT_CHANNELS.map((channel) => {
            const stated = customer?.consents[channel];
            const label = knownLabel(t, 'timeline.channels', channel);
            return (
              <Table.Tr key={channel}>
                <Table.Td>{label}</Table.Td>
                <Table.Td>
                  <Switch
                    aria-label={`${t('consents.marketing')}: ${label}`}
                    checked={value[channel].marketingOptIn}
                    onChange={(e) => set(channel, 'marketingOptIn', e.currentTarget.checked)}
                  />
                </Table.Td>
                <Table.Td>
                  <Switch
                    color="red"
                    aria-label={`${t('consents.doNotContact')}: ${label}`}
                    checked={value[channel].doNotContact}
                    onChange={(e) => set(channel, 'doNotContact', e.currentTarget.checked)}
                    data-testid={`dnc-${channel}`}
                  />
                </Table.Td>
                <Table.Td>
                  <Text size="xs" c="dimmed">
                    {stated
                      ? t('consents.stated', { date: formatDate(stated.at), source: stated.source })
                      : t('consents.never')}
                  </Text>
                </Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
      <Group grow>
        <TextInput
          label={t('consents.source')}
          placeholder={t('consents.sourcePlaceholder')}
          withAsterisk={sourceNeeded}
          value={source}
          maxLength={100}
          onChange={(e) => onSourceChange(e.currentTarget.value)}
          error={sourceError}
          data-testid="consent-source"
        />
      </Group>
    </Stack>
  );
}
