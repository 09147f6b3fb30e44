/**
 * Suggested answers for a text: the top three articles with the passage that answers, one click (or
 * Alt+1…3) to insert it. Self-contained: give it the customer's words or the agent's sentence and an
 * `onInsert`; it records what the agent picked, which teaches the ranking.
 *
 * @example <SuggestedAnswers text={lastMessages} onInsert={(passage) => setReply((r) => `${r}${passage}`)} />
 */
import { Alert, Badge, Button, Card, Group, Mark, Stack, Text } from '@mantine/core';
import { useDebouncedValue, useHotkeys } from '@mantine/hooks';
import { useMutation, useQuery } from '@tanstack/react-query';
import { ErrorAlert } from '../../ui/ErrorAlert.tsx';
import { LoadingLines } from '../../ui/QueryView.tsx';
import { type KbLanguage, kbApi, type Segment, type Suggestion } from './api.ts';
import { useKnowledgeT } from './i18n.ts';

export interface SuggestedAnswersProps {
  /** What the customer wrote (their last messages) or what the agent typed. */
  text: string;
  /** Search only this language; both when absent. */
  language?: KbLanguage;
  /** Called with the passage to insert (editable by the agent afterwards) and the article it came from. */
  onInsert: (passage: string, suggestion: Suggestion) => void;
}

const MIN_CHARS = 3;

export function Highlighted({ segments }: { segments: Segment[] }) {
  return (
    <>
      {segments.map((s, i) =>
        s.hit ? (
          // biome-ignore lint/suspicious/noArrayIndexKey: segments are positional
          <Mark key={i}>{s.text}</Mark>
        ) : (
          // biome-ignore lint/suspicious/noArrayIndexKey: segments are positional
          <span key={i}>{s.text}</span>
        ),
      )}
    </>
  );
}

export function SuggestedAnswers({ text, language, onInsert }: SuggestedAnswersProps) {
  const t = useKnowledgeT();
  const [query] = useDebouncedValue(text.trim(), 300);
  const suggestions = useQuery({
    queryKey: ['knowledge', 'suggest', query, language ?? ''],
    queryFn: () => kbApi.suggest(query, language),
    enabled: query.length >= MIN_CHARS,
    staleTime: 30_000,
  });
  const feedback = useMutation({ mutationFn: (s: Suggestion) => kbApi.feedback('inserted', s.id, query) });
  const hits = suggestions.data?.hits ?? [];
  const insert = (s: Suggestion | undefined) => {
    if (!s) return;
    onInsert(s.passage, s);
    feedback.mutate(s);
  };
  useHotkeys([
    ['alt+1', () => insert(hits[0])],
    ['alt+2', () => insert(hits[1])],
    ['alt+3', () => insert(hits[2])],
  ]);

  if (query.length < MIN_CHARS) return <Text c="dimmed">{t('suggest.idle')}</Text>;
  if (suggestions.isPending) return <LoadingLines />;
  if (suggestions.isError)
    return <ErrorAlert error={suggestions.error} onRetry={() => void suggestions.refetch()} />;
  if (hits.length === 0) return <Alert color="gray">{t('suggest.empty')}</Alert>;
  return (
    <Stack gap="sm" data-testid="suggestions">
      {hits.map((s, i) => (
        <Card key={s.id} withBorder padding="sm">
          <Group justify="space-between" align="flex-start" wrap="nowrap">
            <Stack gap={4}>
              <Text fw={600}>
                <Highlighted segments={s.titleSegments} />
              </Text>
              <Text size="sm">
                <Highlighted segments={s.passageSegments} />
              </Text>
              <Group gap="xs">
                {s.category && <Badge variant="light">{s.category}</Badge>}
                <Text size="xs" c="dimmed">
                  {t('suggest.shortcut', { n: i + 1 })}
                </Text>
              </Group>
            </Stack>
            <Button size="xs" onClick={() => insert(s)} style={{ flexShrink: 0 }}>
              {t('actions.insert')}
            </Button>
          </Group>
        </Card>
      ))}
    </Stack>
  );
}
