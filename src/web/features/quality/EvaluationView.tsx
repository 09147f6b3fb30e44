/**
 * One evaluation: score, sections, every answer and comments; the evaluated agent acknowledges or
 * disputes it, a supervisor resolves a dispute.
 */
import { Alert, Badge, Button, Card, Group, Stack, Table, Text, Textarea } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { ErrorAlert } from '../../ui/ErrorAlert.tsx';
import { useCan, useSession } from '../auth/session.tsx';
import { type Evaluation, qualityApi, qualityKeys, type Status } from './api.ts';
import { useQualityT } from './i18n.ts';
import { useNames } from './names.ts';

const STATUS_COLOR: Record<Status, string> = {
  submitted: 'blue',
  acknowledged: 'teal',
  disputed: 'orange',
  resolved: 'gray',
  calibration: 'grape',
};

export function StatusBadge({ status }: { status: Status }) {
  const t = useQualityT();
  return <Badge color={STATUS_COLOR[status]}>{t(`status.${status}`)}</Badge>;
}

export function ScoreBadge({ e }: { e: Pick<Evaluation, 'score' | 'criticalFailed'> }) {
  const color = e.criticalFailed || e.score < 60 ? 'red' : e.score < 80 ? 'yellow' : 'teal';
  return (
    <Badge size="lg" color={color} variant="filled" data-testid="score">
      {e.score.toFixed(1)}
    </Badge>
  );
}

function answerText(t: ReturnType<typeof useQualityT>, a: number | 'na' | undefined, yesNo: boolean) {
  if (a === undefined) return '—';
  if (a === 'na') return t('evaluate.na');
  return yesNo ? (a === 1 ? t('evaluate.yes') : t('evaluate.no')) : String(a);
}

export function EvaluationView({ e }: { e: Evaluation }) {
  const t = useQualityT();
  const me = useSession();
  const can = useCan();
  const name = useNames();
  const client = useQueryClient();
  const [reason, setReason] = useState('');
  const act = useMutation({
    mutationFn: (action: 'acknowledge' | 'dispute' | 'resolve') =>
      action === 'acknowledge'
        ? qualityApi.acknowledge(e.id)
        : action === 'dispute'
          ? qualityApi.dispute(e.id, reason)
          : qualityApi.resolve(e.id, reason),
    onSuccess: () => {
      setReason('');
      void client.invalidateQueries({ queryKey: qualityKeys.evaluations });
    },
  });
  const mine = e.agentId === me.id && e.status === 'submitted';
  const resolvable = can('supervise') && e.status === 'disputed';
  return (
    <Card withBorder data-testid="evaluation">
      <Group justify="space-between" mb="xs">
        <Group gap="xs">
          <ScoreBadge e={e} />
          <Text fw={600}>{e.scorecardName}</Text>
          <StatusBadge status={e.status} />
        </Group>
        <Text size="sm" c="dimmed">
          {t('evaluation.agent')}: {name(e.agentId)} · {t('evaluation.evaluator')}: {name(e.evaluatorId)} ·{' '}
          {new Date(e.createdAt).toLocaleString()}
        </Text>
      </Group>
      {e.criticalFailed && (
        <Alert color="red" mb="xs" title={t('evaluation.criticalFailed')}>
          {t('evaluation.raw', { score: e.rawScore.toFixed(1) })}
        </Alert>
      )}
      <Table withRowBorders={false} verticalSpacing={2}>
        <Table.Tbody>
          {e.definition.sections.map((s) => [
            <Table.Tr key={s.id}>
              <Table.Td fw={700}>{s.title}</Table.Td>
              <Table.Td fw={700}>
                {e.sectionScores.find((x) => x.sectionId === s.id)?.score?.toFixed(1) ?? '—'}
              </Table.Td>
            </Table.Tr>,
            ...s.questions.map((q) => (
              <Table.Tr key={`${s.id}/${q.id}`}>
                <Table.Td pl="lg">
                  {q.text}{' '}
                  {q.critical && (
                    <Badge size="xs" color="red">
                      {t('scorecards.critical')}
                    </Badge>
                  )}
                </Table.Td>
                <Table.Td>{answerText(t, e.answers[q.id], q.scale.kind === 'yes_no')}</Table.Td>
              </Table.Tr>
            )),
          ])}
        </Table.Tbody>
      </Table>
      {e.comment && (
        <Text size="sm" mt="xs">
          <b>{t('evaluation.comment')}:</b> {e.comment}
        </Text>
      )}
      {e.agentComment && (
        <Text size="sm" mt="xs">
          <b>{t('evaluation.agentComment')}:</b> {e.agentComment}
        </Text>
      )}
      {e.resolution && (
        <Text size="sm" mt="xs">
          <b>{t('evaluation.resolution')}:</b> {e.resolution}
        </Text>
      )}
      {(mine || resolvable) && (
        <Stack gap="xs" mt="sm">
          <Textarea
            label={mine ? t('evaluation.disputeReason') : t('evaluation.resolutionText')}
            value={reason}
            onChange={(ev) => setReason(ev.currentTarget.value)}
            autosize
            maxLength={4000}
          />
          {act.isError && <ErrorAlert error={act.error} />}
          <Group>
            {mine && (
              <>
                <Button onClick={() => act.mutate('acknowledge')} loading={act.isPending}>
                  {t('evaluation.acknowledge')}
                </Button>
                <Button
                  variant="default"
                  color="orange"
                  disabled={reason.trim() === ''}
                  onClick={() => act.mutate('dispute')}
                >
                  {t('evaluation.dispute')}
                </Button>
              </>
            )}
            {resolvable && (
              <Button
                disabled={reason.trim() === ''}
                onClick={() => act.mutate('resolve')}
                loading={act.isPending}
              >
                {t('evaluation.resolve')}
              </Button>
            )}
          </Group>
        </Stack>
      )}
    </Card>
  );
}
