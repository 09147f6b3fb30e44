/**
 * The reply composer: reply, reply to all or forward; recipients, a saved template filled for this
 * conversation, the agent's signature shown as it will be sent, and "wait for the customer".
 */
import {
  Alert,
  Button,
  Checkbox,
  Group,
  Paper,
  SegmentedControl,
  Select,
  Stack,
  TagsInput,
  Text,
  Textarea,
  TextInput,
} from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../ui/errors.ts';
import { FormError } from '../../ui/FormError.tsx';
import { type Conversation, emailApi, emailKeys, type ReplyInput } from './api.ts';
import { useEmailT } from './i18n.ts';
import { SignatureModal } from './SignatureModal.tsx';
import { unfilled } from './variables.ts';

type Mode = ReplyInput['mode'];

export function Composer({
  conversation,
  onEnd,
  onSent,
}: {
  conversation: Conversation;
  onEnd?: () => void;
  /** Told what was sent, for a page that outlives this conversation (it leaves the desk to wait). */
  onSent?: (notice: string) => void;
}) {
  const t = useEmailT();
  const { t: appT } = useTranslation();
  const client = useQueryClient();
  const lastInbound = [...conversation.messages]
    .reverse()
    .find((m) => m.direction === 'inbound' && !m.bounce);
  const [mode, setMode] = useState<Mode>('reply');
  const [to, setTo] = useState<string[]>(lastInbound ? [lastInbound.from.address] : []);
  const [cc, setCc] = useState<string[]>([]);
  const [bcc, setBcc] = useState<string[]>([]);
  const [subject, setSubject] = useState('');
  const [text, setText] = useState('');
  const [wait, setWait] = useState(true);
  const [notice, setNotice] = useState<string | null>(null);
  const [editingSignature, setEditingSignature] = useState(false);
  const templates = useQuery({
    queryKey: emailKeys.templates(conversation.mailbox.id),
    queryFn: () => emailApi.templates(conversation.mailbox.id),
  });
  const insert = useMutation({
    mutationFn: (templateId: string) => emailApi.render(conversation.interactionId, templateId),
    onSuccess: (r) => {
      setText((current) => (current.trim() ? `${current.trimEnd()}\n\n${r.text}` : r.text));
      if (r.subject) setSubject(r.subject);
    },
  });
  const send = useMutation({
    mutationFn: () =>
      emailApi.reply(conversation.interactionId, {
        mode,
        ...(to.length ? { to } : {}),
        ...(cc.length ? { cc } : {}),
        ...(bcc.length ? { bcc } : {}),
        ...(subject.trim() ? { subject: subject.trim() } : {}),
        text,
        waitOnCustomer: wait,
      }),
    onSuccess: async (r) => {
      setText('');
      setSubject('');
      const said = r.state === 'waiting_on_customer' ? t('composer.sentWaiting') : t('composer.sent');
      setNotice(said);
      onSent?.(said);
      await client.invalidateQueries({ queryKey: emailKeys.conversation(conversation.interactionId) });
      await client.invalidateQueries({ queryKey: ['desk', 'mine'] });
    },
  });
  const changeMode = (value: string) => {
    const next = value as Mode;
    setMode(next);
    setTo(next === 'forward' ? [] : lastInbound ? [lastInbound.from.address] : []);
  };
  const submit = () => {
    setNotice(null);
    if (!text.trim()) {
      setNotice(t('composer.empty'));
      return;
    }
    send.mutate();
  };
  const left = unfilled(text);

  if (!conversation.mailbox.canSend)
    return (
      <Alert color="yellow" variant="light" data-testid="composer-cannot-send">
        {t('composer.cannotSend')}
      </Alert>
    );

  return (
    <Paper withBorder p="sm" radius="md" data-testid="email-composer">
      <Stack gap="xs">
        <Group justify="space-between">
          <SegmentedControl
            size="xs"
            value={mode}
            onChange={changeMode}
            data={(['reply', 'reply_all', 'forward'] as const).map((m) => ({
              value: m,
              label: t(`composer.modes.${m}`),
            }))}
            data-testid="composer-mode"
          />
          <Select
            size="xs"
            w={260}
            placeholder={t('composer.templatePlaceholder')}
            aria-label={t('composer.template')}
            data={(templates.data ?? []).map((tpl) => ({
              value: tpl.id,
              label: `${tpl.name} (${tpl.language})`,
            }))}
            nothingFoundMessage={t('composer.noTemplates')}
            value={null}
            onChange={(id) => id && insert.mutate(id)}
            searchable
            data-testid="composer-template"
          />
        </Group>
        <Recipients label={t('composer.to')} value={to} onChange={setTo} testId="composer-to" />
        <Group grow>
          <Recipients label={t('composer.cc')} value={cc} onChange={setCc} />
          <Recipients label={t('composer.bcc')} value={bcc} onChange={setBcc} />
        </Group>
        <TextInput
          size="xs"
          label={t('composer.subject')}
          placeholder={`${mode === 'forward' ? 'Fwd' : 'Re'}: ${conversation.subject}`}
          value={subject}
          onChange={(e) => setSubject(e.currentTarget.value)}
          data-testid="composer-subject"
        />
        <Textarea
          label={t('composer.text')}
          value={text}
          onChange={(e) => setText(e.currentTarget.value)}
          onKeyDown={(e) => {
            if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
              e.preventDefault();
              submit();
            }
          }}
          autosize
          minRows={5}
          data-testid="composer-text"
        />
        {left.length > 0 && (
          <Text size="xs" c="orange" data-testid="composer-unfilled">
            {t('composer.unfilled', { list: left.join(', ') })}
          </Text>
        )}
        <Group justify="space-between" align="flex-start">
          <Stack gap={0}>
            <Text size="xs" c="dimmed">
              {t('composer.signature')}
            </Text>
            <Text size="xs" style={{ whiteSpace: 'pre-wrap' }} data-testid="composer-signature">
              {conversation.signature ?? t('composer.noSignature')}
            </Text>
            <Button size="compact-xs" variant="subtle" px={0} onClick={() => setEditingSignature(true)}>
              {t('composer.editSignature')}
            </Button>
          </Stack>
          <Text size="xs" c="dimmed">
            {mode === 'forward' ? t('composer.attachmentsNote') : ''}
          </Text>
        </Group>
        <FormError
          message={send.error || insert.error ? errorMessage(appT, send.error ?? insert.error) : null}
        />
        {notice && (
          <Alert color={text ? 'yellow' : 'green'} variant="light" data-testid="composer-notice">
            {notice}
          </Alert>
        )}
        <Group justify="space-between">
          <Checkbox
            label={t('composer.wait')}
            checked={wait}
            onChange={(e) => setWait(e.currentTarget.checked)}
            data-testid="composer-wait"
          />
          <Group gap="xs">
            {onEnd && (
              <Button variant="default" onClick={onEnd} data-testid="email-end">
                {t('composer.end')}
              </Button>
            )}
            <Button onClick={submit} loading={send.isPending} data-testid="composer-send">
              {t('composer.send')}
            </Button>
          </Group>
        </Group>
      </Stack>
      {editingSignature && (
        <SignatureModal
          onClose={() => {
            setEditingSignature(false);
            void client.invalidateQueries({ queryKey: emailKeys.conversation(conversation.interactionId) });
          }}
        />
      )}
    </Paper>
  );
}

/** A list of addresses, typed and split on comma, space or semicolon. */
function Recipients(p: { label: string; value: string[]; onChange: (v: string[]) => void; testId?: string }) {
  return (
    <TagsInput
      size="xs"
      label={p.label}
      value={p.value}
      onChange={p.onChange}
      splitChars={[',', ' ', ';']}
      data-testid={p.testId}
    />
  );
}
