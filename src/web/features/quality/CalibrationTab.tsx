/** Calibration: open a session (one interaction, one scorecard, named evaluators), score it, compare. */
import {
  Badge,
  Button,
  Card,
  Group,
  MultiSelect,
  Select,
  Stack,
  Table,
  Text,
  TextInput,
} from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { users } from '../../api/endpoints.ts';
import { ErrorAlert } from '../../ui/ErrorAlert.tsx';
import { QueryView } from '../../ui/QueryView.tsx';
import { useSession } from '../auth/session.tsx';
import { AnswerForm, complete } from './AnswerForm.tsx';
import { type Answers, type CalibrationDetail, qualityApi, qualityKeys, type Scorecard } from './api.ts';
import { ScoreBadge } from './EvaluationView.tsx';
import { useQualityT } from './i18n.ts';
import { useNames } from './names.ts';

function Session({ id, cards }: { id: string; cards: Scorecard[] }) {
  const t = useQualityT();
  const me = useSession();
  const name = useNames();
  const client = useQueryClient();
  const query = useQuery({
    queryKey: qualityKeys.calibration(id),
    queryFn: () => qualityApi.calibration(id),
  });
  const [answers, setAnswers] = useState<Answers>({});
  const done = (d: CalibrationDetail) => client.setQueryData(qualityKeys.calibration(id), d);
  const score = useMutation({
    mutationFn: () => qualityApi.scoreCalibration(id, answers, null),
    onSuccess: done,
  });
  const close = useMutation({ mutationFn: () => qualityApi.closeCalibration(id), onSuccess: done });
  return (
    <QueryView query={query}>
      {(s) => {
        const card = cards.find((c) => c.id === s.scorecardId);
        const myTurn = s.status === 'open' && s.pending.includes(me.id);
        return (
          <Stack gap="sm" data-testid="calibration">
            <Group>
              <Text fw={700}>{s.title}</Text>
              <Badge color={s.status === 'open' ? 'blue' : 'gray'}>{t(`calibration.${s.status}`)}</Badge>
              {s.pending.length > 0 && (
                <Text size="sm">{t('calibration.pending', { count: s.pending.length })}</Text>
              )}
            </Group>
            <Group gap="xl">
              <Text>
                {t('calibration.mean')}: <b>{s.spread.mean ?? '—'}</b>
              </Text>
              <Text>
                {t('calibration.stdDev')}: <b>{s.spread.stdDev ?? '—'}</b>
              </Text>
              <Text>
                {t('calibration.range')}: <b>{s.spread.range ?? '—'}</b>
              </Text>
            </Group>
            <Table>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('evaluation.evaluator')}</Table.Th>
                  <Table.Th>{t('evaluation.score')}</Table.Th>
                  <Table.Th>{t('calibration.deviation')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {s.spread.evaluators.map((e) => (
                  <Table.Tr key={e.evaluatorId}>
                    <Table.Td>{name(e.evaluatorId)}</Table.Td>
                    <Table.Td>
                      <ScoreBadge e={{ score: e.score, criticalFailed: false }} />
                    </Table.Td>
                    <Table.Td>{e.deviation > 0 ? `+${e.deviation}` : e.deviation}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
            {card && s.spread.count > 1 && (
              <Table>
                <Table.Tbody>
                  {s.spread.questions.map((q) => (
                    <Table.Tr key={q.questionId}>
                      <Table.Td>
                        {
                          card.definition.sections
                            .flatMap((x) => x.questions)
                            .find((x) => x.id === q.questionId)?.text
                        }
                      </Table.Td>
                      <Table.Td c={q.agreement < 1 ? 'orange' : undefined}>
                        {t('calibration.agreement')}: {Math.round(q.agreement * 100)} %
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            )}
            {myTurn && card && (
              <>
                <Text>{t('calibration.yourTurn')}</Text>
                <AnswerForm definition={card.definition} answers={answers} onChange={setAnswers} />
                <Button
                  w="fit-content"
                  disabled={!complete(card.definition, answers)}
                  onClick={() => score.mutate()}
                  loading={score.isPending}
                >
                  {t('calibration.score')}
                </Button>
              </>
            )}
            {score.isError && <ErrorAlert error={score.error} />}
            {s.status === 'open' && (
              <Button variant="default" w="fit-content" onClick={() => close.mutate()}>
                {t('calibration.close')}
              </Button>
            )}
          </Stack>
        );
      }}
    </QueryView>
  );
}

export function CalibrationTab({ cards }: { cards: Scorecard[] }) {
  const t = useQualityT();
  const client = useQueryClient();
  const list = useQuery({ queryKey: qualityKeys.calibrations, queryFn: qualityApi.calibrations });
  const people = useQuery({ queryKey: ['users', 'all'], queryFn: () => users.list({ limit: 200 }) });
  const [selected, setSelected] = useState<string | null>(null);
  const [draft, setDraft] = useState({
    title: '',
    scorecardId: '',
    interactionId: '',
    evaluatorIds: [] as string[],
  });
  const open = useMutation({
    mutationFn: () => qualityApi.openCalibration(draft),
    onSuccess: (d) => {
      setSelected(d.id);
      void client.invalidateQueries({ queryKey: qualityKeys.calibrations });
    },
  });
  return (
    <Stack gap="md">
      <Card withBorder>
        <Text fw={700} mb="xs">
          {t('calibration.new')}
        </Text>
        <Group align="flex-end" wrap="wrap">
          <TextInput
            label={t('calibration.title')}
            value={draft.title}
            onChange={(e) => setDraft({ ...draft, title: e.currentTarget.value })}
          />
          <Select
            label={t('evaluate.scorecard')}
            data={cards.filter((c) => c.active).map((c) => ({ value: c.id, label: c.name }))}
            value={draft.scorecardId || null}
            onChange={(v) => setDraft({ ...draft, scorecardId: v ?? '' })}
          />
          <TextInput
            label={t('evaluate.interactionId')}
            value={draft.interactionId}
            onChange={(e) => setDraft({ ...draft, interactionId: e.currentTarget.value.trim() })}
            w={320}
          />
          <MultiSelect
            label={t('calibration.evaluators')}
            data={(people.data?.items ?? []).map((u) => ({ value: u.id, label: u.name }))}
            value={draft.evaluatorIds}
            onChange={(v) => setDraft({ ...draft, evaluatorIds: v })}
            miw={260}
          />
          <Button onClick={() => open.mutate()} loading={open.isPending}>
            {t('calibration.create')}
          </Button>
        </Group>
        {open.isError && <ErrorAlert error={open.error} />}
      </Card>
      <QueryView
        query={list}
        isEmpty={(d) => d.items.length === 0}
        empty={<Text c="dimmed">{t('calibration.empty')}</Text>}
      >
        {(d) => (
          <Group align="flex-start" wrap="nowrap">
            <Stack gap={4} miw={260}>
              {d.items.map((c) => (
                <Button
                  key={c.id}
                  variant={selected === c.id ? 'light' : 'subtle'}
                  justify="space-between"
                  onClick={() => setSelected(c.id)}
                  rightSection={<Badge size="xs">{t(`calibration.${c.status}`)}</Badge>}
                >
                  {c.title}
                </Button>
              ))}
            </Stack>
            <div style={{ flex: 1 }}>{selected && <Session id={selected} cards={cards} />}</div>
          </Group>
        )}
      </QueryView>
    </Stack>
  );
}
