import { Button, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ApiToken } from '../../../api/types.ts';
import { useDateTime } from '../../../ui/format.ts';
import { useSession } from '../../auth/session.tsx';

export function TokensTable({
  tokens,
  onRevoke,
}: {
  tokens: ApiToken[];
  onRevoke: (token: ApiToken) => void;
}) {
  const { t } = useTranslation();
  const formatDateTime = useDateTime(useSession().workspace.timeZone);
  return (
    <Table.ScrollContainer minWidth={560}>
      <Table verticalSpacing="sm" highlightOnHover data-testid="tokens-table">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('fields.name')}</Table.Th>
            <Table.Th>{t('admin.apiTokens.created')}</Table.Th>
            <Table.Th>{t('admin.apiTokens.lastUsed')}</Table.Th>
            <Table.Th />
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {tokens.map((token) => (
            <Table.Tr key={token.id}>
              <Table.Td fw={500}>{token.name}</Table.Td>
              <Table.Td>{formatDateTime(token.createdAt)}</Table.Td>
              <Table.Td>
                <Text size="sm" c={token.lastUsedAt ? undefined : 'dimmed'}>
                  {token.lastUsedAt ? formatDateTime(token.lastUsedAt) : t('admin.apiTokens.neverUsed')}
                </Text>
              </Table.Td>
              <Table.Td ta="right">
                <Button size="xs" variant="light" color="red" onClick={() => onRevoke(token)}>
                  {t('admin.apiTokens.revoke')}
                </Button>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
