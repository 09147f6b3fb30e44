/** Create or edit a queue: its policy as data, in four tabs, saved with one PUT. */
import {
  Autocomplete,
  Button,
  Group,
  Modal,
  NumberInput,
  Select,
  Stack,
  Tabs,
  TagsInput,
  TextInput,
} from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FormError } from '../../ui/FormError.tsx';
import { CHANNELS, type Queue, routingApi } from './api.ts';
import { draftProblems, emptyDraft, type QueueDraft, toDraft, toQueue } from './draft.ts';
import { routingErrorMessage } from './errors.ts';
import { type RoutingKey, useRoutingT } from './i18n.ts';
import { QueueHoursFields } from './QueueHoursFields.tsx';
import { QueueRoutingFields } from './QueueRoutingFields.tsx';
import { RowsEditor } from './RowsEditor.tsx';

interface Props {
  /** The queue to edit, or null to create one. */
  queue: Queue | null;
  queues: Queue[];
  skills: string[];
  onClose: () => void;
}

export function QueueFormModal({ queue, queues, skills, onClose }: Props) {
  const t = useRoutingT();
  const { t: appT } = useTranslation();
  const client = useQueryClient();
  const [draft, setDraft] = useState<QueueDraft>(() => (queue ? toDraft(queue) : emptyDraft()));
  const [tried, setTried] = useState(false);
  const set = (change: Partial<QueueDraft>) => setDraft((d) => ({ ...d, ...change }));
  const save = useMutation({
    mutationFn: routingApi.saveQueue,
    onSuccess: async () => {
      await client.invalidateQueries({ queryKey: ['routing'] });
      onClose();
    },
  });
  const problems = draftProblems(draft);
  const shown = (key: keyof typeof problems) =>
    tried && problems[key] ? t(problems[key] as RoutingKey) : undefined;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setTried(true);
    if (Object.keys(problems).length === 0) save.mutate(toQueue(draft));
  };
  const channelOptions = CHANNELS.map((c) => ({ value: c, label: t(`channels.${c}`) }));
  const otherQueues = queues.filter((q) => q.key !== draft.key).map((q) => ({ value: q.key, label: q.name }));
  const hoursErrors =
    save.error && 'fieldErrors' in save.error ? (save.error.fieldErrors as Record<string, string>) : {};

  return (
    <Modal opened onClose={onClose} title={queue ? t('queues.edit') : t('queues.new')} size="xl">
      <form onSubmit={submit} noValidate data-testid="queue-form">
        <Stack gap="md">
          <FormError message={routingErrorMessage(t, appT, save.error)} />
          <Tabs defaultValue="general" keepMounted={false}>
            <Tabs.List>
              <Tabs.Tab value="general">{t('form.general')}</Tabs.Tab>
              <Tabs.Tab value="eligibility" data-testid="tab-eligibility">
                {t('form.eligibility')}
              </Tabs.Tab>
              <Tabs.Tab value="routing" data-testid="tab-routing">
                {t('form.offers')}
              </Tabs.Tab>
              <Tabs.Tab value="hours" data-testid="tab-hours">
                {t('form.hours')}
              </Tabs.Tab>
            </Tabs.List>
            <Tabs.Panel value="general" pt="md">
              <Stack gap="sm">
                <Group grow align="flex-start">
                  <TextInput
                    label={t('form.key')}
                    description={t('form.keyHelp')}
                    value={draft.key}
                    onChange={(e) => set({ key: e.currentTarget.value })}
                    disabled={queue !== null}
                    error={shown('key')}
                    required
                    data-autofocus
                    data-testid="queue-key"
                  />
                  <TextInput
                    label={t('form.name')}
                    value={draft.name}
                    onChange={(e) => set({ name: e.currentTarget.value })}
                    error={shown('name')}
                    required
                    data-testid="queue-name"
                  />
                </Group>
                <RowsEditor
                  label={t('form.targets')}
                  help={t('form.targetsHelp')}
                  rows={draft.targets}
                  onChange={(targets) => set({ targets })}
                  blank={() => ({ channel: 'chat', percent: 80, seconds: 60 })}
                  addLabel={t('form.addTarget')}
                  removeLabel={t('form.remove')}
                  error={shown('targets')}
                  testId="queue-targets"
                  render={(row, update) => (
                    <>
                      <Select
                        label={t('form.channel')}
                        data={channelOptions}
                        value={row.channel}
                        onChange={(v) => v && update({ channel: v })}
                        allowDeselect={false}
                      />
                      <NumberInput
                        label={t('form.percent')}
                        value={row.percent}
                        min={0}
                        max={100}
                        w={90}
                        onChange={(v) => update({ percent: Number(v) || 0 })}
                      />
                      <NumberInput
                        label={t('form.withinSeconds')}
                        value={row.seconds}
                        min={0}
                        w={130}
                        onChange={(v) => update({ seconds: Number(v) || 0 })}
                      />
                    </>
                  )}
                />
              </Stack>
            </Tabs.Panel>
            <Tabs.Panel value="eligibility" pt="md">
              <Stack gap="sm">
                <RowsEditor
                  label={t('form.requirements')}
                  rows={draft.requirements}
                  onChange={(requirements) => set({ requirements })}
                  blank={() => ({ skill: '', minProficiency: 1 })}
                  addLabel={t('form.addRequirement')}
                  removeLabel={t('form.remove')}
                  error={shown('requirements')}
                  testId="queue-requirements"
                  render={(row, update, index) => (
                    <>
                      <Autocomplete
                        label={t('form.skill')}
                        data={skills}
                        value={row.skill}
                        onChange={(v) => update({ skill: v })}
                        data-testid={`requirement-skill-${index}`}
                      />
                      <NumberInput
                        label={t('form.minProficiency')}
                        value={row.minProficiency}
                        min={1}
                        max={5}
                        w={150}
                        onChange={(v) => update({ minProficiency: Math.min(5, Math.max(1, Number(v) || 1)) })}
                      />
                    </>
                  )}
                />
                <TagsInput label={t('form.teams')} value={draft.teams} onChange={(teams) => set({ teams })} />
                <Select
                  label={t('form.language')}
                  data={(['ignore', 'prefer', 'require'] as const).map((v) => ({
                    value: v,
                    label: t(`form.languages.${v}`),
                  }))}
                  value={draft.language}
                  onChange={(v) => v && set({ language: v as QueueDraft['language'] })}
                  allowDeselect={false}
                />
              </Stack>
            </Tabs.Panel>
            <Tabs.Panel value="routing" pt="md">
              <QueueRoutingFields
                draft={draft}
                set={set}
                skills={skills}
                queues={otherQueues}
                problems={shown}
              />
            </Tabs.Panel>
            <Tabs.Panel value="hours" pt="md">
              <QueueHoursFields draft={draft} set={set} queues={otherQueues} errors={hoursErrors} />
            </Tabs.Panel>
          </Tabs>
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('form.cancel')}
            </Button>
            <Button type="submit" loading={save.isPending} data-testid="queue-save">
              {t('form.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
