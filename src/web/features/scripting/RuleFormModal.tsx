/** Create or edit a selection rule: priority, script, and the criteria it matches (empty means any). */
import { Autocomplete, Modal, NumberInput, Select, SimpleGrid, Stack, TagsInput } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formErrors } from '../../ui/errors.ts';
import { FormActions } from '../../ui/FormActions.tsx';
import { FormError } from '../../ui/FormError.tsx';
import { useLanguageOptions } from '../../ui/options.ts';
import { CHANNELS, routingApi, routingKeys } from '../routing-admin/api.ts';
import { useRoutingT } from '../routing-admin/i18n.ts';
import { type Rule, type RuleInput, type ScriptSummary, scriptingApi } from './api.ts';
import { useScriptingT } from './i18n.ts';

const FIELDS = ['priority', 'scriptId', 'queueId', 'channel', 'reason', 'language', 'tiers'] as const;

/** Empty text is "any": the API stores it as null. */
const orNull = (text: string | null) => (text?.trim() ? text.trim() : null);

/** The workspace's queue keys, as suggestions (none when the queues cannot be read). */
export function useQueueKeys(): string[] {
  const queues = useQuery({ queryKey: routingKeys.queues, queryFn: routingApi.queues, retry: false });
  return (queues.data ?? []).map((q) => q.key);
}

export function useChannelOptions() {
  const t = useRoutingT();
  return CHANNELS.map((c) => ({ value: c, label: t(`channels.${c}`) }));
}

export function RuleFormModal({
  rule,
  scripts,
  nextPriority,
  reasons,
  onClose,
}: {
  /** The rule to edit, or null for a new one. */
  rule: Rule | null;
  scripts: ScriptSummary[];
  nextPriority: number;
  /** Contact reasons other rules use, offered as suggestions. */
  reasons: string[];
  onClose: () => void;
}) {
  const t = useScriptingT();
  const { t: appT } = useTranslation();
  const client = useQueryClient();
  const languages = useLanguageOptions();
  const channels = useChannelOptions();
  const queueKeys = useQueueKeys();
  const [draft, setDraft] = useState<RuleInput>(
    () =>
      rule ?? {
        priority: nextPriority,
        scriptId: scripts.find((s) => s.liveVersion !== null)?.id ?? '',
        queueId: null,
        channel: null,
        reason: null,
        language: null,
        tiers: [],
      },
  );
  const set = (patch: Partial<RuleInput>) => setDraft((d) => ({ ...d, ...patch }));
  const save = useMutation({
    mutationFn: (body: RuleInput) =>
      rule ? scriptingApi.updateRule(rule.id, body) : scriptingApi.createRule(body),
    onSuccess: async () => {
      await client.invalidateQueries({ queryKey: ['scripting', 'rules'] });
      onClose();
    },
  });
  const errors = formErrors(appT, save.error, FIELDS);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    save.mutate({
      ...draft,
      queueId: orNull(draft.queueId),
      reason: orNull(draft.reason),
    });
  };
  return (
    <Modal opened onClose={onClose} title={rule ? t('rules.editTitle') : t('rules.newTitle')} size="lg">
      <form onSubmit={submit} noValidate data-testid="rule-form">
        <Stack gap="md">
          <FormError message={errors.form} />
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <NumberInput
              label={t('rules.columns.priority')}
              description={t('rules.priorityHint')}
              value={draft.priority}
              onChange={(v) => set({ priority: typeof v === 'number' ? v : Number(v) })}
              error={errors.fields.priority}
              data-autofocus
              data-testid="rule-priority"
            />
            <Select
              label={t('rules.columns.script')}
              data={scripts.map((s) => ({
                value: s.id,
                label: s.liveVersion ? s.name : `${s.name} (${t('rules.notLive')})`,
              }))}
              value={draft.scriptId || null}
              onChange={(v) => set({ scriptId: v ?? '' })}
              error={errors.fields.scriptId}
              searchable
              required
              data-testid="rule-script"
            />
            <Autocomplete
              label={t('rules.columns.queue')}
              description={t('rules.criterionHint')}
              data={queueKeys}
              value={draft.queueId ?? ''}
              onChange={(v) => set({ queueId: v })}
              error={errors.fields.queueId}
              data-testid="rule-queue"
            />
            <Select
              label={t('rules.columns.channel')}
              description={t('rules.criterionHint')}
              data={channels}
              value={draft.channel}
              onChange={(v) => set({ channel: v })}
              error={errors.fields.channel}
              clearable
              data-testid="rule-channel"
            />
            <Autocomplete
              label={t('rules.columns.reason')}
              description={t('rules.criterionHint')}
              data={reasons}
              value={draft.reason ?? ''}
              onChange={(v) => set({ reason: v })}
              error={errors.fields.reason}
              data-testid="rule-reason"
            />
            <Select
              label={t('rules.columns.language')}
              description={t('rules.criterionHint')}
              data={languages}
              value={draft.language}
              onChange={(v) => set({ language: v })}
              error={errors.fields.language}
              clearable
              data-testid="rule-language"
            />
          </SimpleGrid>
          <TagsInput
            label={t('rules.columns.tiers')}
            description={t('rules.tiersHint')}
            value={draft.tiers}
            onChange={(tiers) => set({ tiers: tiers.map((x) => x.trim()).filter(Boolean) })}
            error={
              errors.fields.tiers ?? Object.entries(errors.fields).find(([k]) => k.startsWith('tiers/'))?.[1]
            }
            data-testid="rule-tiers"
          />
          <FormActions
            cancel={t('rules.cancel')}
            submit={t('rules.save')}
            onCancel={onClose}
            busy={save.isPending}
            testId="rule-save"
          />
        </Stack>
      </form>
    </Modal>
  );
}
