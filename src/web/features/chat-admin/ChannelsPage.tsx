/** Admin › Web channels: every channel with its sites and queue, the editor, and the code to embed. */
import { Badge, Group, Paper, Table, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { EmptyState } from '../../ui/EmptyState.tsx';
import { NewButton } from '../../ui/NewButton.tsx';
import { PageHeader } from '../../ui/PageHeader.tsx';
import { LoadingLines, QueryView } from '../../ui/QueryView.tsx';
import { chatAdminApi, chatAdminKeys, type WebChannel } from './api.ts';
import { ChannelFormModal } from './ChannelFormModal.tsx';
import { emptyChannel, toInput } from './draft.ts';
import { useChatAdminT } from './i18n.ts';

export function ChannelsPage() {
  const t = useChatAdminT();
  const channels = useQuery({ queryKey: chatAdminKeys.channels, queryFn: chatAdminApi.channels });
  // A new channel starts from the server's default settings.
  const defaults = useQuery({ queryKey: ['chat-admin', 'defaults'], queryFn: chatAdminApi.defaults });
  const [editing, setEditing] = useState<{ channel: WebChannel | null } | null>(null);
  const initial = editing?.channel
    ? toInput(editing.channel)
    : defaults.data
      ? emptyChannel(defaults.data)
      : null;

  return (
    <>
      <PageHeader
        title={t('title')}
        description={t('description')}
        actions={
          <NewButton
            label={t('new')}
            onClick={() => setEditing({ channel: null })}
            disabled={!defaults.data}
            testId="channel-new"
          />
        }
      />
      <QueryView
        query={channels}
        loading={<LoadingLines lines={4} />}
        isEmpty={(items) => items.length === 0}
        empty={<EmptyState testId="channels-empty" title={t('emptyTitle')} text={t('empty')} />}
      >
        {(items) => (
          <Paper withBorder radius="md">
            <Table highlightOnHover verticalSpacing="sm" data-testid="channels-table">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('columns.name')}</Table.Th>
                  <Table.Th>{t('columns.sites')}</Table.Th>
                  <Table.Th>{t('columns.queue')}</Table.Th>
                  <Table.Th>{t('columns.hours')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {items.map((c) => (
                  <Table.Tr
                    key={c.id}
                    onClick={() => setEditing({ channel: c })}
                    style={{ cursor: 'pointer' }}
                    data-testid="channel-row"
                  >
                    <Table.Td>
                      <Group gap="xs">
                        <span
                          aria-hidden
                          style={{
                            width: 12,
                            height: 12,
                            borderRadius: 6,
                            background: c.settings.colors.primary,
                          }}
                        />
                        <Text fw={500}>{c.name}</Text>
                      </Group>
                      <Text size="xs" c="dimmed">
                        {c.publicKey}
                      </Text>
                    </Table.Td>
                    <Table.Td>
                      {c.allowedOrigins.length === 0 ? (
                        <Text size="sm" c="dimmed">
                          {t('anySite')}
                        </Text>
                      ) : (
                        <Group gap={4}>
                          {c.allowedOrigins.map((o) => (
                            <Badge key={o} variant="light" tt="none">
                              {o}
                            </Badge>
                          ))}
                        </Group>
                      )}
                    </Table.Td>
                    <Table.Td>{c.settings.queueId}</Table.Td>
                    <Table.Td>
                      {t(`form.hoursModes.${c.settings.hours === null ? 'workspace' : 'custom'}`)}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Paper>
        )}
      </QueryView>
      {editing && initial && (
        <ChannelFormModal channel={editing.channel} initial={initial} onClose={() => setEditing(null)} />
      )}
    </>
  );
}
