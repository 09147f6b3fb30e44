/** The customer 360 page: profile, identities, value and tier, recent contacts, notes and the whole timeline. */
import { Alert, Button, Grid, Group, Modal, Stack, Text } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { NoAccessPage } from '../../shell/RequirePermission.tsx';
import { ErrorAlert } from '../../ui/ErrorAlert.tsx';
import { useDateTime } from '../../ui/format.ts';
import { PageHeader } from '../../ui/PageHeader.tsx';
import { QueryView } from '../../ui/QueryView.tsx';
import { useCan, useSession } from '../auth/session.tsx';
import { type Customer, customerKeys, customersApi } from './api.ts';
import { IdentitiesCard } from './IdentitiesCard.tsx';
import { useCustomersT } from './i18n.ts';
import { translateError } from './messages.ts';
import { NotesCard } from './NotesCard.tsx';
import { OpenInteractionsCard } from './OpenInteractionsCard.tsx';
import { ProfileCard } from './ProfileCard.tsx';
import { KindBadge, TierBadge } from './parts.tsx';
import { TimelineCard } from './TimelineCard.tsx';
import { ValueCard } from './ValueCard.tsx';

export function CustomerPage() {
  const { id = '' } = useParams();
  const can = useCan();
  const query = useQuery({
    queryKey: customerKeys.one(id),
    queryFn: () => customersApi.get(id),
    enabled: can('customers.read'),
  });
  if (!can('customers.read')) return <NoAccessPage />;
  return <QueryView query={query}>{(customer) => <Customer360 customer={customer} />}</QueryView>;
}

function Customer360({ customer }: { customer: Customer }) {
  const t = useCustomersT();
  const can = useCan();
  const me = useSession();
  const formatDate = useDateTime(me.workspace.timeZone);
  const [erasing, setErasing] = useState(false);
  const erased = customer.erasedAt !== null;
  const writable = can('customers.write') && !erased;
  return (
    <>
      <PageHeader
        title={erased ? t('profile.erased') : customer.name}
        actions={
          <>
            <Button variant="subtle" component={Link} to="/customers">
              {t('actions.back')}
            </Button>
            {can('customers.write') && <ExportButton customer={customer} />}
            {can('workspace.manage') && !erased && (
              <Button variant="light" color="red" onClick={() => setErasing(true)}>
                {t('actions.erase')}
              </Button>
            )}
            {writable && (
              <Button component={Link} to={`/customers/${customer.id}/edit`} data-testid="edit-customer">
                {t('actions.edit')}
              </Button>
            )}
          </>
        }
      />
      <Group gap="xs" mb="md" mt={-12}>
        <KindBadge kind={customer.kind} />
        <TierBadge tier={customer.tier} />
      </Group>
      {erased && (
        <Alert color="gray" mb="md" title={t('profile.erased')}>
          {t('profile.erasedNote', { date: formatDate(customer.erasedAt!) })}
        </Alert>
      )}
      <Grid gap="md">
        <Grid.Col span={{ base: 12, md: 4 }}>
          <Stack gap="md">
            <ValueCard customer={customer} />
            <ProfileCard customer={customer} />
            <IdentitiesCard customer={customer} writable={writable} />
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 8 }}>
          <Stack gap="md">
            {can('interactions.read') && !erased && <OpenInteractionsCard customerId={customer.id} />}
            <TimelineCard
              customerId={customer.id}
              title={t('interactions.title')}
              kind="interaction"
              pageSize={5}
            />
            <NotesCard customerId={customer.id} writable={writable} />
            <TimelineCard customerId={customer.id} title={t('timeline.title')} withFilters pageSize={20} />
          </Stack>
        </Grid.Col>
      </Grid>
      {erasing && <EraseModal customer={customer} onClose={() => setErasing(false)} />}
    </>
  );
}

/** Downloads everything held about the customer as a JSON file (the server audits it). */
function ExportButton({ customer }: { customer: Customer }) {
  const t = useCustomersT();
  const download = useMutation({
    mutationFn: () => customersApi.export(customer.id),
    onSuccess: (data) => {
      const url = URL.createObjectURL(
        new Blob([JSON.stringify(data, null, 2)], { type: 'application/json' }),
      );
      const link = document.createElement('a');
      link.href = url;
      link.download = `customer-${customer.id}.json`;
      link.click();
      URL.revokeObjectURL(url);
    },
  });
  return (
    <Button variant="default" loading={download.isPending} onClick={() => download.mutate()}>
      {t('actions.export')}
    </Button>
  );
}

function EraseModal({ customer, onClose }: { customer: Customer; onClose: () => void }) {
  const t = useCustomersT();
  const queryClient = useQueryClient();
  const erase = useMutation({
    mutationFn: () => customersApi.erase(customer.id),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: customerKeys.all });
      onClose();
    },
  });
  return (
    <Modal opened onClose={onClose} title={t('privacy.eraseTitle')}>
      <Stack gap="md">
        <Text>{t('privacy.eraseText')}</Text>
        {erase.error && <ErrorAlert error={translateError(t, erase.error)} />}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('actions.cancel')}
          </Button>
          <Button
            color="red"
            loading={erase.isPending}
            onClick={() => erase.mutate()}
            data-testid="confirm-erase"
          >
            {t('privacy.eraseConfirm')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
