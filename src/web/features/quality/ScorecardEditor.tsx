/** Builds a scorecard: sections of weighted questions, each with its scale, critical and "not applicable" flags. */
import {
  ActionIcon,
  Button,
  Card,
  Checkbox,
  Group,
  NumberInput,
  Select,
  Stack,
  Switch,
  Text,
  Textarea,
  TextInput,
} from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { ErrorAlert } from '../../ui/ErrorAlert.tsx';
import { Icon } from '../../ui/icons.tsx';
import {
  type Question,
  qualityApi,
  qualityKeys,
  type Scorecard,
  type ScorecardInput,
  type Section,
} from './api.ts';
import { useQualityT } from './i18n.ts';

let counter = 0;
const nextId = (prefix: string) => `${prefix}${Date.now().toString(36)}${(++counter).toString(36)}`;
const newQuestion = (): Question => ({
  id: nextId('q'),
  text: '',
  weight: 10,
  critical: false,
  allowNa: false,
  scale: { kind: 'yes_no' },
});
const newSection = (): Section => ({ id: nextId('s'), title: '', questions: [newQuestion()] });

function QuestionRow({
  q,
  onChange,
  onRemove,
}: {
  q: Question;
  onChange: (q: Question) => void;
  onRemove: () => void;
}) {
  const t = useQualityT();
  return (
    <Group align="flex-end" wrap="wrap" gap="xs" data-testid="question-row">
      <TextInput
        label={t('scorecards.question')}
        value={q.text}
        onChange={(e) => onChange({ ...q, text: e.currentTarget.value })}
        style={{ flex: 1, minWidth: 220 }}
        required
      />
      <NumberInput
        label={t('scorecards.weight')}
        value={q.weight}
        min={1}
        max={100}
        w={90}
        onChange={(v) => onChange({ ...q, weight: Number(v) || 1 })}
      />
      <Select
        label={t('scorecards.scale')}
        w={150}
        allowDeselect={false}
        value={q.scale.kind === 'yes_no' ? 'yes_no' : String(q.scale.max)}
        data={[
          { value: 'yes_no', label: t('scorecards.yesNo') },
          ...[3, 4, 5, 10].map((m) => ({ value: String(m), label: t('scorecards.points', { max: m }) })),
        ]}
        onChange={(v) =>
          onChange({
            ...q,
            scale: v === 'yes_no' || !v ? { kind: 'yes_no' } : { kind: 'points', max: Number(v) },
          })
        }
      />
      <Checkbox
        label={t('scorecards.critical')}
        title={t('scorecards.criticalHint')}
        checked={q.critical}
        onChange={(e) => onChange({ ...q, critical: e.currentTarget.checked, allowNa: false })}
        mb={8}
      />
      <Checkbox
        label={t('scorecards.allowNa')}
        checked={q.allowNa}
        disabled={q.critical}
        onChange={(e) => onChange({ ...q, allowNa: e.currentTarget.checked })}
        mb={8}
      />
      <ActionIcon
        variant="subtle"
        color="red"
        aria-label={t('scorecards.removeQuestion')}
        onClick={onRemove}
        mb={4}
      >
        <Icon name="trash" size={16} />
      </ActionIcon>
    </Group>
  );
}

export function ScorecardEditor({ card, onDone }: { card: Scorecard | null; onDone: () => void }) {
  const t = useQualityT();
  const client = useQueryClient();
  const [draft, setDraft] = useState<ScorecardInput>(
    card
      ? { name: card.name, description: card.description, definition: card.definition, active: card.active }
      : { name: '', description: null, definition: { sections: [newSection()] }, active: true },
  );
  const save = useMutation({
    mutationFn: () => (card ? qualityApi.updateScorecard(card.id, draft) : qualityApi.createScorecard(draft)),
    onSuccess: () => {
      void client.invalidateQueries({ queryKey: qualityKeys.scorecards });
      onDone();
    },
  });
  const sections = draft.definition.sections;
  const setSections = (next: Section[]) => setDraft({ ...draft, definition: { sections: next } });
  const setSection = (i: number, s: Section) => setSections(sections.map((x, j) => (j === i ? s : x)));
  return (
    <Stack gap="sm" data-testid="scorecard-editor">
      <Group align="flex-end">
        <TextInput
          label={t('scorecards.name')}
          value={draft.name}
          onChange={(e) => setDraft({ ...draft, name: e.currentTarget.value })}
          required
          style={{ flex: 1 }}
        />
        <Switch
          label={t('scorecards.active')}
          checked={draft.active}
          onChange={(e) => setDraft({ ...draft, active: e.currentTarget.checked })}
          mb={8}
        />
      </Group>
      <Textarea
        label={t('scorecards.description')}
        value={draft.description ?? ''}
        onChange={(e) => setDraft({ ...draft, description: e.currentTarget.value || null })}
        autosize
      />
      {sections.map((s, i) => (
        <Card withBorder key={s.id} padding="sm" data-testid="section-card">
          <Group align="flex-end" mb="xs">
            <TextInput
              label={t('scorecards.sectionTitle')}
              value={s.title}
              onChange={(e) => setSection(i, { ...s, title: e.currentTarget.value })}
              required
              style={{ flex: 1 }}
            />
            <Button
              variant="subtle"
              color="red"
              onClick={() => setSections(sections.filter((_, j) => j !== i))}
              disabled={sections.length === 1}
            >
              {t('scorecards.removeSection')}
            </Button>
          </Group>
          <Stack gap="xs">
            {s.questions.map((q, k) => (
              <QuestionRow
                key={q.id}
                q={q}
                onChange={(nq) =>
                  setSection(i, { ...s, questions: s.questions.map((x, m) => (m === k ? nq : x)) })
                }
                onRemove={() => setSection(i, { ...s, questions: s.questions.filter((_, m) => m !== k) })}
              />
            ))}
            <Button
              variant="light"
              size="xs"
              w="fit-content"
              onClick={() => setSection(i, { ...s, questions: [...s.questions, newQuestion()] })}
            >
              {t('scorecards.addQuestion')}
            </Button>
          </Stack>
        </Card>
      ))}
      <Button variant="default" w="fit-content" onClick={() => setSections([...sections, newSection()])}>
        {t('scorecards.addSection')}
      </Button>
      {save.isError && <ErrorAlert error={save.error} />}
      <Group>
        <Button onClick={() => save.mutate()} loading={save.isPending} disabled={draft.name.trim() === ''}>
          {t('scorecards.save')}
        </Button>
        <Button variant="default" onClick={onDone}>
          {t('scorecards.cancel')}
        </Button>
      </Group>
      <Text size="xs" c="dimmed">
        {t('scorecards.criticalHint')}
      </Text>
    </Stack>
  );
}
