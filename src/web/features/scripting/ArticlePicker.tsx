/**
 * The answer step's link to the knowledge base: search the published articles, pick one, and the step
 * takes its title and answer (the runner then shows the article's current answer on every contact).
 *
 * @example <ArticlePicker step={step} onChange={(s) => p.onChange(s)} testId="step-2-article" />
 */
import { Alert, Badge, Button, Card, Group, Stack, Text, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { ErrorAlert } from '../../ui/ErrorAlert.tsx';
import { LoadingLines } from '../../ui/QueryView.tsx';
import { kbApi } from '../knowledge/api.ts';
import { Highlighted } from '../knowledge/SuggestedAnswers.tsx';
import { type Step, scriptingApi } from './api.ts';
import { linkAnswer, unlinkAnswer } from './designer-model.ts';
import { useScriptingT } from './i18n.ts';

type AnswerStep = Extract<Step, { type: 'answer' }>;

const MIN_CHARS = 3;

export function ArticlePicker({
  step,
  onChange,
  testId,
}: {
  step: AnswerStep;
  onChange: (step: AnswerStep) => void;
  testId: string;
}) {
  const t = useScriptingT();
  const [text, setText] = useState('');
  const [query] = useDebouncedValue(text.trim(), 300);
  const hits = useQuery({
    queryKey: ['knowledge', 'search', query],
    queryFn: () => kbApi.search(query, undefined, 5),
    enabled: query.length >= MIN_CHARS,
    staleTime: 30_000,
  });
  const pick = useMutation({
    mutationFn: scriptingApi.knowledgeAnswer,
    onSuccess: (answer) => {
      onChange(linkAnswer(step, answer));
      setText('');
    },
  });

  if (step.answerId)
    return (
      <Group gap="xs" data-testid={`${testId}-linked`}>
        <Badge color="teal" variant="light">
          {t('designer.article.linked')}
        </Badge>
        <Text size="sm" c="dimmed">
          {t('designer.article.current')}
        </Text>
        <Button variant="subtle" size="xs" onClick={() => onChange(unlinkAnswer(step))}>
          {t('designer.article.unlink')}
        </Button>
      </Group>
    );
  return (
    <Stack gap="xs">
      <TextInput
        label={t('designer.article.search')}
        placeholder={t('designer.article.placeholder')}
        value={text}
        onChange={(e) => setText(e.currentTarget.value)}
        data-testid={`${testId}-search`}
      />
      {pick.error && <ErrorAlert error={pick.error} />}
      {query.length >= MIN_CHARS &&
        (hits.isPending ? (
          <LoadingLines lines={2} />
        ) : hits.isError ? (
          <ErrorAlert error={hits.error} onRetry={() => void hits.refetch()} />
        ) : hits.data.hits.length === 0 ? (
          <Alert color="gray">{t('designer.article.none')}</Alert>
        ) : (
          hits.data.hits.map((h) => (
            <Card key={h.id} withBorder padding="xs" data-testid={`${testId}-hit`}>
              <Group justify="space-between" wrap="nowrap" align="flex-start">
                <Stack gap={2}>
                  <Text size="sm" fw={600}>
                    <Highlighted segments={h.titleSegments} />
                  </Text>
                  <Text size="xs" c="dimmed" lineClamp={2}>
                    <Highlighted segments={h.passageSegments} />
                  </Text>
                </Stack>
                <Button
                  size="xs"
                  style={{ flexShrink: 0 }}
                  loading={pick.isPending && pick.variables === h.id}
                  onClick={() => pick.mutate(h.id)}
                >
                  {t('designer.article.use')}
                </Button>
              </Group>
            </Card>
          ))
        ))}
    </Stack>
  );
}
