/**
 * Evaluating one interaction: the conversation on one side, the chosen scorecard's questions on the
 * other; Ctrl+Enter submits. The result (score, sections) shows at once with the earlier evaluations.
 */
import { Alert, Button, Card, Grid, Group, ScrollArea, Select, Stack, Text, Textarea } from '@mantine/core';
import { getHotkeyHandler } from '@mantine/hooks';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { ErrorAlert } from '../../ui/ErrorAlert.tsx';
import { PageHeader } from '../../ui/PageHeader.tsx';
import { QueryView } from '../../ui/QueryView.tsx';
import { AnswerForm, complete } from './AnswerForm.tsx';
import { type Answers, type Message, qualityApi, qualityKeys } from './api.ts';
import { EvaluationView } from './EvaluationView.tsx';
import { useQualityT } from './i18n.ts';

function Transcript({ messages }: { messages: Message[] }) {
  const t = useQualityT();
  if (messages.length === 0) return <Text c="dimmed">{t('evaluate.noMessages')}</Text>;
  return (
    <Stack gap="xs" data-testid="transcript">
      {messages.map((m) => (
        <Alert
          key={m.id}
          color={m.direction === 'internal' ? 'yellow' : m.direction === 'inbound' ? 'gray' : 'blue'}
          ml={m.direction === 'inbound' ? 0 : 'xl'}
          mr={m.direction === 'inbound' ? 'xl' : 0}
          title={
            m.direction === 'internal'
              ? t('evaluate.internal')
              : m.direction === 'inbound'
                ? t('evaluate.customer')
                : t('evaluate.agent')
          }
        >
          <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
            {m.body}
          </Text>
          <Text size="xs" c="dimmed">
            {new Date(m.createdAt).toLocaleTimeString()}
          </Text>
        </Alert>
      ))}
    </Stack>
  );
}

export function EvaluatePage() {
  const t = useQualityT();
  const { interactionId = '' } = useParams();
  const client = useQueryClient();
  const review = useQuery({
    queryKey: qualityKeys.review(interactionId),
    queryFn: () => qualityApi.review(interactionId),
  });
  const cards = useQuery({ queryKey: qualityKeys.scorecards, queryFn: qualityApi.scorecards });
  const active = (cards.data?.items ?? []).filter((c) => c.active);
  const [cardId, setCardId] = useState<string | null>(null);
  const card = active.find((c) => c.id === cardId) ?? (active.length === 1 ? active[0] : undefined);
  const [answers, setAnswers] = useState<Answers>({});
  const [comment, setComment] = useState('');
  const submit = useMutation({
    mutationFn: () =>
      qualityApi.evaluate({ scorecardId: card!.id, interactionId, answers, comment: comment.trim() || null }),
    // The answers stay on screen, as sent; changing one allows another evaluation.
    onSuccess: () => {
      void client.invalidateQueries({ queryKey: qualityKeys.review(interactionId) });
      void client.invalidateQueries({ queryKey: qualityKeys.evaluations });
    },
  });
  const ready = card !== undefined && complete(card.definition, answers) && !submit.isSuccess;
  const change = (next: Answers) => {
    submit.reset();
    setAnswers(next);
  };
  const send = () => ready && !submit.isPending && submit.mutate();
  return (
    <>
      <PageHeader
        title={t('evaluate.title')}
        description={t('evaluate.shortcutHint')}
        actions={
          <Button component={Link} to="/quality" variant="default">
            {t('page.title')}
          </Button>
        }
      />
      <QueryView query={review}>
        {(data) => (
          <Grid>
            <Grid.Col span={{ base: 12, md: 5 }}>
              <Card withBorder>
                <Text fw={700} mb="xs">
                  {t('evaluate.transcript')} · {data.interaction.channel}
                  {data.interaction.subject ? ` · ${data.interaction.subject}` : ''}
                </Text>
                <ScrollArea.Autosize mah="70vh">
                  <Transcript messages={data.messages} />
                </ScrollArea.Autosize>
              </Card>
            </Grid.Col>
            <Grid.Col span={{ base: 12, md: 7 }}>
              <Stack gap="sm" onKeyDown={getHotkeyHandler([['mod+Enter', send]])}>
                {cards.isSuccess && active.length === 0 && (
                  <Alert color="yellow">{t('evaluate.noScorecards')}</Alert>
                )}
                <Select
                  label={t('evaluate.scorecard')}
                  placeholder={t('evaluate.chooseScorecard')}
                  data={active.map((c) => ({ value: c.id, label: c.name }))}
                  value={card?.id ?? null}
                  onChange={(v) => {
                    setCardId(v);
                    change({});
                  }}
                />
                {card && <AnswerForm definition={card.definition} answers={answers} onChange={change} />}
                {card && (
                  <Textarea
                    label={t('evaluate.comment')}
                    value={comment}
                    onChange={(e) => setComment(e.currentTarget.value)}
                    autosize
                    minRows={2}
                    maxLength={4000}
                  />
                )}
                {submit.isError && <ErrorAlert error={submit.error} />}
                {submit.isSuccess && <Alert color="teal">{t('evaluate.submitted')}</Alert>}
                <Group>
                  <Button onClick={send} disabled={!ready} loading={submit.isPending}>
                    {t('evaluate.submit')}
                  </Button>
                </Group>
                {data.evaluations.length > 0 && (
                  <Text fw={700} mt="md">
                    {t('evaluate.previous')}
                  </Text>
                )}
                {data.evaluations.map((e) => (
                  <EvaluationView key={e.id} e={e} />
                ))}
              </Stack>
            </Grid.Col>
          </Grid>
        )}
      </QueryView>
    </>
  );
}
