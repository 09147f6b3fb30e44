import { Badge, Button, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { User } from '../../../api/types.ts';
import { useDateTime } from '../../../ui/format.ts';
import { roleLabel } from '../../../ui/labels.ts';
import { useSession } from '../../auth/session.tsx';

export function UsersTable({ users, onEdit }: { users: User[]; onEdit?: (user: User) => void }) {
  const { t } = useTranslation();
  const formatDateTime = useDateTime(useSession().workspace.timeZone);
  return (
    <Table.ScrollContainer minWidth={720}>
      <Table highlightOnHover verticalSpacing="sm" data-testid="users-table">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('fields.name')}</Table.Th>
            <Table.Th>{t('fields.role')}</Table.Th>
            <Table.Th>{t('fields.language')}</Table.Th>
            <Table.Th>{t('fields.status')}</Table.Th>
            <Table.Th>{t('admin.users.lastLogin')}</Table.Th>
            {onEdit && <Table.Th />}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {users.map((user) => (
            <Table.Tr key={user.id}>
              <Table.Td>
                <Text size="sm" fw={500}>
                  {user.name}
                </Text>
                <Text size="xs" c="dimmed">
                  {user.email}
                </Text>
              </Table.Td>
              <Table.Td>{roleLabel(t, user.role)}</Table.Td>
              <Table.Td>{t(`language.${user.language}`)}</Table.Td>
              <Table.Td>
                <Badge variant="light" color={user.active ? 'teal' : 'gray'}>
                  {user.active ? t('admin.users.active') : t('admin.users.inactive')}
                </Badge>
              </Table.Td>
              <Table.Td>
                <Text size="sm" c={user.lastLoginAt ? undefined : 'dimmed'}>
                  {user.lastLoginAt ? formatDateTime(user.lastLoginAt) : t('admin.users.never')}
                </Text>
              </Table.Td>
              {onEdit && (
                <Table.Td ta="right">
                  <Button size="xs" variant="default" onClick={() => onEdit(user)}>
                    {t('common.edit')}
                  </Button>
                </Table.Td>
              )}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
