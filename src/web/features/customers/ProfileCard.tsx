/** The profile part of the 360 page: kind, language, organisations or members, fields and consents. */
import { Anchor, Badge, Card, Group, Stack, Table, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { queryKeys, users } from '../../api/endpoints.ts';
import { useCan, useSession } from '../auth/session.tsx';
import { type Customer, customerKeys, customersApi, type FieldValue } from './api.ts';
import { useCustomersT } from './i18n.ts';
import { knownLabel } from './parts.tsx';

export function ProfileCard({ customer }: { customer: Customer }) {
  const t = useCustomersT();
  const me = useSession();
  const fields = useQuery({ queryKey: customerKeys.fields, queryFn: customersApi.fields });
  const label = (key: string) => fields.data?.items.find((f) => f.key === key)?.label ?? key;
  const owner = useOwnerName(customer.ownerId);
  const rows: [string, string][] = [
    [t('owner.label'), owner ?? t('fields.none')],
    [t('fields.externalId'), customer.externalId ?? t('fields.none')],
    [t('fields.language'), customer.language?.toUpperCase() ?? t('fields.none')],
    [t('fields.timeZone'), customer.timeZone ?? t('fields.none')],
    // A date without a time of day, stored as midnight UTC: shown as that date, whatever the time zone.
    [
      t('fields.customerSince'),
      new Date(customer.customerSince).toLocaleDateString(me.language === 'en' ? 'en-US' : 'es-CO', {
        timeZone: 'UTC',
      }),
    ],
    [t('fields.openDebt'), customer.openDebt.toLocaleString(me.language === 'en' ? 'en-US' : 'es-CO')],
    ...Object.entries(customer.customFields).map(([key, value]): [string, string] => [
      label(key),
      show(t, value),
    ]),
  ];
  return (
    <Card withBorder radius="md" padding="md" data-testid="profile-card">
      <Title order={4} mb="sm">
        {t('profile.title')}
      </Title>
      <Table verticalSpacing={4} withRowBorders={false}>
        <Table.Tbody>
          {rows.map(([name, value]) => (
            <Table.Tr key={name}>
              <Table.Td c="dimmed" w="45%">
                {name}
              </Table.Td>
              <Table.Td>{value}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      {customer.tags.length > 0 && (
        <Group gap={4} mt="sm">
          {customer.tags.map((tag) => (
            <Badge key={tag} variant="dot" color="gray">
              {tag}
            </Badge>
          ))}
        </Group>
      )}
      {customer.kind === 'person' ? (
        customer.organisations.length > 0 && (
          <Stack gap={2} mt="sm">
            <Text size="sm" c="dimmed">
              {t('fields.organisations')}
            </Text>
            {customer.organisations.map((o) => (
              <Anchor key={o.id} component={Link} to={`/customers/${o.id}`} size="sm">
                {o.name}
                {o.role ? ` · ${o.role}` : ''}
              </Anchor>
            ))}
          </Stack>
        )
      ) : (
        <Anchor component={Link} to={`/customers?organisationId=${customer.id}`} size="sm" mt="sm">
          {t('profile.members')}: {t('profile.membersCount', { count: customer.memberCount })}
        </Anchor>
      )}
      <Consents customer={customer} />
    </Card>
  );
}

function Consents({ customer }: { customer: Customer }) {
  const t = useCustomersT();
  const entries = Object.entries(customer.consents);
  return (
    <Stack gap={4} mt="md">
      <Text size="sm" c="dimmed">
        {t('profile.consents')}
      </Text>
      {entries.length === 0 && <Text size="sm">{t('profile.noConsents')}</Text>}
      {entries.map(([channel, consent]) => (
        <Group key={channel} gap={6}>
          <Text size="sm" fw={500}>
            {knownLabel(t, 'timeline.channels', channel)}
          </Text>
          {consent.doNotContact && (
            <Badge color="red" variant="light" size="sm">
              {t('profile.doNotContact')}
            </Badge>
          )}
          {consent.marketingOptIn && (
            <Badge color="teal" variant="light" size="sm">
              {t('profile.marketing')}
            </Badge>
          )}
          <Text size="xs" c="dimmed">
            {consent.source}
          </Text>
        </Group>
      ))}
    </Stack>
  );
}

/** The owner's name when the viewer may list users or is the owner; otherwise a short form of the id. */
function useOwnerName(ownerId: string | null): string | null {
  const me = useSession();
  const can = useCan();
  const mayList = can('users.read') || can('users.manage');
  const list = useQuery({
    queryKey: [...queryKeys.users, 'owners'],
    queryFn: () => users.list({ limit: 100 }),
    enabled: mayList && ownerId !== null && ownerId !== me.id,
    staleTime: 60_000,
  });
  if (!ownerId) return null;
  if (ownerId === me.id) return me.name;
  return list.data?.items.find((u) => u.id === ownerId)?.name ?? `${ownerId.slice(0, 8)}…`;
}

function show(t: (key: 'form.yes' | 'form.no') => string, value: FieldValue): string {
  if (typeof value === 'boolean') return value ? t('form.yes') : t('form.no');
  return String(value);
}
