/** Roles down, permissions across; each cell a checkbox. The admin role is shown but cannot change. */
import { Table, Text, Tooltip } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { BUILT_IN_ROLES, type Role } from '../../../api/types.ts';
import { permissionLabel } from '../../../ui/labels.ts';
import { RoleRow } from './RoleRow.tsx';

/** Built-in roles in the order of the organisation chart, then custom roles by name. */
function sortRoles(roles: Role[]): Role[] {
  const rank = (role: Role) => {
    const index = (BUILT_IN_ROLES as readonly string[]).indexOf(role.key);
    return index === -1 ? BUILT_IN_ROLES.length : index;
  };
  return [...roles].sort((a, b) => rank(a) - rank(b) || a.name.localeCompare(b.name));
}

export function PermissionMatrix({ roles, permissions }: { roles: Role[]; permissions: string[] }) {
  const { t } = useTranslation();
  return (
    <Table.ScrollContainer minWidth={180 + permissions.length * 32}>
      <Table withTableBorder withColumnBorders striped highlightOnHover data-testid="permission-matrix">
        <Table.Thead>
          <Table.Tr>
            <Table.Th miw={170} style={{ verticalAlign: 'bottom' }}>
              {t('fields.role')}
            </Table.Th>
            {permissions.map((permission) => (
              <Table.Th key={permission} p={4} style={{ verticalAlign: 'bottom' }}>
                <Tooltip label={permission}>
                  <Text
                    size="xs"
                    fw={500}
                    style={{ writingMode: 'vertical-rl', transform: 'rotate(180deg)', whiteSpace: 'nowrap' }}
                    mx="auto"
                  >
                    {permissionLabel(t, permission)}
                  </Text>
                </Tooltip>
              </Table.Th>
            ))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {sortRoles(roles).map((role) => (
            <RoleRow key={role.key} role={role} permissions={permissions} />
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
