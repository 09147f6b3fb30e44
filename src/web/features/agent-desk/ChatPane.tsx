/**
 * One conversation: the customer's history on every channel, then this chat's messages (internal notes
 * marked), a composer with canned responses (`/shortcut`, Tab inserts), notes, transfer and end.
 */
import { Alert, Badge, Button, Group, Paper, ScrollArea, Stack, Switch, Text, Textarea } from '@mantine/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { QueryView } from '../../ui/QueryView.tsx';
import { useSession } from '../auth/session.tsx';
import { type ChatHistory, type ChatMessage, deskApi, newClientId } from './api.ts';
import { CustomerHistory } from './CustomerPanel.tsx';
import { cannedQuery, fillCanned } from './canned.ts';
import { mergeFetched } from './history.ts';
import { useDeskT } from './i18n.ts';

export const chatKey = (id: string) => ['desk', 'chat', id] as const;

export function ChatPane({
  id,
  customerId,
  customerName,
  typing,
  draft,
  onDraft,
  onEnd,
  onTransfer,
  onError,
}: {
  id: string;
  customerId: string | null;
  customerName: string;
  typing: boolean;
  /** The reply being written; kept by the desk, so suggestions can insert into it and tabs keep it. */
  draft: string;
  onDraft: (draft: string) => void;
  onEnd: () => void;
  onTransfer: () => void;
  onError: (e: Error) => void;
}) {
  const t = useDeskT();
  const me = useSession();
  const queryClient = useQueryClient();
  const history = useQuery({
    queryKey: chatKey(id),
    queryFn: async () =>
      mergeFetched(queryClient.getQueryData<ChatHistory>(chatKey(id)), await deskApi.history(id)),
    // Live events keep it current; a periodic fetch recovers anything a reconnect or a failed fetch missed.
    refetchInterval: 5_000,
  });
  const [internal, setInternal] = useState(false);
  const query = cannedQuery(draft);
  const canned = useQuery({
    queryKey: ['desk', 'canned', query],
    queryFn: () => deskApi.canned(query ?? ''),
    enabled: query !== null,
  });
  const viewport = useRef<HTMLDivElement>(null);
  const lastTyping = useRef(0);

  const lastSeq = history.data?.conversation.lastSeq ?? 0;
  useEffect(() => {
    viewport.current?.scrollTo({ top: viewport.current.scrollHeight });
    if (lastSeq > 0) void deskApi.read(id, lastSeq).catch(() => undefined);
  }, [id, lastSeq]);

  const send = async () => {
    const body = draft.trim();
    if (!body) return;
    onDraft('');
    try {
      await deskApi.send(id, { clientId: newClientId(), body, ...(internal ? { internal: true } : {}) });
      await history.refetch();
    } catch (e) {
      onDraft(body);
      onError(e as Error);
    }
  };
  const pick = (body: string) => onDraft(fillCanned(body, { customerName, agentName: me.name }));
  const statusOf = (m: ChatMessage, c: ChatHistory['conversation']) =>
    m.direction !== 'outbound' || m.seq === null
      ? ''
      : c.visitorReadSeq >= m.seq
        ? t('chat.read')
        : c.visitorDeliveredSeq >= m.seq
          ? t('chat.delivered')
          : t('chat.sent');

  return (
    <Stack gap="xs" h="100%">
      <ScrollArea h={420} viewportRef={viewport} type="auto">
        {customerId && <CustomerHistory customerId={customerId} />}
        <QueryView query={history}>
          {(h) => (
            <Stack gap={6} mt="sm" data-testid="chat-messages">
              {h.messages.map((m) => (
                <Paper
                  key={m.id}
                  p="xs"
                  radius="md"
                  withBorder={m.direction === 'internal'}
                  bg={
                    m.direction === 'inbound' ? 'gray.1' : m.direction === 'internal' ? 'yellow.0' : 'blue.0'
                  }
                  style={{
                    alignSelf: m.direction === 'inbound' ? 'flex-start' : 'flex-end',
                    maxWidth: '80%',
                  }}
                  data-direction={m.direction}
                >
                  {m.direction === 'internal' && (
                    <Badge size="xs" color="yellow">
                      {t('chat.internal')}
                    </Badge>
                  )}
                  <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
                    {m.body}
                  </Text>
                  {m.attachments.map((a) => (
                    <a
                      key={a.id}
                      href={`/api/v1/chat/attachments/${a.id}`}
                      target="_blank"
                      rel="noreferrer noopener"
                    >
                      📎 {a.fileName}
                    </a>
                  ))}
                  <Text size="xs" c="dimmed">
                    {new Date(m.createdAt).toLocaleTimeString()} {statusOf(m, h.conversation)}
                  </Text>
                </Paper>
              ))}
              {!h.conversation.open && <Alert color="gray">{t('chat.closed')}</Alert>}
            </Stack>
          )}
        </QueryView>
      </ScrollArea>
      <Text size="xs" c="dimmed" h={16}>
        {typing ? t('chat.typing') : ''}
      </Text>
      {query !== null && canned.data && (
        <Paper withBorder p={4} data-testid="canned-list">
          {canned.data.items.map((c) => (
            <Button key={c.id} variant="subtle" size="compact-sm" onClick={() => pick(c.body)}>
              /{c.shortcut} · {c.title}
            </Button>
          ))}
        </Paper>
      )}
      <Textarea
        aria-label={t('chat.placeholder')}
        placeholder={t('chat.placeholder')}
        value={draft}
        autosize
        minRows={2}
        onChange={(e) => {
          onDraft(e.currentTarget.value);
          if (Date.now() - lastTyping.current > 2500) {
            lastTyping.current = Date.now();
            void deskApi.typing(id).catch(() => undefined);
          }
        }}
        onKeyDown={(e) => {
          if (e.key === 'Tab' && query !== null && canned.data?.items[0]) {
            e.preventDefault();
            pick(canned.data.items[0].body);
          } else if (e.key === 'Enter' && !e.shiftKey) {
            e.preventDefault();
            void send();
          }
        }}
        styles={internal ? { input: { background: 'var(--mantine-color-yellow-0)' } } : undefined}
      />
      <Group justify="space-between">
        <Switch
          label={t('chat.note')}
          checked={internal}
          onChange={(e) => setInternal(e.currentTarget.checked)}
        />
        <Group gap="xs">
          <Button variant="default" onClick={onTransfer}>
            {t('chat.transfer')}
          </Button>
          <Button variant="light" color="red" onClick={onEnd}>
            {t('chat.end')}
          </Button>
          <Button onClick={() => void send()}>{t('chat.send')}</Button>
        </Group>
      </Group>
    </Stack>
  );
}
