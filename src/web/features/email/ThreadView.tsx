/**
 * Every message of an e-mail conversation, oldest first: sender and recipients, the new text with the
 * quoted history folded, the sanitised HTML in a sandboxed frame (remote images only on request), and
 * attachments. Customer HTML is never put into this page's DOM.
 */
import { Anchor, Badge, Button, Collapse, Group, Paper, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useDateTime } from '../../ui/format.ts';
import { useSession } from '../auth/session.tsx';
import { attachmentUrl, type EmailMessage, frameUrl } from './api.ts';
import { useEmailT } from './i18n.ts';

export function ThreadView({ messages }: { messages: EmailMessage[] }) {
  const t = useEmailT();
  if (messages.length === 0) return <Text c="dimmed">{t('thread.noMessages')}</Text>;
  return (
    <Stack gap="sm" data-testid="email-thread">
      {messages.map((m) => (
        <MessageCard key={m.id} message={m} />
      ))}
    </Stack>
  );
}

const kb = (size: number) => (size < 1024 ? `${size} B` : `${Math.round(size / 1024)} KB`);

function MessageCard({ message: m }: { message: EmailMessage }) {
  const t = useEmailT();
  const when = useDateTime(useSession().workspace.timeZone);
  const [quoted, setQuoted] = useState(false);
  const [html, setHtml] = useState(m.hasHtml);
  const [images, setImages] = useState(false);
  const files = m.attachments.filter((a) => !a.inline);
  const inbound = m.direction === 'inbound';
  return (
    <Paper
      withBorder
      p="sm"
      radius="md"
      bg={inbound ? undefined : 'var(--mantine-color-blue-light)'}
      data-testid="email-message"
      data-direction={m.direction}
    >
      <Group justify="space-between" align="flex-start" wrap="nowrap">
        <Stack gap={0}>
          <Text fw={600} size="sm">
            {m.from.name ? `${m.from.name} <${m.from.address}>` : m.from.address}
          </Text>
          <Text size="xs" c="dimmed">
            {t('thread.to')}: {m.to.join(', ')}
            {m.cc.length > 0 && ` · ${t('thread.cc')}: ${m.cc.join(', ')}`}
            {m.bcc.length > 0 && ` · ${t('thread.bcc')}: ${m.bcc.join(', ')}`}
          </Text>
        </Stack>
        <Group gap={4} wrap="nowrap">
          {m.kind === 'ack' && <Badge variant="light">{t('thread.ack')}</Badge>}
          {m.bounce && (
            <Badge color="red" variant="light">
              {t('thread.bounce')}
            </Badge>
          )}
          {m.automated && !m.bounce && m.kind !== 'ack' && (
            <Badge color="gray" variant="light">
              {t('thread.automated')}
            </Badge>
          )}
          <Text size="xs" c="dimmed">
            {when(m.sentAt ?? m.createdAt)}
          </Text>
        </Group>
      </Group>
      <Text size="sm" fw={500} mt={6}>
        {m.subject}
      </Text>
      {html ? (
        <Stack gap={4} mt="xs">
          <iframe
            title={m.subject}
            src={frameUrl(m.id, images, t('thread.quoted'))}
            // No scripts ever; same origin only so inline images load with the session.
            sandbox="allow-same-origin allow-popups allow-popups-to-escape-sandbox"
            referrerPolicy="no-referrer"
            style={{ width: '100%', height: 280, border: 0, resize: 'vertical', background: 'white' }}
            data-testid="email-frame"
          />
          <Group gap="xs">
            {!images && (
              <Button
                size="compact-xs"
                variant="subtle"
                onClick={() => setImages(true)}
                data-testid="email-images"
              >
                {t('thread.images')}
              </Button>
            )}
            <Button size="compact-xs" variant="subtle" onClick={() => setHtml(false)}>
              {t('thread.showText')}
            </Button>
          </Group>
        </Stack>
      ) : (
        <>
          <Text size="sm" mt="xs" style={{ whiteSpace: 'pre-wrap' }} data-testid="email-text">
            {m.text}
          </Text>
          {m.quoted && (
            <>
              <Button
                size="compact-xs"
                variant="subtle"
                mt={4}
                onClick={() => setQuoted((q) => !q)}
                data-testid="email-quoted-toggle"
              >
                {quoted ? t('thread.hideQuoted') : t('thread.quoted')}
              </Button>
              <Collapse expanded={quoted}>
                <Text
                  size="xs"
                  c="dimmed"
                  style={{ whiteSpace: 'pre-wrap' }}
                  pl="sm"
                  data-testid="email-quoted"
                >
                  {m.quoted}
                </Text>
              </Collapse>
            </>
          )}
          {m.hasHtml && (
            <Button size="compact-xs" variant="subtle" onClick={() => setHtml(true)}>
              {t('thread.showHtml')}
            </Button>
          )}
        </>
      )}
      {files.length > 0 && (
        <Group gap="xs" mt="xs" data-testid="email-attachments">
          <Text size="xs" c="dimmed">
            {t('thread.attachments')}:
          </Text>
          {files.map((a) =>
            a.skipped ? (
              <Text key={a.id} size="xs" c="dimmed">
                {t('thread.skipped', { name: a.filename ?? a.contentType, reason: a.skipped })}
              </Text>
            ) : (
              <Anchor key={a.id} size="xs" href={attachmentUrl(a.id)} target="_blank" rel="noopener">
                {a.filename ?? a.contentType} ({kb(a.size)})
              </Anchor>
            ),
          )}
        </Group>
      )}
    </Paper>
  );
}
