/** One step of the designer: its id and type, the fields of its type, where it goes, and its problems. */
import {
  ActionIcon,
  Badge,
  Button,
  Card,
  Group,
  NumberInput,
  Select,
  Stack,
  Text,
  Textarea,
  TextInput,
} from '@mantine/core';
import { useState } from 'react';
import { ArticlePicker } from './ArticlePicker.tsx';
import type { Action, Comparison, Condition, Step, StepType } from './api.ts';
import { ACTION_KINDS, isSimple, newAction, STEP_TYPES, simpleCondition } from './designer-model.ts';
import { useScriptingT } from './i18n.ts';

export interface StepEditorProps {
  step: Step;
  index: number;
  stepIds: string[];
  variables: string[];
  templates: string[];
  problems: string[];
  /** Messages for single fields (`text`, `next` …), shown under the field. */
  fieldErrors: Record<string, string>;
  onChange: (step: Step) => void;
  onRename: (id: string) => void;
  onType: (type: StepType) => void;
  onRemove: () => void;
}

const OPS: Comparison[] = ['eq', 'neq', 'gt', 'gte', 'lt', 'lte', 'in', 'contains'];

export function StepEditor(p: StepEditorProps) {
  const t = useScriptingT();
  const { step } = p;
  const test = (field: string) => `step-${p.index}-${field}`;
  const nextSelect = (label: string, value: string, set: (v: string) => void, field = 'next') => (
    <Select
      label={label}
      data={p.stepIds.filter((id) => id !== step.id)}
      value={value || null}
      onChange={(v) => set(v ?? '')}
      error={p.fieldErrors[field]}
      data-testid={test(field)}
      searchable
    />
  );
  return (
    <Card
      withBorder
      data-testid={`step-${p.index}`}
      data-step={step.id}
      style={p.problems.length ? { borderColor: 'var(--mantine-color-red-6)' } : undefined}
    >
      <Group align="flex-end" mb="sm">
        <TextInput
          label={t('designer.stepId')}
          value={step.id}
          onChange={(e) => p.onRename(e.currentTarget.value)}
          error={p.fieldErrors.id}
          data-testid={test('id')}
          w={180}
        />
        <Select
          label={t('designer.stepType')}
          data={STEP_TYPES.map((type) => ({ value: type, label: t(`designer.types.${type}`) }))}
          value={step.type}
          onChange={(v) => v && p.onType(v as StepType)}
          data-testid={test('type')}
          allowDeselect={false}
          w={200}
        />
        <Badge variant="light">{t(`designer.types.${step.type}`)}</Badge>
        <ActionIcon
          variant="subtle"
          color="red"
          ml="auto"
          aria-label={t('designer.remove')}
          onClick={p.onRemove}
          data-testid={test('remove')}
        >
          ×
        </ActionIcon>
      </Group>
      <Stack gap="xs">
        {step.type === 'say' && (
          <>
            <Textarea
              label={t('designer.text', { example: '{{customer.name}}' })}
              value={step.text}
              onChange={(e) => p.onChange({ ...step, text: e.currentTarget.value })}
              error={p.fieldErrors.text}
              data-testid={test('text')}
              autosize
              minRows={2}
            />
            {nextSelect(t('designer.next'), step.next, (next) => p.onChange({ ...step, next }))}
          </>
        )}
        {step.type === 'ask' && (
          <>
            <TextInput
              label={t('designer.question')}
              value={step.question}
              onChange={(e) => p.onChange({ ...step, question: e.currentTarget.value })}
              error={p.fieldErrors.question}
              data-testid={test('question')}
            />
            <Select
              label={t('designer.variable')}
              data={p.variables}
              value={step.variable || null}
              onChange={(v) => p.onChange({ ...step, variable: v ?? '' })}
              error={p.fieldErrors.variable}
              data-testid={test('variable')}
            />
            {nextSelect(t('designer.next'), step.next, (next) => p.onChange({ ...step, next }))}
          </>
        )}
        {step.type === 'answer' && (
          <>
            <ArticlePicker step={step} onChange={p.onChange} testId={test('article')} />
            {/* A linked step's words are the article's: edit the article, or unlink to write your own. */}
            <TextInput
              label={t('designer.title')}
              value={step.title}
              onChange={(e) => p.onChange({ ...step, title: e.currentTarget.value })}
              error={p.fieldErrors.title}
              readOnly={step.answerId !== null}
              data-testid={test('title')}
            />
            <Textarea
              label={t('designer.text', { example: '{{customer.name}}' })}
              value={step.text}
              onChange={(e) => p.onChange({ ...step, text: e.currentTarget.value })}
              error={p.fieldErrors.text}
              readOnly={step.answerId !== null}
              data-testid={test('text')}
              autosize
              maxRows={8}
            />
            {nextSelect(t('designer.next'), step.next, (next) => p.onChange({ ...step, next }))}
          </>
        )}
        {step.type === 'branch' && (
          <>
            <Text size="sm" fw={600}>
              {t('designer.cases')}
            </Text>
            {step.cases.map((c, i) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: cases have no identity but their place
              <Group key={i} align="flex-end" wrap="nowrap">
                <ConditionEditor
                  condition={c.when}
                  testId={test(`case-${i}`)}
                  onChange={(when) =>
                    p.onChange({ ...step, cases: step.cases.map((x, j) => (j === i ? { ...x, when } : x)) })
                  }
                />
                {nextSelect(
                  t('designer.next'),
                  c.next,
                  (next) =>
                    p.onChange({ ...step, cases: step.cases.map((x, j) => (j === i ? { ...x, next } : x)) }),
                  `case-${i}-next`,
                )}
                <ActionIcon
                  variant="subtle"
                  color="red"
                  aria-label={t('designer.remove')}
                  onClick={() => p.onChange({ ...step, cases: step.cases.filter((_, j) => j !== i) })}
                >
                  ×
                </ActionIcon>
              </Group>
            ))}
            <Button
              variant="subtle"
              size="xs"
              w="fit-content"
              onClick={() =>
                p.onChange({
                  ...step,
                  cases: [...step.cases, { when: simpleCondition(), next: step.otherwise }],
                })
              }
            >
              {t('designer.addCase')}
            </Button>
            {nextSelect(
              t('designer.otherwise'),
              step.otherwise,
              (otherwise) => p.onChange({ ...step, otherwise }),
              'otherwise',
            )}
          </>
        )}
        {step.type === 'action' && (
          <>
            <ActionFields
              action={step.action}
              templates={p.templates}
              testId={test('action')}
              onChange={(action) => p.onChange({ ...step, action })}
            />
            {nextSelect(t('designer.next'), step.next, (next) => p.onChange({ ...step, next }))}
          </>
        )}
        {step.type === 'end' && (
          <TextInput
            label={t('designer.outcome')}
            value={step.outcome}
            onChange={(e) => p.onChange({ ...step, outcome: e.currentTarget.value })}
            error={p.fieldErrors.outcome}
            data-testid={test('outcome')}
          />
        )}
        {p.problems
          .filter((message) => !Object.values(p.fieldErrors).includes(message))
          .map((message) => (
            <Text key={message} size="sm" c="red" data-testid={test('problem')}>
              {message}
            </Text>
          ))}
      </Stack>
    </Card>
  );
}

