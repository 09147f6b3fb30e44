/** The scripts admin list (`/scripts`): every script with its live and latest version. */
import { Table } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { PageHeader } from '../../ui/PageHeader.tsx';
import { QueryView } from '../../ui/QueryView.tsx';
import { scriptingApi } from './api.ts';
import { useScriptingT } from './i18n.ts';

export function ScriptsPage() {
  const t = useScriptingT();
  const scripts = useQuery({ queryKey: ['scripting', 'scripts'], queryFn: scriptingApi.scripts });
  return (
    <>
      <PageHeader title={t('title')} description={t('description')} />
      <QueryView query={scripts} isEmpty={(d) => d.items.length === 0} empty={t('empty')}>
        {(d) => (
          <Table striped>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('columns.name')}</Table.Th>
                <Table.Th>{t('columns.live')}</Table.Th>
                <Table.Th>{t('columns.latest')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {d.items.map((s) => (
                <Table.Tr key={s.id}>
                  <Table.Td>{s.name}</Table.Td>
                  <Table.Td>{s.liveVersion ?? t('none')}</Table.Td>
                  <Table.Td>{s.latestVersion}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
      </QueryView>
    </>
  );
}
