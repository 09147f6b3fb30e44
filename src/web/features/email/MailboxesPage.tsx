/** Admin › Mailboxes: every mailbox with its queue, servers and sync status; add, edit, test, remove. */
import { Alert, Badge, Button, Group, Modal, Paper, Stack, Table, Text } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { EmptyState } from '../../ui/EmptyState.tsx';
import { ErrorAlert } from '../../ui/ErrorAlert.tsx';
import { useDateTime } from '../../ui/format.ts';
import { Icon } from '../../ui/icons.tsx';
import { NewButton } from '../../ui/NewButton.tsx';
import { PageHeader } from '../../ui/PageHeader.tsx';
import { LoadingLines, QueryView } from '../../ui/QueryView.tsx';
import { useSession } from '../auth/session.tsx';
import { type CheckResult, emailApi, emailKeys, type Mailbox } from './api.ts';
import { useEmailT } from './i18n.ts';
import { MailboxFormModal } from './MailboxFormModal.tsx';

type Editing = { mailbox: Mailbox | null } | null;

export function MailboxesPage() {
  const t = useEmailT();
  const mailboxes = useQuery({ queryKey: emailKeys.mailboxes, queryFn: emailApi.mailboxes });
  const queues = useQuery({ queryKey: ['email', 'queues'], queryFn: emailApi.queues });
  const [editing, setEditing] = useState<Editing>(null);
  const [testing, setTesting] = useState<Mailbox | null>(null);

  return (
    <>
      <PageHeader
        title={t('mailboxes.title')}
        description={t('mailboxes.description')}
        actions={
          <NewButton
            label={t('mailboxes.new')}
            hint={t('mailboxes.shortcut')}
            onClick={() => setEditing({ mailbox: null })}
            testId="mailbox-new"
          />
        }
      />
      <QueryView
        query={mailboxes}
        loading={<LoadingLines lines={4} />}
        isEmpty={(items) => items.length === 0}
        empty={
          <EmptyState
            testId="mailboxes-empty"
            title={t('mailboxes.emptyTitle')}
            text={t('mailboxes.empty')}
          />
        }
      >
        {(items) => (
          <MailboxTable
            mailboxes={items}
            queueName={(key) => queues.data?.find((q) => q.key === key)?.name ?? key}
            onEdit={(mailbox) => setEditing({ mailbox })}
            onTest={setTesting}
          />
        )}
      </QueryView>
      {editing && (
        <MailboxFormModal
          mailbox={editing.mailbox}
          queues={queues.data ?? []}
          onClose={() => setEditing(null)}
        />
      )}
      {testing && <TestModal mailbox={testing} onClose={() => setTesting(null)} />}
    </>
  );
}

