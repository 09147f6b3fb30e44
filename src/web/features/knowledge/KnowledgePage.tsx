/** The articles list for editors: search by title, filter by status, open or create an article. */
import { Anchor, Badge, Button, Group, SegmentedControl, Table, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Link } from 'react-router';
import { PageHeader } from '../../ui/PageHeader.tsx';
import { QueryView } from '../../ui/QueryView.tsx';
import { type KbStatus, kbApi } from './api.ts';
import { useKnowledgeT } from './i18n.ts';

const STATUS_COLOR: Record<KbStatus, string> = { draft: 'gray', published: 'green', archived: 'orange' };

export function KnowledgePage() {
  const t = useKnowledgeT();
  const [q, setQ] = useState('');
  const [status, setStatus] = useState<'all' | KbStatus>('all');
  const [search] = useDebouncedValue(q.trim(), 250);
  const query = useQuery({
    queryKey: ['knowledge', 'articles', search, status],
    queryFn: () => kbApi.list({ ...(search ? { q: search } : {}), ...(status !== 'all' ? { status } : {}) }),
  });
  return (
    <>
      <PageHeader
        title={t('title')}
        description={t('description')}
        actions={
          <>
            <Button component={Link} to="/knowledge/suggest" variant="light">
              {t('actions.suggest')}
            </Button>
            <Button component={Link} to="/knowledge/new">
              {t('actions.new')}
            </Button>
          </>
        }
      />
      <Group mb="md">
        <TextInput
          placeholder={t('list.search')}
          value={q}
          onChange={(e) => setQ(e.currentTarget.value)}
          w={320}
        />
        <SegmentedControl
          value={status}
          onChange={(v) => setStatus(v as 'all' | KbStatus)}
          data={[
            { value: 'all', label: t('list.all') },
            { value: 'draft', label: t('status.draft') },
            { value: 'published', label: t('status.published') },
            { value: 'archived', label: t('status.archived') },
          ]}
        />
      </Group>
      <QueryView
        query={query}
        isEmpty={(d) => d.items.length === 0}
        empty={<p>{search || status !== 'all' ? t('list.noMatch') : t('list.empty')}</p>}
      >
        {(data) => (
          <Table striped highlightOnHover data-testid="articles">
            <Table.Tbody>
              {data.items.map((a) => (
                <Table.Tr key={a.id}>
                  <Table.Td>
                    <Anchor component={Link} to={`/knowledge/articles/${a.id}`}>
                      {a.title}
                    </Anchor>
                  </Table.Td>
                  <Table.Td>{a.category}</Table.Td>
                  <Table.Td>{a.language.toUpperCase()}</Table.Td>
                  <Table.Td>{t(`visibility.${a.visibility}`)}</Table.Td>
                  <Table.Td>
                    <Badge color={STATUS_COLOR[a.status]}>{t(`status.${a.status}`)}</Badge>
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
