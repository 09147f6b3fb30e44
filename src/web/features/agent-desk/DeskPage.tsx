/**
 * The agent desk: state and capacity, offers that pop with a chime and a countdown, one tab per chat
 * with unread counts, the customer panel beside it, the call-back list, and a slot for suggestions.
 */
import { Alert, Badge, Grid, Stack, Tabs, Text } from '@mantine/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { lazy, Suspense, useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { DomainEvent } from '../../api/types.ts';
import { PageHeader } from '../../ui/PageHeader.tsx';
import { useSession } from '../auth/session.tsx';
import { AssistPanel } from './AssistPanel.tsx';
import { type AgentStatus, type ChatHistory, type ChatMessage, deskApi, type Offer } from './api.ts';
import { CallbackPane } from './CallbackPane.tsx';
import { CallbacksPanel } from './CallbacksPanel.tsx';
import { ChatPane, chatKey } from './ChatPane.tsx';
import { CustomerPanel } from './CustomerPanel.tsx';
import { TransferDialog, WrapUpDialog } from './Dialogs.tsx';
import { mergeMessage, missesMessages } from './history.ts';
import { useDeskT } from './i18n.ts';
import { OfferCard } from './OfferCard.tsx';
import { offersAfter } from './offers.ts';
import { StateBar } from './StateBar.tsx';
import { useDeskFeed } from './useDeskFeed.ts';

// E-mail work loads when the first e-mail is opened.
const EmailWork = lazy(() => import('../email/EmailWork.tsx').then((m) => ({ default: m.EmailWork })));

