/**
 * The designer's preview: the draft run against a chosen customer with the runner's own step card,
 * recording nothing. Answers are kept here and the whole draft is replayed on each one.
 */
import { Alert, Button, Card, Group, Stack, Text, Title } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { ErrorAlert } from '../../ui/ErrorAlert.tsx';
import { type Definition, scriptingApi, type Value } from './api.ts';
import { CustomerPicker } from './CustomerPicker.tsx';
import { useScriptingT } from './i18n.ts';
import { StepCard } from './ScriptRunner.tsx';

export function PreviewPanel({ scriptId, definition }: { scriptId: string | null; definition: Definition }) {
  const t = useScriptingT();
  const [customerId, setCustomerId] = useState<string | null>(null);
  const [answers, setAnswers] = useState<{ stepId: string; value: Value }[]>([]);
  const preview = useMutation({
    mutationFn: (given: { stepId: string; value: Value }[]) =>
      scriptingApi.preview(scriptId!, customerId!, definition, given),
  });
  const { mutate } = preview;
  // Starts again whenever the customer changes; the draft's own changes wait for "Restart".
  useEffect(() => {
    if (customerId && scriptId) mutate([]);
    setAnswers([]);
  }, [customerId, scriptId, mutate]);

  const go = (next: { stepId: string; value: Value }[]) => {
    setAnswers(next);
    mutate(next);
  };
  const evaluation = preview.data?.evaluation;
  return (
    <Card withBorder data-testid="script-preview">
      <Group justify="space-between" mb="xs">
        <Title order={4}>{t('designer.preview')}</Title>
        {customerId && (
          <Button size="xs" variant="subtle" onClick={() => go([])} data-testid="preview-restart">
            {t('designer.restart')}
          </Button>
        )}
      </Group>
      {scriptId === null ? (
        <Text c="dimmed">{t('designer.previewHint')}</Text>
      ) : (
        <Stack gap="sm">
          <CustomerPicker
            label={t('designer.customer')}
            value={customerId}
            onChange={setCustomerId}
            enabled={scriptId !== null}
            testId="preview-customer"
          />
          {!customerId && <Text c="dimmed">{t('designer.pickCustomer')}</Text>}
          {preview.error && <ErrorAlert error={preview.error} />}
          {evaluation?.status === 'ended' && (
            <Alert color="green" data-testid="preview-finished">
              {t('finished', { outcome: evaluation.outcome ?? '' })}
            </Alert>
          )}
          {evaluation?.status === 'waiting' && (
            <StepCard
              current={evaluation}
              busy={preview.isPending}
              onAnswer={(value) => go([...answers, { stepId: evaluation.step.id, value }])}
              onBack={() => go(answers.slice(0, -1))}
            />
          )}
          {evaluation && (
            <Text size="xs" c="dimmed">
              {t('path')}: {evaluation.path.join(' → ')}
            </Text>
          )}
        </Stack>
      )}
    </Card>
  );
}
