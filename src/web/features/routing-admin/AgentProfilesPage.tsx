/** Admin › Agent profiles: every user with the profile routing uses for them, and its editor. */
import { Paper, Table, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { users } from '../../api/endpoints.ts';
import type { User } from '../../api/types.ts';
import { EmptyState } from '../../ui/EmptyState.tsx';
import { PageHeader } from '../../ui/PageHeader.tsx';
import { LoadingLines, QueryView } from '../../ui/QueryView.tsx';
import { type AgentProfile, routingApi, routingKeys } from './api.ts';
import { useRoutingT } from './i18n.ts';
import { ProfileFormModal } from './ProfileFormModal.tsx';

interface Row {
  user: User;
  profile: AgentProfile | null;
}

export function AgentProfilesPage() {
  const t = useRoutingT();
  // Users and their profiles in one query, so the view has one loading and one error state.
  const rows = useQuery({
    queryKey: [...routingKeys.profiles, 'with-users'],
    queryFn: async (): Promise<Row[]> => {
      const [people, profiles] = await Promise.all([users.list({ limit: 200 }), routingApi.profiles()]);
      return people.items
        .filter((user) => user.active)
        .map((user) => {
          const found = profiles.find((p) => p.userId === user.id);
          return { user, profile: found ? withoutId(found) : null };
        });
    },
  });
  const settings = useQuery({ queryKey: routingKeys.settings, queryFn: routingApi.settings });
  const [editing, setEditing] = useState<Row | null>(null);

  return (
    <>
      <PageHeader title={t('agents.title')} description={t('agents.description')} />
      <QueryView
        query={rows}
        loading={<LoadingLines lines={6} />}
        isEmpty={(items) => items.length === 0}
        empty={<EmptyState testId="agents-empty" title={t('agents.emptyTitle')} text={t('agents.empty')} />}
      >
        {(items) => <ProfilesTable rows={items} onEdit={setEditing} />}
      </QueryView>
      {editing && (
        <ProfileFormModal
          user={editing.user}
          profile={editing.profile}
          skills={settings.data?.skills ?? []}
          onClose={() => setEditing(null)}
        />
      )}
    </>
  );
}

const withoutId = ({ userId: _id, ...profile }: AgentProfile & { userId: string }): AgentProfile => profile;

function ProfilesTable({ rows, onEdit }: { rows: Row[]; onEdit: (row: Row) => void }) {
  const t = useRoutingT();
  return (
    <Paper withBorder radius="md">
      <Table highlightOnHover verticalSpacing="sm" data-testid="agents-table">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('agents.columns.agent')}</Table.Th>
            <Table.Th>{t('agents.columns.skills')}</Table.Th>
            <Table.Th>{t('agents.columns.languages')}</Table.Th>
            <Table.Th>{t('agents.columns.channels')}</Table.Th>
            <Table.Th>{t('agents.columns.capacity')}</Table.Th>
            <Table.Th>{t('agents.columns.teams')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((row) => (
            <Table.Tr
              key={row.user.id}
              onClick={() => onEdit(row)}
              onKeyDown={(e) => e.key === 'Enter' && onEdit(row)}
              tabIndex={0}
              style={{ cursor: 'pointer' }}
              data-testid={`agent-row-${row.user.email}`}
            >
              <Table.Td>
                <Text fw={500}>{row.user.name}</Text>
                <Text size="xs" c="dimmed">
                  {row.user.email}
                </Text>
              </Table.Td>
              {row.profile ? (
                <>
                  <Table.Td>
                    {Object.entries(row.profile.skills)
                      .map(([skill, level]) => `${skill} ${level}`)
                      .join(' · ')}
                  </Table.Td>
                  <Table.Td>{row.profile.languages.join(', ')}</Table.Td>
                  <Table.Td>
                    {Object.entries(row.profile.channels)
                      .map(([channel, cap]) => `${t(`channels.${channel}` as 'channels.voice')} ${cap}`)
                      .join(' · ')}
                  </Table.Td>
                  <Table.Td>{row.profile.capacity}</Table.Td>
                  <Table.Td>{row.profile.teams.join(', ')}</Table.Td>
                </>
              ) : (
                <Table.Td colSpan={5}>
                  <Text size="sm" c="dimmed">
                    {t('agents.noProfile')}
                  </Text>
                </Table.Td>
              )}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Paper>
  );
}