function ActionFields(p: {
  action: Action;
  templates: string[];
  testId: string;
  onChange: (a: Action) => void;
}) {
  const t = useScriptingT();
  const a = p.action;
  return (
    <Group align="flex-end" grow>
      <Select
        label={t('designer.actionKind')}
        data={ACTION_KINDS.map((k) => ({ value: k, label: t(`designer.actions.${k}`) }))}
        value={a.kind}
        allowDeselect={false}
        onChange={(k) => k && p.onChange(newAction(k as Action['kind']))}
        data-testid={`${p.testId}-kind`}
      />
      {a.kind === 'set_disposition' && (
        <TextInput
          label={t('designer.disposition')}
          value={a.disposition}
          onChange={(e) => p.onChange({ ...a, disposition: e.currentTarget.value })}
          data-testid={`${p.testId}-value`}
        />
      )}
      {a.kind === 'create_task' && (
        <TextInput
          label={t('designer.taskTitle')}
          value={a.title}
          onChange={(e) => p.onChange({ ...a, title: e.currentTarget.value })}
          data-testid={`${p.testId}-value`}
        />
      )}
      {a.kind === 'create_lead' && (
        <TextInput
          label={t('designer.product')}
          value={a.product}
          onChange={(e) => p.onChange({ ...a, product: e.currentTarget.value })}
          data-testid={`${p.testId}-value`}
        />
      )}
      {a.kind === 'schedule_callback' && (
        <NumberInput
          label={t('designer.inMinutes')}
          value={a.inMinutes}
          min={1}
          onChange={(v) => p.onChange({ ...a, inMinutes: Number(v) || 1 })}
          data-testid={`${p.testId}-value`}
        />
      )}
      {a.kind === 'send_email' && (
        <Select
          label={t('designer.template')}
          data={p.templates}
          value={a.template || null}
          onChange={(v) => p.onChange({ ...a, template: v ?? '' })}
          data-testid={`${p.testId}-value`}
        />
      )}
    </Group>
  );
}

/** A comparison of a field with a value as a form; any other condition (and/or/not) as JSON. */
function ConditionEditor(p: { condition: Condition; testId: string; onChange: (c: Condition) => void }) {
  const t = useScriptingT();
  const [json, setJson] = useState(() => JSON.stringify(p.condition));
  const [bad, setBad] = useState(false);
  const c = p.condition;
  if (!isSimple(c))
    return (
      <Textarea
        label={t('designer.json')}
        value={json}
        error={bad ? t('designer.badJson') : undefined}
        onChange={(e) => {
          setJson(e.currentTarget.value);
          try {
            p.onChange(JSON.parse(e.currentTarget.value) as Condition);
            setBad(false);
          } catch {
            setBad(true);
          }
        }}
        style={{ flex: 1 }}
        autosize
      />
    );
  const left = 'ref' in c.left ? c.left.ref : '';
  const right = 'value' in c.right ? c.right.value : '';
  return (
    <Group align="flex-end" wrap="nowrap" style={{ flex: 1 }}>
      <TextInput
        label={t('designer.ref')}
        placeholder="var.motivo · customer.tier"
        value={left}
        onChange={(e) => p.onChange({ ...c, left: { ref: e.currentTarget.value } })}
        data-testid={`${p.testId}-ref`}
      />
      <Select
        label={t('designer.op')}
        data={OPS}
        value={c.op}
        allowDeselect={false}
        onChange={(op) => op && p.onChange({ ...c, op: op as Comparison })}
        w={110}
        data-testid={`${p.testId}-op`}
      />
      <TextInput
        label={t('designer.value')}
        value={Array.isArray(right) ? right.join(', ') : String(right ?? '')}
        onChange={(e) => p.onChange({ ...c, right: { value: literal(e.currentTarget.value) } })}
        data-testid={`${p.testId}-value`}
      />
    </Group>
  );
}

/** What a typed value means: true/false and numbers as such, the rest as text. */
const literal = (text: string): string | number | boolean => {
  if (text === 'true' || text === 'false') return text === 'true';
  if (text.trim() !== '' && Number.isFinite(Number(text))) return Number(text);
  return text;
};
