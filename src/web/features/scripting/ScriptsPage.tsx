/**
 * The scripts list (`/admin/scripts`): every script with its live and latest version and its report, and
 * the way to the selection rules; N opens a new one.
 */
import { Anchor, Badge, Button, Group, Table } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { Link, useNavigate } from 'react-router';
import { NewButton } from '../../ui/NewButton.tsx';
import { PageHeader } from '../../ui/PageHeader.tsx';
import { QueryView } from '../../ui/QueryView.tsx';
import { scriptingApi } from './api.ts';
import { useScriptingT } from './i18n.ts';

export function ScriptsPage() {
  const t = useScriptingT();
  const navigate = useNavigate();
  const scripts = useQuery({ queryKey: ['scripting', 'scripts'], queryFn: scriptingApi.scripts });
  return (
    <>
      <PageHeader
        title={t('title')}
        description={t('description')}
        actions={
          <Group>
            <Button component={Link} to="/admin/scripts/rules" variant="default" data-testid="script-rules">
              {t('rules.open')}
            </Button>
            <NewButton
              label={t('newScript')}
              onClick={() => navigate('/admin/scripts/new')}
              testId="script-new"
            />
          </Group>
        }
      />
      <QueryView query={scripts} isEmpty={(d) => d.items.length === 0} empty={t('empty')}>
        {(d) => (
          <Table striped>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('columns.name')}</Table.Th>
                <Table.Th>{t('columns.live')}</Table.Th>
                <Table.Th>{t('columns.latest')}</Table.Th>
                <Table.Th />
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {d.items.map((s) => (
                <Table.Tr key={s.id} data-testid={`script-row-${s.name}`}>
                  <Table.Td>
                    <Anchor component={Link} to={`/admin/scripts/${s.id}`}>
                      {s.name}
                    </Anchor>
                  </Table.Td>
                  <Table.Td>
                    {s.liveVersion ? <Badge color="green">v{s.liveVersion}</Badge> : t('none')}
                  </Table.Td>
                  <Table.Td>v{s.latestVersion}</Table.Td>
                  <Table.Td>
                    <Anchor component={Link} to={`/admin/scripts/${s.id}/report`} data-testid="script-report">
                      {t('report.open')}
                    </Anchor>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
      </QueryView>
    </>
  );
}
