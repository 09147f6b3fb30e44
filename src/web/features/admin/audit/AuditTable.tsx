import { Code, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { AuditEntry } from '../../../api/types.ts';
import { useDateTime } from '../../../ui/format.ts';
import { useSession } from '../../auth/session.tsx';

function payloadText(payload: unknown): string {
  if (payload === null || payload === undefined) return '';
  if (typeof payload === 'object' && Object.keys(payload).length === 0) return '';
  return JSON.stringify(payload);
}

export function AuditTable({ entries }: { entries: AuditEntry[] }) {
  const { t } = useTranslation();
  const formatDateTime = useDateTime(useSession().workspace.timeZone);
  return (
    <Table.ScrollContainer minWidth={760}>
      <Table verticalSpacing="xs" striped data-testid="audit-table">
        <Table.Thead>
          <Table.Tr>
            <Table.Th w={190}>{t('admin.audit.at')}</Table.Th>
            <Table.Th w={220}>{t('admin.audit.event')}</Table.Th>
            <Table.Th w={240}>{t('admin.audit.actor')}</Table.Th>
            <Table.Th>{t('admin.audit.details')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {entries.map((entry) => (
            <Table.Tr key={entry.id}>
              <Table.Td>
                <Text size="sm">{formatDateTime(entry.at)}</Text>
              </Table.Td>
              <Table.Td>
                <Code>{entry.type}</Code>
              </Table.Td>
              <Table.Td>
                <Text size="sm" c={entry.actorEmail ? undefined : 'dimmed'}>
                  {entry.actorEmail ?? t('admin.audit.system')}
                </Text>
              </Table.Td>
              <Table.Td>
                <Text size="xs" ff="monospace" c="dimmed" lineClamp={2} style={{ wordBreak: 'break-all' }}>
                  {payloadText(entry.payload)}
                </Text>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
