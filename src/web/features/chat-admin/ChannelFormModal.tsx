/** Create or edit a web channel in tabs, saved with one request; then the code to embed it. */
import { Alert, Checkbox, Group, Modal, Select, Stack, Tabs, TagsInput, TextInput } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../ui/errors.ts';
import { FormActions } from '../../ui/FormActions.tsx';
import { FormError } from '../../ui/FormError.tsx';
import {
  type ChannelInput,
  type ChannelSettings,
  chatAdminApi,
  chatAdminKeys,
  type WebChannel,
} from './api.ts';
import { HoursFields, LookFields, PreChatFields } from './ChannelFields.tsx';
import { channelProblems, type Problem } from './draft.ts';
import { EmbedCard } from './EmbedCard.tsx';
import { useChatAdminT } from './i18n.ts';

export function ChannelFormModal({
  channel,
  initial,
  onClose,
}: {
  /** The channel to edit, or null to create one from `initial`. */
  channel: WebChannel | null;
  initial: ChannelInput;
  onClose: () => void;
}) {
  const t = useChatAdminT();
  const { t: appT } = useTranslation();
  const client = useQueryClient();
  const [input, setInput] = useState<ChannelInput>(initial);
  const [saved, setSaved] = useState<WebChannel | null>(channel);
  const [tab, setTab] = useState<string | null>('general');
  const [tried, setTried] = useState(false);
  const queues = useQuery({ queryKey: ['chat-admin', 'queues'], queryFn: chatAdminApi.queues });
  const set = (change: Partial<ChannelInput>) => setInput((i) => ({ ...i, ...change }));
  const setSettings = (change: Partial<ChannelSettings>) =>
    setInput((i) => ({ ...i, settings: { ...i.settings, ...change } }));
  const save = useMutation({
    mutationFn: (body: ChannelInput) =>
      saved ? chatAdminApi.update(saved.id, body) : chatAdminApi.create(body),
    onSuccess: async (result) => {
      await client.invalidateQueries({ queryKey: chatAdminKeys.channels });
      setSaved(result);
      setTab('embed');
    },
  });
  const problems = channelProblems(input);
  const shown = (key: string) => {
    const p: Problem | undefined = tried ? problems[key] : undefined;
    return p ? t(p.key, p.values) : undefined;
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setTried(true);
    if (Object.keys(problems).length === 0) save.mutate(input);
  };
  const queueOptions = (queues.data ?? []).map((q) => ({ value: q.key, label: `${q.name} (${q.key})` }));
  const s = input.settings;
  const toggleLanguage = (lang: 'es' | 'en', on: boolean) =>
    setSettings({
      languages: on ? [...new Set([...s.languages, lang])] : s.languages.filter((l) => l !== lang),
    });

  return (
    <Modal opened onClose={onClose} title={channel ? t('edit') : t('new')} size="xl">
      <form onSubmit={submit} noValidate data-testid="channel-form">
        <Stack gap="md">
          <FormError message={save.error ? errorMessage(appT, save.error) : null} />
          {save.isSuccess && <Alert color="green">{t('form.saved')}</Alert>}
          <Tabs value={tab} onChange={setTab} keepMounted={false}>
            <Tabs.List>
              {(['general', 'look', 'prechat', 'hours'] as const).map((k) => (
                <Tabs.Tab key={k} value={k} data-testid={`channel-tab-${k}`}>
                  {t(`tabs.${k}`)}
                </Tabs.Tab>
              ))}
              {saved && (
                <Tabs.Tab value="embed" data-testid="channel-tab-embed">
                  {t('tabs.embed')}
                </Tabs.Tab>
              )}
            </Tabs.List>
            <Tabs.Panel value="general" pt="md">
              <Stack gap="sm">
                <TextInput
                  label={t('form.name')}
                  value={input.name}
                  onChange={(e) => set({ name: e.currentTarget.value })}
                  error={shown('name')}
                  required
                  data-autofocus
                  data-testid="channel-name"
                />
                <TagsInput
                  label={t('form.origins')}
                  description={t('form.originsHelp')}
                  value={input.allowedOrigins}
                  onChange={(allowedOrigins) => set({ allowedOrigins: allowedOrigins.map((o) => o.trim()) })}
                  error={shown('origins')}
                  data-testid="channel-origins"
                />
                <Checkbox.Group label={t('form.languages')} error={shown('languages')}>
                  <Group mt={4}>
                    <Checkbox
                      label={t('form.languageEs')}
                      checked={s.languages.includes('es')}
                      onChange={(e) => toggleLanguage('es', e.currentTarget.checked)}
                    />
                    <Checkbox
                      label={t('form.languageEn')}
                      checked={s.languages.includes('en')}
                      onChange={(e) => toggleLanguage('en', e.currentTarget.checked)}
                    />
                  </Group>
                </Checkbox.Group>
                <Group grow align="flex-start">
                  <Select
                    label={t('form.queue')}
                    data={queueOptions}
                    value={s.queueId}
                    onChange={(v) => v && setSettings({ queueId: v })}
                    allowDeselect={false}
                    data-testid="channel-queue"
                  />
                  <Select
                    label={t('form.callbackQueue')}
                    data={queueOptions}
                    value={s.callbackQueueId}
                    onChange={(v) => v && setSettings({ callbackQueueId: v })}
                    allowDeselect={false}
                  />
                </Group>
                <TagsInput
                  label={t('form.categories')}
                  description={t('form.categoriesHelp')}
                  value={s.requestCategories}
                  onChange={(requestCategories) => setSettings({ requestCategories })}
                  error={shown('categories')}
                />
              </Stack>
            </Tabs.Panel>
            <Tabs.Panel value="look" pt="md">
              <LookFields settings={s} set={setSettings} problem={shown} name={input.name} />
            </Tabs.Panel>
            <Tabs.Panel value="prechat" pt="md">
              <PreChatFields settings={s} set={setSettings} problem={shown} />
            </Tabs.Panel>
            <Tabs.Panel value="hours" pt="md">
              <HoursFields settings={s} set={setSettings} />
            </Tabs.Panel>
            {saved && (
              <Tabs.Panel value="embed" pt="md">
                <EmbedCard key={saved.secret ?? saved.id} channel={saved} />
              </Tabs.Panel>
            )}
          </Tabs>
          <FormActions
            cancel={t('form.cancel')}
            submit={t('form.save')}
            onCancel={onClose}
            busy={save.isPending}
            testId="channel-save"
          />
        </Stack>
      </form>
    </Modal>
  );
}