function MailboxTable({
  mailboxes,
  queueName,
  onEdit,
  onTest,
}: {
  mailboxes: Mailbox[];
  queueName: (key: string) => string;
  onEdit: (m: Mailbox) => void;
  onTest: (m: Mailbox) => void;
}) {
  const t = useEmailT();
  const when = useDateTime(useSession().workspace.timeZone);
  return (
    <Paper withBorder radius="md">
      <Table highlightOnHover verticalSpacing="sm" data-testid="mailboxes-table">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('mailboxes.columns.mailbox')}</Table.Th>
            <Table.Th>{t('mailboxes.columns.queue')}</Table.Th>
            <Table.Th>{t('mailboxes.columns.receive')}</Table.Th>
            <Table.Th>{t('mailboxes.columns.send')}</Table.Th>
            <Table.Th>{t('mailboxes.columns.status')}</Table.Th>
            <Table.Th />
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {mailboxes.map((m) => (
            <Table.Tr key={m.id} data-testid={`mailbox-row-${m.address}`}>
              <Table.Td onClick={() => onEdit(m)} style={{ cursor: 'pointer' }}>
                <Text fw={500}>{m.name}</Text>
                <Text size="xs" c="dimmed">
                  {m.address}
                </Text>
              </Table.Td>
              <Table.Td>{queueName(m.queueId)}</Table.Td>
              <Table.Td>{m.imap ? `IMAP ${m.imap.host}:${m.imap.port}` : t('mailboxes.pushed')}</Table.Td>
              <Table.Td>
                {m.smtp
                  ? `${m.smtp.protocol.toUpperCase()} ${m.smtp.host}:${m.smtp.port}`
                  : t('mailboxes.noSend')}
              </Table.Td>
              <Table.Td>
                <Stack gap={2}>
                  {!m.enabled && (
                    <Badge color="gray" variant="light">
                      {t('mailboxes.disabled')}
                    </Badge>
                  )}
                  {m.lastError ? (
                    <Text size="xs" c="red" data-testid="mailbox-error">
                      {m.lastError}
                    </Text>
                  ) : (
                    m.imap && (
                      <Text size="xs" c="dimmed">
                        {m.lastSyncAt
                          ? t('mailboxes.synced', { when: when(m.lastSyncAt) })
                          : t('mailboxes.never')}
                      </Text>
                    )
                  )}
                </Stack>
              </Table.Td>
              <Table.Td>
                <Group gap="xs" justify="flex-end">
                  <Button size="xs" variant="light" onClick={() => onTest(m)} data-testid="mailbox-test">
                    {t('mailboxes.test')}
                  </Button>
                  <Button size="xs" variant="subtle" onClick={() => onEdit(m)}>
                    {t('mailboxes.edit')}
                  </Button>
                </Group>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Paper>
  );
}

function TestModal({ mailbox, onClose }: { mailbox: Mailbox; onClose: () => void }) {
  const t = useEmailT();
  const client = useQueryClient();
  const check = useQuery({
    queryKey: ['email', 'test', mailbox.id],
    queryFn: () => emailApi.testMailbox(mailbox.id),
    gcTime: 0,
  });
  const remove = useMutation({
    mutationFn: () => emailApi.removeMailbox(mailbox.id),
    onSuccess: async () => {
      await client.invalidateQueries({ queryKey: emailKeys.mailboxes });
      onClose();
    },
  });
  return (
    <Modal opened onClose={onClose} title={t('mailboxes.testTitle', { address: mailbox.address })}>
      <Stack data-testid="mailbox-test-result">
        <QueryView query={check} loading={<Text c="dimmed">{t('mailboxes.testing')}</Text>}>
          {(r) => <CheckLines result={r} />}
        </QueryView>
        {remove.error && <ErrorAlert error={remove.error} />}
        <Group justify="space-between">
          <Button
            color="red"
            variant="subtle"
            leftSection={<Icon name="trash" size={14} />}
            onClick={() => {
              if (window.confirm(t('mailboxes.confirmRemove', { address: mailbox.address }))) remove.mutate();
            }}
          >
            {t('mailboxes.remove')}
          </Button>
          <Button variant="light" onClick={() => void check.refetch()} loading={check.isFetching}>
            {t('mailboxes.test')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

function CheckLines({ result }: { result: CheckResult }) {
  const t = useEmailT();
  if (!result.imap && !result.smtp) return <Text c="dimmed">{t('mailboxes.nothingToTest')}</Text>;
  return (
    <Stack gap="xs">
      {result.imap && (
        <Alert color={result.imap.ok ? 'green' : 'red'} variant="light" data-testid="check-imap">
          {result.imap.ok
            ? t('mailboxes.imapOk', { count: result.imap.messages ?? 0 })
            : t('mailboxes.imapFail', { error: result.imap.error ?? '' })}
        </Alert>
      )}
      {result.smtp && (
        <Alert color={result.smtp.ok ? 'green' : 'red'} variant="light" data-testid="check-smtp">
          {result.smtp.ok
            ? t('mailboxes.smtpOk')
            : t('mailboxes.smtpFail', { error: result.smtp.error ?? '' })}
        </Alert>
      )}
    </Stack>
  );
}
