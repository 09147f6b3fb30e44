/** Admin › Roles: every role with its permissions as a checkbox matrix, and custom roles. */
import { Button } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { queryKeys, roles } from '../../../api/endpoints.ts';
import { PERMISSIONS } from '../../../api/types.ts';
import { Icon } from '../../../ui/icons.tsx';
import { PageHeader } from '../../../ui/PageHeader.tsx';
import { QueryView } from '../../../ui/QueryView.tsx';
import { CreateRoleModal } from './CreateRoleModal.tsx';
import { PermissionMatrix } from './PermissionMatrix.tsx';

export function RolesPage() {
  const { t } = useTranslation();
  const [creating, setCreating] = useState(false);
  const rolesQuery = useQuery({ queryKey: queryKeys.roles, queryFn: roles.list });
  const permissionsQuery = useQuery({
    queryKey: queryKeys.permissions,
    queryFn: roles.permissions,
    staleTime: Infinity,
  });
  // The server's list is the truth; the known list covers the moment before it answers.
  const permissions = permissionsQuery.data?.items ?? [...PERMISSIONS];
  return (
    <>
      <PageHeader
        title={t('admin.roles.title')}
        description={t('admin.roles.description')}
        actions={
          <Button leftSection={<Icon name="plus" size={16} />} onClick={() => setCreating(true)}>
            {t('admin.roles.new')}
          </Button>
        }
      />
      <QueryView query={rolesQuery}>
        {(data) => <PermissionMatrix roles={data.items} permissions={permissions} />}
      </QueryView>
      {creating && <CreateRoleModal permissions={permissions} onClose={() => setCreating(false)} />}
    </>
  );
}
