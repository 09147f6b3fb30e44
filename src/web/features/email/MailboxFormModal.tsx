/** Add or edit a mailbox: address and queue, how mail arrives (IMAP or pushed), how replies leave, signature. */
import {
  Button,
  Checkbox,
  Group,
  Modal,
  NumberInput,
  PasswordInput,
  SegmentedControl,
  Select,
  Stack,
  Switch,
  Tabs,
  Text,
  Textarea,
  TextInput,
} from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../ui/errors.ts';
import { FormError } from '../../ui/FormError.tsx';
import { emailApi, emailKeys, type Mailbox } from './api.ts';
import { draftProblems, emptyDraft, type MailboxDraft, toDraft, toInput } from './draft.ts';
import { useEmailT } from './i18n.ts';
import { SIGNATURE_VARIABLES } from './variables.ts';

interface Props {
  mailbox: Mailbox | null;
  queues: { key: string; name: string }[];
  onClose: () => void;
}

export function MailboxFormModal({ mailbox, queues, onClose }: Props) {
  const t = useEmailT();
  const { t: appT } = useTranslation();
  const client = useQueryClient();
  const [draft, setDraft] = useState<MailboxDraft>(() => (mailbox ? toDraft(mailbox) : emptyDraft()));
  const [tried, setTried] = useState(false);
  const [tab, setTab] = useState<string | null>('general');
  const set = (change: Partial<MailboxDraft>) => setDraft((d) => ({ ...d, ...change }));
  const save = useMutation({
    mutationFn: () => emailApi.saveMailbox(mailbox?.id ?? null, toInput(draft)),
    onSuccess: async () => {
      await client.invalidateQueries({ queryKey: emailKeys.mailboxes });
      onClose();
    },
  });
  const problems = draftProblems(draft);
  const shown = (key: keyof MailboxDraft) => {
    const p = problems[key];
    return tried && p ? t(`form.problems.${p}`) : undefined;
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setTried(true);
    const first = Object.keys(problems)[0];
    if (!first) save.mutate();
    else setTab(first.startsWith('imap') ? 'receiving' : first.startsWith('smtp') ? 'sending' : 'general');
  };
  const text = (key: keyof MailboxDraft, label: string, testId: string, extra: object = {}) => (
    <TextInput
      label={label}
      value={String(draft[key])}
      onChange={(e) => set({ [key]: e.currentTarget.value })}
      error={shown(key)}
      data-testid={testId}
      {...extra}
    />
  );
  const port = (key: 'imapPort' | 'smtpPort', testId: string) => (
    <NumberInput
      label={t('form.port')}
      value={draft[key]}
      onChange={(v) => set({ [key]: typeof v === 'number' ? v : 0 })}
      min={1}
      max={65535}
      error={shown(key)}
      data-testid={testId}
      w={120}
    />
  );

  return (
    <Modal opened onClose={onClose} title={mailbox ? t('mailboxes.edit') : t('mailboxes.new')} size="lg">
      <form onSubmit={submit} noValidate data-testid="mailbox-form">
        <Stack gap="md">
          <FormError message={save.error ? errorMessage(appT, save.error) : null} />
          <Tabs value={tab} onChange={setTab}>
            <Tabs.List>
              <Tabs.Tab value="general">{t('form.general')}</Tabs.Tab>
              <Tabs.Tab value="receiving" data-testid="tab-receiving">
                {t('form.receiving')}
              </Tabs.Tab>
              <Tabs.Tab value="sending" data-testid="tab-sending">
                {t('form.sending')}
              </Tabs.Tab>
            </Tabs.List>
            <Tabs.Panel value="general" pt="md">
              <Stack gap="sm">
                {text('name', t('form.name'), 'mailbox-name', { required: true, 'data-autofocus': true })}
                {text('address', t('form.address'), 'mailbox-address', { required: true, type: 'email' })}
                <Select
                  label={t('form.queue')}
                  data={queues.map((q) => ({ value: q.key, label: q.name }))}
                  value={draft.queueId || null}
                  onChange={(v) => set({ queueId: v ?? '' })}
                  error={shown('queueId')}
                  required
                  data-testid="mailbox-queue"
                />
                <Switch
                  label={t('form.enabled')}
                  checked={draft.enabled}
                  onChange={(e) => set({ enabled: e.currentTarget.checked })}
                />
                <Checkbox
                  label={t('form.autoAck')}
                  checked={draft.autoAck}
                  onChange={(e) => set({ autoAck: e.currentTarget.checked })}
                />
              </Stack>
            </Tabs.Panel>
            <Tabs.Panel value="receiving" pt="md">
              <Stack gap="sm">
                <SegmentedControl
                  value={draft.receive}
                  onChange={(v) => set({ receive: v === 'push' ? 'push' : 'imap' })}
                  data={[
                    { value: 'imap', label: t('form.receiveImap') },
                    { value: 'push', label: t('form.receivePush') },
                  ]}
                  data-testid="mailbox-receive"
                />
                {draft.receive === 'push' ? (
                  <Text size="sm" c="dimmed">
                    {t('form.pushHelp')}
                  </Text>
                ) : (
                  <>
                    <Group align="flex-start" grow>
                      {text('imapHost', t('form.host'), 'imap-host')}
                      {port('imapPort', 'imap-port')}
                    </Group>
                    <Checkbox
                      label={t('form.secure')}
                      checked={draft.imapSecure}
                      onChange={(e) => set({ imapSecure: e.currentTarget.checked })}
                      data-testid="imap-secure"
                    />
                    <Group align="flex-start" grow>
                      {text('imapUser', t('form.user'), 'imap-user')}
                      {text('imapFolder', t('form.folder'), 'imap-folder')}
                    </Group>
                    <PasswordInput
                      label={t('form.password')}
                      description={draft.hasImapPassword ? t('form.passwordKept') : undefined}
                      value={draft.imapPassword}
                      onChange={(e) => set({ imapPassword: e.currentTarget.value })}
                      error={shown('imapPassword')}
                      data-testid="imap-password"
                    />
                  </>
                )}
              </Stack>
            </Tabs.Panel>
            <Tabs.Panel value="sending" pt="md">
              <Stack gap="sm">
                <Switch
                  label={t('form.send')}
                  checked={draft.send}
                  onChange={(e) => set({ send: e.currentTarget.checked })}
                  data-testid="mailbox-send"
                />
                {draft.send && (
                  <>
                    <Group align="flex-start" grow>
                      {text('smtpHost', t('form.host'), 'smtp-host')}
                      {port('smtpPort', 'smtp-port')}
                      <Select
                        label={t('form.protocol')}
                        data={['smtp', 'lmtp']}
                        value={draft.smtpProtocol}
                        onChange={(v) => set({ smtpProtocol: v === 'lmtp' ? 'lmtp' : 'smtp' })}
                        allowDeselect={false}
                        data-testid="smtp-protocol"
                      />
                    </Group>
                    <Checkbox
                      label={t('form.secure')}
                      checked={draft.smtpSecure}
                      onChange={(e) => set({ smtpSecure: e.currentTarget.checked })}
                    />
                    <Group align="flex-start" grow>
                      {text('smtpUser', t('form.user'), 'smtp-user')}
                      <PasswordInput
                        label={t('form.password')}
                        description={mailbox?.smtp?.hasPassword ? t('form.passwordKept') : undefined}
                        value={draft.smtpPassword}
                        onChange={(e) => set({ smtpPassword: e.currentTarget.value })}
                        data-testid="smtp-password"
                      />
                    </Group>
                  </>
                )}
                <Textarea
                  label={t('form.signature')}
                  description={t('form.signatureHelp', { list: SIGNATURE_VARIABLES })}
                  value={draft.signature}
                  onChange={(e) => set({ signature: e.currentTarget.value })}
                  autosize
                  minRows={2}
                  data-testid="mailbox-signature"
                />
              </Stack>
            </Tabs.Panel>
          </Tabs>
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('form.cancel')}
            </Button>
            <Button type="submit" loading={save.isPending} data-testid="mailbox-save">
              {t('form.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
