/** Admin › Users: search, page through, create and edit the workspace's users. */
import { Button, Group, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { queryKeys, users } from '../../../api/endpoints.ts';
import type { User } from '../../../api/types.ts';
import { CursorPager, useCursorPages } from '../../../ui/cursorPages.tsx';
import { Icon } from '../../../ui/icons.tsx';
import { PageHeader } from '../../../ui/PageHeader.tsx';
import { QueryView } from '../../../ui/QueryView.tsx';
import { useCan } from '../../auth/session.tsx';
import { UserFormModal } from './UserFormModal.tsx';
import { UsersEmpty } from './UsersEmpty.tsx';
import { UsersTable } from './UsersTable.tsx';

const PAGE_SIZE = 25;

type Editing = { mode: 'create' } | { mode: 'edit'; user: User } | null;

export function UsersPage() {
  const { t } = useTranslation();
  const can = useCan();
  const [search, setSearch] = useState('');
  const [q] = useDebouncedValue(search.trim(), 300);
  const pages = useCursorPages(q);
  const [editing, setEditing] = useState<Editing>(null);
  const query = useQuery({
    queryKey: queryKeys.usersPage(q, pages.cursor),
    queryFn: () => users.list({ q, limit: PAGE_SIZE, cursor: pages.cursor }),
    placeholderData: keepPreviousData,
  });
  const canManage = can('users.manage');
  return (
    <>
      <PageHeader
        title={t('admin.users.title')}
        description={t('admin.users.description')}
        actions={
          canManage && (
            <Button
              leftSection={<Icon name="plus" size={16} />}
              onClick={() => setEditing({ mode: 'create' })}
            >
              {t('admin.users.new')}
            </Button>
          )
        }
      />
      <Group mb="md">
        <TextInput
          data-shortcut-search
          leftSection={<Icon name="search" size={16} />}
          placeholder={t('admin.users.searchPlaceholder')}
          aria-label={t('admin.users.searchPlaceholder')}
          value={search}
          onChange={(event) => setSearch(event.currentTarget.value)}
          w={{ base: '100%', sm: 360 }}
        />
      </Group>
      <QueryView query={query} isEmpty={(page) => page.items.length === 0} empty={<UsersEmpty search={q} />}>
        {(page) => (
          <>
            <UsersTable
              users={page.items}
              onEdit={canManage ? (user) => setEditing({ mode: 'edit', user }) : undefined}
            />
            <CursorPager pages={pages} nextCursor={page.nextCursor} />
          </>
        )}
      </QueryView>
      {editing && (
        <UserFormModal
          user={editing.mode === 'edit' ? editing.user : undefined}
          onClose={() => setEditing(null)}
        />
      )}
    </>
  );
}
