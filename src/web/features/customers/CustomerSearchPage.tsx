/** Customers: search (typo-tolerant, by name, company, e-mail or phone), filter by kind and tier, page through. */
import { Button, EmptyState, Group, SegmentedControl, Select, Table, Text, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { NoAccessPage } from '../../shell/RequirePermission.tsx';
import { CursorPager, useCursorPages } from '../../ui/cursorPages.tsx';
import { Icon } from '../../ui/icons.tsx';
import { PageHeader } from '../../ui/PageHeader.tsx';
import { QueryView } from '../../ui/QueryView.tsx';
import { useCan } from '../auth/session.tsx';
import { type CustomerKind, type CustomerListItem, customerKeys, customersApi } from './api.ts';
import { useCustomersT } from './i18n.ts';
import { KindBadge, knownLabel, TierBadge } from './parts.tsx';

const PAGE_SIZE = 25;
const TIERS = ['platinum', 'gold', 'silver', 'standard'];

export function CustomerSearchPage() {
  const t = useCustomersT();
  const can = useCan();
  const [search, setSearch] = useState('');
  const [kind, setKind] = useState<CustomerKind | 'all'>('all');
  const [tier, setTier] = useState<string | null>(null);
  const [q] = useDebouncedValue(search.trim(), 250);
  // The members of an organisation are this list filtered by it (linked from the organisation's page).
  const organisationId = useSearchParams()[0].get('organisationId') ?? undefined;
  const pages = useCursorPages(`${q}|${kind}|${tier}|${organisationId}`);
  const params = {
    q,
    kind: kind === 'all' ? null : kind,
    tier,
    organisationId,
    limit: PAGE_SIZE,
    cursor: pages.cursor,
  };
  const query = useQuery({
    queryKey: customerKeys.list(params),
    queryFn: () => customersApi.list(params),
    placeholderData: keepPreviousData,
    enabled: can('customers.read'),
  });
  if (!can('customers.read')) return <NoAccessPage />;
  const canWrite = can('customers.write');
  return (
    <>
      <PageHeader
        title={t('title')}
        description={t('description')}
        actions={
          <>
            <Button variant="default" component={Link} to="/customers/duplicates">
              {t('actions.duplicates')}
            </Button>
            {canWrite && (
              <Button variant="default" component={Link} to="/customers/import">
                {t('actions.import')}
              </Button>
            )}
            {canWrite && (
              <Button leftSection={<Icon name="plus" size={16} />} component={Link} to="/customers/new">
                {t('actions.new')}
              </Button>
            )}
          </>
        }
      />
      <Group mb="md" gap="sm" wrap="wrap">
        <TextInput
          data-shortcut-search
          data-autofocus
          leftSection={<Icon name="search" size={16} />}
          placeholder={t('search.placeholder')}
          aria-label={t('search.placeholder')}
          value={search}
          onChange={(event) => setSearch(event.currentTarget.value)}
          w={{ base: '100%', sm: 420 }}
          data-testid="customer-search"
        />
        <SegmentedControl
          value={kind}
          onChange={(value) => setKind(value === 'person' || value === 'organisation' ? value : 'all')}
          data={[
            { value: 'all', label: t('search.kindAll') },
            { value: 'person', label: t('kind.person') },
            { value: 'organisation', label: t('kind.organisation') },
          ]}
        />
        <Select
          placeholder={t('search.tierAll')}
          aria-label={t('columns.tier')}
          clearable
          value={tier}
          onChange={setTier}
          data={TIERS.map((value) => ({ value, label: knownLabel(t, 'tier', value) }))}
          w={180}
        />
      </Group>
      <QueryView
        query={query}
        isEmpty={(page) => page.items.length === 0}
        empty={
          <EmptyState
            mt="lg"
            icon={<Icon name="customers" size={28} />}
            withIndicatorBackground
            title={t('search.emptyTitle')}
            description={q ? t('search.empty') : t('search.emptyList')}
            data-testid="customers-empty"
          />
        }
      >
        {(page) => (
          <>
            <CustomerTable customers={page.items} />
            <CursorPager pages={pages} nextCursor={page.nextCursor} />
          </>
        )}
      </QueryView>
    </>
  );
}

function CustomerTable({ customers }: { customers: CustomerListItem[] }) {
  const t = useCustomersT();
  const navigate = useNavigate();
  return (
    <Table.ScrollContainer minWidth={760}>
      <Table highlightOnHover verticalSpacing="sm" data-testid="customers-table">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('columns.name')}</Table.Th>
            <Table.Th>{t('columns.contact')}</Table.Th>
            <Table.Th>{t('columns.organisations')}</Table.Th>
            <Table.Th>{t('columns.tier')}</Table.Th>
            <Table.Th ta="right">{t('columns.score')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {customers.map((c) => (
            <Table.Tr
              key={c.id}
              tabIndex={0}
              style={{ cursor: 'pointer' }}
              onClick={() => navigate(`/customers/${c.id}`)}
              onKeyDown={(event) => {
                if (event.key === 'Enter') navigate(`/customers/${c.id}`);
              }}
            >
              <Table.Td>
                <Group gap="xs" wrap="nowrap">
                  <Text size="sm" fw={500} component={Link} to={`/customers/${c.id}`} c="inherit">
                    {c.erased ? t('profile.erased') : c.name}
                  </Text>
                  <KindBadge kind={c.kind} />
                </Group>
                {c.tags.length > 0 && (
                  <Text size="xs" c="dimmed">
                    {c.tags.join(' · ')}
                  </Text>
                )}
              </Table.Td>
              <Table.Td>
                <Text size="sm">{c.email ?? t('fields.none')}</Text>
                <Text size="xs" c="dimmed">
                  {c.phone ?? ''}
                </Text>
              </Table.Td>
              <Table.Td>
                <Text size="sm">{c.organisations.join(', ') || t('fields.none')}</Text>
              </Table.Td>
              <Table.Td>
                <TierBadge tier={c.tier} />
              </Table.Td>
              <Table.Td ta="right">
                <Text size="sm">{c.score.toFixed(1)}</Text>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
