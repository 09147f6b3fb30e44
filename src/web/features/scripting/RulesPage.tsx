/**
 * The selection rules (`/admin/scripts/rules`): which script starts for an interaction, in priority order,
 * with create, edit, delete and move up/down, and a panel that tests them against a sample customer.
 * N opens a new rule.
 */
import { ActionIcon, Badge, Button, Grid, Group, Table, Text } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link } from 'react-router';
import { ErrorAlert } from '../../ui/ErrorAlert.tsx';
import { NewButton } from '../../ui/NewButton.tsx';
import { PageHeader } from '../../ui/PageHeader.tsx';
import { QueryView } from '../../ui/QueryView.tsx';
import { type Rule, type ScriptSummary, scriptingApi } from './api.ts';
import { useScriptingT } from './i18n.ts';
import { RuleFormModal } from './RuleFormModal.tsx';
import { RuleTestPanel } from './RuleTestPanel.tsx';
import { reorder } from './rules-order.ts';

export function RulesPage() {
  const t = useScriptingT();
  const client = useQueryClient();
  const rules = useQuery({ queryKey: ['scripting', 'rules'], queryFn: scriptingApi.rules });
  const scripts = useQuery({ queryKey: ['scripting', 'scripts'], queryFn: scriptingApi.scripts });
  const [editing, setEditing] = useState<Rule | 'new' | null>(null);
  const [chosenId, setChosenId] = useState<string | null>(null);
  const refresh = () => client.invalidateQueries({ queryKey: ['scripting', 'rules'] });
  const remove = useMutation({ mutationFn: scriptingApi.removeRule, onSuccess: refresh });
  const move = useMutation({
    mutationFn: async (changes: Rule[]) => {
      for (const { id, ...body } of changes) await scriptingApi.updateRule(id, body);
    },
    onSettled: refresh,
  });
  const items = rules.data ?? [];
  const byId = new Map((scripts.data?.items ?? []).map((s) => [s.id, s]));
  return (
    <>
      <PageHeader
        title={t('rules.title')}
        description={t('rules.description')}
        actions={
          <Group>
            <Button component={Link} to="/admin/scripts" variant="default">
              {t('rules.scripts')}
            </Button>
            <NewButton label={t('rules.new')} onClick={() => setEditing('new')} testId="rule-new" />
          </Group>
        }
      />
      <Grid>
        <Grid.Col span={{ base: 12, xl: 8 }}>
          {(remove.error || move.error) && <ErrorAlert error={remove.error ?? move.error} />}
          <QueryView
            query={rules}
            isEmpty={(d) => d.length === 0}
            empty={<Text c="dimmed">{t('rules.empty')}</Text>}
          >
            {(list) => (
              <Table striped data-testid="rules-table">
                <Table.Thead>
                  <Table.Tr>
                    {(
                      [
                        'priority',
                        'script',
                        'queue',
                        'channel',
                        'reason',
                        'language',
                        'tiers',
                        'actions',
                      ] as const
                    ).map((c) => (
                      <Table.Th key={c}>{t(`rules.columns.${c}`)}</Table.Th>
                    ))}
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {list.map((rule, index) => (
                    <RuleRow
                      key={rule.id}
                      rule={rule}
                      script={byId.get(rule.scriptId)}
                      chosen={rule.id === chosenId}
                      busy={move.isPending || remove.isPending}
                      onUp={index > 0 ? () => move.mutate(reorder(list, index, -1)) : undefined}
                      onDown={
                        index < list.length - 1 ? () => move.mutate(reorder(list, index, 1)) : undefined
                      }
                      onEdit={() => setEditing(rule)}
                      onRemove={() => remove.mutate(rule.id)}
                    />
                  ))}
                </Table.Tbody>
              </Table>
            )}
          </QueryView>
        </Grid.Col>
        <Grid.Col span={{ base: 12, xl: 4 }}>
          <RuleTestPanel onChosen={setChosenId} />
        </Grid.Col>
      </Grid>
      {editing && scripts.data && (
        <RuleFormModal
          rule={editing === 'new' ? null : editing}
          scripts={scripts.data.items}
          nextPriority={(items.at(-1)?.priority ?? 0) + 10}
          reasons={[...new Set(items.flatMap((r) => (r.reason ? [r.reason] : [])))]}
          onClose={() => setEditing(null)}
        />
      )}
    </>
  );
}

function RuleRow({
  rule,
  script,
  chosen,
  busy,
  onUp,
  onDown,
  onEdit,
  onRemove,
}: {
  rule: Rule;
  script: ScriptSummary | undefined;
  chosen: boolean;
  busy: boolean;
  onUp?: () => void;
  onDown?: () => void;
  onEdit: () => void;
  onRemove: () => void;
}) {
  const t = useScriptingT();
  const any = (
    <Text span c="dimmed" size="sm">
      {t('rules.any')}
    </Text>
  );
  const name = script?.name ?? t('rules.unknownScript');
  return (
    <Table.Tr
      data-testid={`rule-row-${rule.priority}`}
      bg={chosen ? 'var(--mantine-color-green-light)' : undefined}
    >
      <Table.Td>{rule.priority}</Table.Td>
      <Table.Td>
        {script ? <Link to={`/admin/scripts/${script.id}`}>{name}</Link> : name}
        {script && !script.liveVersion && (
          <Badge ml="xs" color="gray" variant="light">
            {t('rules.notLive')}
          </Badge>
        )}
      </Table.Td>
      <Table.Td>{rule.queueId ?? any}</Table.Td>
      <Table.Td>{rule.channel ?? any}</Table.Td>
      <Table.Td>{rule.reason ?? any}</Table.Td>
      <Table.Td>{rule.language ?? any}</Table.Td>
      <Table.Td>{rule.tiers.length ? rule.tiers.join(', ') : any}</Table.Td>
      <Table.Td>
        <Group gap={4} wrap="nowrap">
          <ActionIcon variant="subtle" onClick={onUp} disabled={!onUp || busy} aria-label={t('rules.up')}>
            ↑
          </ActionIcon>
          <ActionIcon
            variant="subtle"
            onClick={onDown}
            disabled={!onDown || busy}
            aria-label={t('rules.down')}
          >
            ↓
          </ActionIcon>
          <Button size="compact-xs" variant="subtle" onClick={onEdit} data-testid={`rule-edit-${rule.id}`}>
            {t('rules.edit')}
          </Button>
          <Button size="compact-xs" variant="subtle" color="red" onClick={onRemove} disabled={busy}>
            {t('rules.remove')}
          </Button>
        </Group>
      </Table.Td>
    </Table.Tr>
  );
}
