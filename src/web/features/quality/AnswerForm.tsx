/** Answers to a scorecard's questions: yes/no, points, or "not applicable" where the question allows it. */
import { Badge, Card, Group, SegmentedControl, Stack, Text } from '@mantine/core';
import type { Answer, Answers, Definition, Question } from './api.ts';
import { useQualityT } from './i18n.ts';

function choices(q: Question, t: ReturnType<typeof useQualityT>) {
  const values =
    q.scale.kind === 'yes_no'
      ? [
          { value: '1', label: t('evaluate.yes') },
          { value: '0', label: t('evaluate.no') },
        ]
      : Array.from({ length: q.scale.max + 1 }, (_, i) => ({ value: String(i), label: String(i) }));
  return q.allowNa ? [...values, { value: 'na', label: t('evaluate.na') }] : values;
}

const parse = (v: string): Answer => (v === 'na' ? 'na' : Number(v));

export function AnswerForm({
  definition,
  answers,
  onChange,
}: {
  definition: Definition;
  answers: Answers;
  onChange: (answers: Answers) => void;
}) {
  const t = useQualityT();
  return (
    <Stack gap="sm">
      {definition.sections.map((s) => (
        <Card withBorder key={s.id} padding="sm">
          <Text fw={700} mb="xs">
            {s.title}
          </Text>
          <Stack gap="xs">
            {s.questions.map((q) => (
              <Group key={q.id} justify="space-between" wrap="nowrap" data-testid={`question-${q.id}`}>
                <Group gap={6} wrap="nowrap">
                  <Text size="sm">{q.text}</Text>
                  {q.critical && (
                    <Badge color="red" size="xs" title={t('scorecards.criticalHint')}>
                      {t('scorecards.critical')}
                    </Badge>
                  )}
                  <Text size="xs" c="dimmed">
                    ×{q.weight}
                  </Text>
                </Group>
                <SegmentedControl
                  size="xs"
                  aria-label={q.text}
                  value={answers[q.id] === undefined ? '' : String(answers[q.id])}
                  data={choices(q, t)}
                  onChange={(v) => onChange({ ...answers, [q.id]: parse(v) })}
                />
              </Group>
            ))}
          </Stack>
        </Card>
      ))}
    </Stack>
  );
}

/** Whether every question has an answer. */
export const complete = (definition: Definition, answers: Answers) =>
  definition.sections.every((s) => s.questions.every((q) => answers[q.id] !== undefined));
