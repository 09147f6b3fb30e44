/**
 * Tests the selection rules: a sample customer and an interaction's queue, channel, reason and language go
 * to the server's own choice, which says which script would start, by which rule, and on which details.
 */
import {
  Alert,
  Autocomplete,
  Button,
  Card,
  List,
  Select,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { ErrorAlert } from '../../ui/ErrorAlert.tsx';
import { useLanguageOptions } from '../../ui/options.ts';
import { type Rule, type RuleFacts, type RuleTestResult, scriptingApi } from './api.ts';
import { CustomerPicker } from './CustomerPicker.tsx';
import { useScriptingT } from './i18n.ts';
import { useChannelOptions, useQueueKeys } from './RuleFormModal.tsx';

const blank = (text: string | null) => (text?.trim() ? text.trim() : undefined);

export function RuleTestPanel({ onChosen }: { onChosen: (ruleId: string | null) => void }) {
  const t = useScriptingT();
  const languages = useLanguageOptions();
  const channels = useChannelOptions();
  const queueKeys = useQueueKeys();
  const [customerId, setCustomerId] = useState<string | null>(null);
  const [facts, setFacts] = useState<Omit<RuleFacts, 'tier'>>({
    queueId: null,
    channel: null,
    reason: null,
    language: null,
  });
  const set = (patch: Partial<RuleFacts>) => setFacts((f) => ({ ...f, ...patch }));
  const test = useMutation({
    mutationFn: () =>
      scriptingApi.testRules({
        customerId,
        queueId: blank(facts.queueId),
        channel: blank(facts.channel),
        reason: blank(facts.reason),
        language: blank(facts.language),
      }),
    onSuccess: (result) => onChosen(result.rule?.id ?? null),
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    test.mutate();
  };
  return (
    <Card withBorder data-testid="rule-test">
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <Title order={4}>{t('rules.test.title')}</Title>
          <Text size="sm" c="dimmed">
            {t('rules.test.hint')}
          </Text>
          <CustomerPicker
            label={t('rules.test.customer')}
            value={customerId}
            onChange={setCustomerId}
            testId="rule-test-customer"
          />
          <SimpleGrid cols={{ base: 1, sm: 2, xl: 1 }}>
            <Autocomplete
              label={t('rules.columns.queue')}
              data={queueKeys}
              value={facts.queueId ?? ''}
              onChange={(v) => set({ queueId: v })}
              data-testid="rule-test-queue"
            />
            <Select
              label={t('rules.columns.channel')}
              data={channels}
              value={facts.channel}
              onChange={(v) => set({ channel: v })}
              clearable
              data-testid="rule-test-channel"
            />
            <TextInput
              label={t('rules.columns.reason')}
              value={facts.reason ?? ''}
              onChange={(e) => set({ reason: e.currentTarget.value })}
              data-testid="rule-test-reason"
            />
            <Select
              label={t('rules.columns.language')}
              data={languages}
              value={facts.language}
              onChange={(v) => set({ language: v })}
              clearable
              data-testid="rule-test-language"
            />
          </SimpleGrid>
          <Button type="submit" loading={test.isPending} data-testid="rule-test-run">
            {t('rules.test.run')}
          </Button>
          {test.error && <ErrorAlert error={test.error} />}
          {test.data && <Outcome result={test.data} />}
        </Stack>
      </form>
    </Card>
  );
}

/** A rule's criteria by name, null where it takes any. */
const criteria = (t: ReturnType<typeof useScriptingT>, rule: Rule): [string, string | null][] => [
  [t('rules.columns.queue'), rule.queueId],
  [t('rules.columns.channel'), rule.channel],
  [t('rules.columns.reason'), rule.reason],
  [t('rules.columns.language'), rule.language],
  [t('rules.columns.tiers'), rule.tiers.length ? rule.tiers.join(', ') : null],
];

/** Which script starts and why: the rule's criteria, then the details they were checked against. */
function Outcome({ result }: { result: RuleTestResult }) {
  const t = useScriptingT();
  const { rule, script, facts } = result;
  return (
    <Stack gap="xs" data-testid="rule-test-result">
      {rule && script ? (
        <Alert color="green" title={t('rules.test.starts', { script: script.name, version: script.version })}>
          <Text size="sm">{t('rules.test.because', { priority: rule.priority })}</Text>
          <List size="sm">
            {criteria(t, rule).map(([label, wanted]) => (
              <List.Item key={label}>
                {label}: {wanted ?? t('rules.any').toLowerCase()}
              </List.Item>
            ))}
          </List>
        </Alert>
      ) : (
        <Alert color="yellow">{t('rules.test.none')}</Alert>
      )}
      <Text size="xs" c="dimmed" data-testid="rule-test-facts">
        {t('rules.test.facts')}:{' '}
        {[
          result.customer?.name,
          facts.queueId,
          facts.channel,
          facts.reason,
          facts.language,
          facts.tier && `${t('rules.test.tier')} ${facts.tier}`,
        ]
          .filter(Boolean)
          .join(' · ') || '—'}
      </Text>
    </Stack>
  );
}
