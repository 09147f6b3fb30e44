/**
 * Quality: supervisors evaluate recent interactions, keep scorecards, calibrate and follow trends;
 * agents see their own evaluations and acknowledge or dispute them.
 */
import { Badge, Button, Card, Group, Stack, Table, Tabs, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Link } from 'react-router';
import { request } from '../../api/client.ts';
import { PageHeader } from '../../ui/PageHeader.tsx';
import { QueryView } from '../../ui/QueryView.tsx';
import { useCan } from '../auth/session.tsx';
import { qualityApi, qualityKeys, type Scorecard } from './api.ts';
import { CalibrationTab } from './CalibrationTab.tsx';
import { EvaluationView } from './EvaluationView.tsx';
import { useQualityT } from './i18n.ts';
import { useNames } from './names.ts';
import { ReportTab } from './ReportTab.tsx';
import { ScorecardEditor } from './ScorecardEditor.tsx';

interface Closed {
  id: string;
  channel: string;
  subject: string | null;
  agentId: string | null;
  closedAt: string | null;
  createdAt: string;
}

function Evaluations() {
  const t = useQualityT();
  const can = useCan();
  const name = useNames();
  const list = useQuery({ queryKey: qualityKeys.evaluations, queryFn: qualityApi.evaluations });
  const recent = useQuery({
    queryKey: ['interactions', 'closed'],
    queryFn: () =>
      request<{ items: Closed[] }>('GET', '/api/v1/interactions', { query: { state: 'closed', limit: 15 } }),
    enabled: can('supervise'),
  });
  return (
    <Stack gap="md">
      {can('supervise') && (
        <Card withBorder>
          <Text fw={700} mb="xs">
            {t('evaluate.title')}
          </Text>
          <QueryView query={recent} isEmpty={(d) => d.items.length === 0} empty={<Text c="dimmed">—</Text>}>
            {(d) => (
              <Table data-testid="recent-interactions">
                <Table.Tbody>
                  {d.items.map((i) => (
                    <Table.Tr key={i.id}>
                      <Table.Td>
                        <Badge variant="light">{i.channel}</Badge>
                      </Table.Td>
                      <Table.Td>{i.subject ?? i.id.slice(-8)}</Table.Td>
                      <Table.Td>{name(i.agentId)}</Table.Td>
                      <Table.Td>{new Date(i.closedAt ?? i.createdAt).toLocaleString()}</Table.Td>
                      <Table.Td>
                        <Button size="xs" component={Link} to={`/quality/evaluate/${i.id}`}>
                          {t('evaluate.open')}
                        </Button>
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            )}
          </QueryView>
        </Card>
      )}
      <QueryView
        query={list}
        isEmpty={(d) => d.items.length === 0}
        empty={<Text c="dimmed">{t('evaluation.empty')}</Text>}
      >
        {(d) => (
          <Stack gap="sm">
            {d.items.map((e) => (
              <EvaluationView key={e.id} e={e} />
            ))}
          </Stack>
        )}
      </QueryView>
    </Stack>
  );
}

function Scorecards({ cards }: { cards: Scorecard[] }) {
  const t = useQualityT();
  const [editing, setEditing] = useState<Scorecard | 'new' | null>(null);
  if (editing)
    return <ScorecardEditor card={editing === 'new' ? null : editing} onDone={() => setEditing(null)} />;
  return (
    <Stack gap="sm">
      <Button w="fit-content" onClick={() => setEditing('new')}>
        {t('scorecards.new')}
      </Button>
      {cards.length === 0 && <Text c="dimmed">{t('scorecards.empty')}</Text>}
      {cards.map((c) => (
        <Card withBorder key={c.id} padding="sm" data-testid="scorecard">
          <Group justify="space-between">
            <Group gap="xs">
              <Text fw={700}>{c.name}</Text>
              <Badge color={c.active ? 'teal' : 'gray'}>
                {c.active ? t('scorecards.active') : t('scorecards.inactive')}
              </Badge>
              <Text size="sm" c="dimmed">
                {t('scorecards.questions', {
                  count: c.definition.sections.reduce((n, s) => n + s.questions.length, 0),
                })}
              </Text>
            </Group>
            <Button size="xs" variant="default" onClick={() => setEditing(c)}>
              {t('scorecards.edit')}
            </Button>
          </Group>
          {c.description && (
            <Text size="sm" c="dimmed">
              {c.description}
            </Text>
          )}
        </Card>
      ))}
    </Stack>
  );
}

export function QualityPage() {
  const t = useQualityT();
  const can = useCan();
  const cards = useQuery({
    queryKey: qualityKeys.scorecards,
    queryFn: qualityApi.scorecards,
    enabled: can('supervise'),
  });
  if (!can('supervise'))
    return (
      <>
        <PageHeader title={t('page.mineTitle')} description={t('page.mineDescription')} />
        <Evaluations />
      </>
    );
  return (
    <>
      <PageHeader title={t('page.title')} description={t('page.description')} />
      <Tabs defaultValue="evaluations" keepMounted={false}>
        <Tabs.List mb="md">
          <Tabs.Tab value="evaluations">{t('tabs.evaluations')}</Tabs.Tab>
          <Tabs.Tab value="scorecards">{t('tabs.scorecards')}</Tabs.Tab>
          <Tabs.Tab value="calibrations">{t('tabs.calibrations')}</Tabs.Tab>
          {can('reports.read') && <Tabs.Tab value="report">{t('tabs.report')}</Tabs.Tab>}
        </Tabs.List>
        <Tabs.Panel value="evaluations">
          <Evaluations />
        </Tabs.Panel>
        <Tabs.Panel value="scorecards">
          <QueryView query={cards}>{(d) => <Scorecards cards={d.items} />}</QueryView>
        </Tabs.Panel>
        <Tabs.Panel value="calibrations">
          <QueryView query={cards}>{(d) => <CalibrationTab cards={d.items} />}</QueryView>
        </Tabs.Panel>
        <Tabs.Panel value="report">
          <ReportTab />
        </Tabs.Panel>
      </Tabs>
    </>
  );
}
