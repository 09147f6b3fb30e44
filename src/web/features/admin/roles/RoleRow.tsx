/** One role's permissions; changes are kept as a draft until saved, so a stray click changes nothing. */
import { Badge, Button, Checkbox, Group, Table, Text } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { queryKeys, roles } from '../../../api/endpoints.ts';
import type { Role } from '../../../api/types.ts';
import { errorMessage } from '../../../ui/errors.ts';
import { permissionLabel, roleLabel } from '../../../ui/labels.ts';

function sameSet(a: string[], b: string[]): boolean {
  return a.length === b.length && a.every((item) => b.includes(item));
}

export function RoleRow({ role, permissions }: { role: Role; permissions: string[] }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [draft, setDraft] = useState<string[] | null>(null);
  const readOnly = role.key === 'admin';
  const granted = draft ?? role.permissions;
  const save = useMutation({
    mutationFn: (next: string[]) => roles.update(role.key, { permissions: next }),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: queryKeys.roles });
      setDraft(null);
    },
  });
  const toggle = (permission: string, on: boolean) => {
    const next = on ? [...granted, permission] : granted.filter((item) => item !== permission);
    setDraft(sameSet(next, role.permissions) ? null : next);
  };
  const name = roleLabel(t, role.key, role.name);
  return (
    <Table.Tr data-testid={`role-row-${role.key}`}>
      <Table.Td>
        <Text size="sm" fw={500}>
          {name}
        </Text>
        <Text size="xs" c="dimmed">
          {role.builtIn ? t('admin.roles.builtIn') : t('admin.roles.custom')} · {role.key}
        </Text>
        <RowStatus
          readOnly={readOnly}
          dirty={draft !== null}
          saving={save.isPending}
          error={save.isError ? errorMessage(t, save.error) : null}
          onSave={() => draft && save.mutate(draft)}
          onUndo={() => setDraft(null)}
        />
      </Table.Td>
      {permissions.map((permission) => (
        <Table.Td key={permission} p={4}>
          <Checkbox
            mx="auto"
            w="fit-content"
            size="xs"
            aria-label={`${name}: ${permissionLabel(t, permission)}`}
            checked={granted.includes(permission)}
            disabled={readOnly || save.isPending}
            onChange={(event) => toggle(permission, event.currentTarget.checked)}
          />
        </Table.Td>
      ))}
    </Table.Tr>
  );
}

interface RowStatusProps {
  readOnly: boolean;
  dirty: boolean;
  saving: boolean;
  error: string | null;
  onSave: () => void;
  onUndo: () => void;
}

/** Under the role's name: "read-only", or Save/Undo while the row has unsaved changes. */
function RowStatus({ readOnly, dirty, saving, error, onSave, onUndo }: RowStatusProps) {
  const { t } = useTranslation();
  return (
    <>
      {readOnly && (
        <Badge variant="default" size="xs" mt={6}>
          {t('admin.roles.readOnly')}
        </Badge>
      )}
      {dirty && (
        <Group gap={6} wrap="nowrap" mt={6}>
          <Button size="compact-xs" loading={saving} onClick={onSave}>
            {t('common.save')}
          </Button>
          <Button size="compact-xs" variant="default" onClick={onUndo} disabled={saving}>
            {t('common.undo')}
          </Button>
        </Group>
      )}
      {error && (
        <Text size="xs" c="red" mt={4} role="alert">
          {error}
        </Text>
      )}
    </>
  );
}