export function DeskPage() {
  const t = useDeskT();
  const me = useSession();
  const queryClient = useQueryClient();
  const [status, setStatus] = useState<AgentStatus>('offline');
  const [offers, setOffers] = useState<Offer[]>([]);
  // Events and clicks change the offers between renders: each change starts from the last one.
  const shownOffers = useRef(offers);
  const showOffers = useCallback((list: Offer[]) => {
    shownOffers.current = list;
    setOffers(list);
  }, []);
  const [tab, setTab] = useState<string | null>('callbacks');
  const [unread, setUnread] = useState<Record<string, number>>({});
  const [typing, setTyping] = useState<Record<string, number>>({});
  const [transferring, setTransferring] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [withdrawn, setWithdrawn] = useState<string | null>(null);
  const onError = useCallback((e: Error) => setError(e.message), []);

  useEffect(() => {
    deskApi.myState().then((s) => setStatus(s.status), onError);
  }, [onError]);
  const mine = useQuery({
    queryKey: ['desk', 'mine'],
    queryFn: () => deskApi.mine(me.id),
    refetchInterval: 15_000,
  });
  // The agent's work in tabs: its chats and the call-backs it accepted.
  const work = useMemo(
    () =>
      (mine.data?.items ?? []).filter(
        (i) =>
          (i.channel === 'chat' || i.channel === 'callback') &&
          (i.state === 'active' || i.state === 'wrap_up') &&
          i.agentId === me.id,
      ),
    [mine.data, me.id],
  );
  const emails = useMemo(
    () =>
      (mine.data?.items ?? []).filter(
        (i) =>
          i.channel === 'email' && (i.state === 'active' || i.state === 'wrap_up') && i.agentId === me.id,
      ),
    [mine.data, me.id],
  );
  const chats = useMemo(() => work.filter((i) => i.channel === 'chat'), [work]);
  const wrapping = [...chats, ...emails].find((c) => c.state === 'wrap_up');
  const [drafts, setDrafts] = useState<Record<string, string>>({});
  const setDraft = (id: string, draft: string) => setDrafts((d) => ({ ...d, [id]: draft }));

  const onEvent = useCallback(
    (event: DomainEvent) => {
      const p = event.payload as Record<string, unknown>;
      const next = offersAfter(shownOffers.current, event, me.id);
      if (next.offers !== shownOffers.current) showOffers(next.offers);
      // Withdrawn by the agent's own change of state: the state bar says so.
      if (next.revoked && next.revoked !== 'agentUnavailable')
        setWithdrawn(t(`offer.revoked.${next.revoked}`));
      if (event.type.startsWith('interaction.') || event.type === 'agent.status_changed') {
        if (event.type === 'agent.status_changed' && p.agentId === me.id) setStatus(p.status as AgentStatus);
        void queryClient.invalidateQueries({ queryKey: ['desk', 'mine'] });
      } else if (event.type === 'chat.message' && event.subjectId) {
        const id = event.subjectId;
        const message = p as unknown as ChatMessage;
        // A message that comes before the history (right after the accept) or after a gap has nothing
        // to merge into: fetch again, after the message was stored, so it cannot fall between the two.
        if (missesMessages(queryClient.getQueryData<ChatHistory>(chatKey(id)), message))
          void queryClient.invalidateQueries({ queryKey: chatKey(id) });
        queryClient.setQueryData(chatKey(id), (h: ChatHistory | undefined) => mergeMessage(h, message));
        if (p.direction === 'inbound') {
          // The message has reached the desk: the visitor sees it delivered (read comes when the tab shows it).
          if (message.seq !== null) void deskApi.delivered(id, message.seq).catch(() => undefined);
          setTyping((m) => ({ ...m, [id]: 0 }));
          setUnread((u) => (tab === id ? u : { ...u, [id]: (u[id] ?? 0) + 1 }));
        }
      } else if (event.type === 'chat.typing' && p.by === 'visitor' && event.subjectId) {
        setTyping((m) => ({ ...m, [event.subjectId!]: Date.now() + 4000 }));
      } else if (event.type === 'chat.receipt' && p.by === 'agent' && p.kind === 'delivered') {
        // The desk's own delivery acknowledgement: nothing the desk shows changes.
      } else if ((event.type === 'chat.receipt' || event.type === 'chat.state') && event.subjectId) {
        void queryClient.invalidateQueries({ queryKey: chatKey(event.subjectId) });
      }
    },
    [me.id, queryClient, tab, t, showOffers],
  );
  useDeskFeed(
    me.id,
    chats.map((c) => c.id),
    onEvent,
  );
  useEffect(() => {
    const timer = setInterval(() => setTyping((m) => ({ ...m })), 1000);
    return () => clearInterval(timer);
  }, []);

  const accept = async (offer: Offer) => {
    setWithdrawn(null);
    showOffers(shownOffers.current.filter((o) => o.interactionId !== offer.interactionId));
    try {
      await deskApi.accept(offer.interactionId);
      if (offer.channel === 'chat') await deskApi.join(offer.interactionId);
      await mine.refetch();
      setTab(offer.interactionId);
    } catch (e) {
      onError(e as Error);
    }
  };
  const decline = (offer: Offer) => {
    showOffers(shownOffers.current.filter((o) => o.interactionId !== offer.interactionId));
    deskApi.decline(offer.interactionId).catch(onError);
  };
  const selected = [...work, ...emails].find((c) => c.id === tab);
  const open = (id: string | null) => {
    setTab(id);
    if (id) setUnread((u) => ({ ...u, [id]: 0 }));
  };

  return (
    <Stack>
      <PageHeader title={t('title')} />
      <StateBar
        status={status}
        onStatus={setStatus}
        activeChats={chats.length}
        activeCalls={work.length - chats.length}
        onError={onError}
      />
      {error && (
        <Alert color="red" withCloseButton onClose={() => setError(null)}>
          {t('error', { message: error })}
        </Alert>
      )}
      {notice && (
        <Alert color="green" withCloseButton onClose={() => setNotice(null)} data-testid="desk-notice">
          {notice}
        </Alert>
      )}
      {withdrawn && (
        <Alert
          color="yellow"
          withCloseButton
          onClose={() => setWithdrawn(null)}
          data-testid="offer-withdrawn"
        >
          {withdrawn}
        </Alert>
      )}
      {offers[0] && (
        <OfferCard
          key={offers[0].interactionId}
          offer={offers[0]}
          onAccept={() => void accept(offers[0]!)}
          onDecline={() => decline(offers[0]!)}
        />
      )}
      <Grid>
        <Grid.Col span={{ base: 12, md: 8 }}>
          <Tabs value={tab} onChange={open} keepMounted={false}>
            <Tabs.List>
              {work.map((c) => (
                <Tabs.Tab
                  key={c.id}
                  value={c.id}
                  data-testid="chat-tab"
                  rightSection={
                    unread[c.id] ? (
                      <Badge size="xs" color="red">
                        {unread[c.id]}
                      </Badge>
                    ) : null
                  }
                >
                  {c.channel === 'callback' ? '☎ ' : ''}
                  {String(
                    (c.attributes.fields as Record<string, string> | undefined)?.name ??
                      c.attributes.phone ??
                      c.subject ??
                      c.id.slice(0, 8),
                  ).slice(0, 24)}
                </Tabs.Tab>
              ))}
              {emails.map((e) => (
                <Tabs.Tab key={e.id} value={e.id} data-testid="email-tab">
                  ✉ {(e.subject ?? e.id.slice(0, 8)).slice(0, 24)}
                </Tabs.Tab>
              ))}
              <Tabs.Tab value="callbacks">{t('tabs.callbacks')}</Tabs.Tab>
            </Tabs.List>
            {work.map((c) => (
              <Tabs.Panel key={c.id} value={c.id} pt="sm">
                {c.channel === 'callback' ? (
                  <CallbackPane interaction={c} onDone={() => void mine.refetch()} onError={onError} />
                ) : (
                  <ChatPane
                    id={c.id}
                    customerId={c.customerId}
                    customerName={String(
                      (c.attributes.fields as Record<string, string> | undefined)?.name ?? '',
                    )}
                    typing={(typing[c.id] ?? 0) > Date.now()}
                    draft={drafts[c.id] ?? ''}
                    onDraft={(draft) => setDraft(c.id, draft)}
                    onEnd={() => deskApi.close(c.id).then(() => mine.refetch(), onError)}
                    onTransfer={() => setTransferring(c.id)}
                    onError={onError}
                  />
                )}
              </Tabs.Panel>
            ))}
            {emails.map((e) => (
              <Tabs.Panel key={e.id} value={e.id} pt="sm">
                <Suspense>
                  <EmailWork
                    interactionId={e.id}
                    onEnd={() => deskApi.end(e.id).then(() => mine.refetch(), onError)}
                    onSent={setNotice}
                  />
                </Suspense>
              </Tabs.Panel>
            ))}
            <Tabs.Panel value="callbacks" pt="sm">
              <CallbacksPanel onError={onError} />
            </Tabs.Panel>
          </Tabs>
          {work.length + emails.length === 0 && (
            <Text c="dimmed" size="sm" mt="sm">
              {t('tabs.empty')}
            </Text>
          )}
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 4 }}>
          <Stack>
            {selected?.customerId && <CustomerPanel customerId={selected.customerId} />}
            {/* The assist slot: suggested answers and the script, for the selected interaction. */}
            <div data-slot="desk-assist" data-interaction={selected?.id ?? ''}>
              {selected ? (
                <AssistPanel
                  interaction={selected}
                  onInsert={
                    selected.channel === 'chat'
                      ? (passage) => setDraft(selected.id, joinDraft(drafts[selected.id] ?? '', passage))
                      : null
                  }
                />
              ) : (
                <Text size="xs" c="dimmed">
                  {t('assist.idle')}
                </Text>
              )}
            </div>
          </Stack>
        </Grid.Col>
      </Grid>
      {transferring && (
        <TransferDialog
          id={transferring}
          onClose={() => setTransferring(null)}
          onDone={() => {
            setTransferring(null);
            void mine.refetch();
          }}
          onError={onError}
        />
      )}
      {wrapping && <WrapUpDialog id={wrapping.id} onDone={() => void mine.refetch()} onError={onError} />}
    </Stack>
  );
}

/** A suggested passage added to what the agent has written, on a line of its own. */
const joinDraft = (draft: string, passage: string) =>
  draft.trim() ? `${draft.trimEnd()}\n${passage}` : passage;
