/**
 * The live chat: messages in sequence order, each with its status (sending, sent, delivered, read);
 * delivered once the desk acknowledges it has the message, read once the agent has seen it;
 * unsent messages wait in an outbox kept across page loads and are retried with their own client id,
 * so the server stores each once. Typing, emoji, files, end of chat, rating and transcript.
 */

import {
  ApiError,
  api,
  type Conversation,
  clientId,
  fileUrl,
  type Message,
  openFeed,
  type SocketEvent,
} from './api.ts';
import { clear, h } from './dom.ts';
import { t } from './i18n.ts';
import { applyAgentReceipt, ownStatus } from './status.ts';
import { store } from './storage.ts';

const EMOJI = ['😀', '😊', '😂', '😍', '👍', '🙏', '👏', '🎉', '😢', '😡', '❤️', '✅'];

interface Pending {
  clientId: string;
  body: string;
  attachmentIds: string[];
}

/** A message's file: an image or a download link, its bytes fetched once per `cache` with the token. */
export function attachmentView(a: Message['attachments'][number], cache: Map<string, Promise<string>>) {
  const link = a.contentType.startsWith('image/')
    ? h('img', { alt: a.fileName, class: 'thumb' })
    : h('a', { download: a.fileName }, `📎 ${a.fileName}`);
  if (!cache.has(a.id)) cache.set(a.id, fileUrl(a.id));
  void cache
    .get(a.id)!
    .then((url) => link.setAttribute(link instanceof HTMLImageElement ? 'src' : 'href', url));
  return link;
}

export function chatView(
  root: HTMLElement,
  conversationId: string,
  initial: { conversation: Conversation; messages: Message[] },
  onUnread: (n: number) => void,
) {
  const outboxKey = `atiende:outbox:${conversationId}`;
  const bySeq = new Map<number, Message>();
  let conversation = initial.conversation;
  const outbox: Pending[] = JSON.parse(store.get(outboxKey) ?? '[]');
  let typingUntil = 0;
  let agentName = '';
  let visible = true;
  let unread = 0;
  /** What the footer was last drawn for: the composer while open, the rating once ended. */
  let footerOpen: boolean | null = null;
  /** The last send problem, shown until a send succeeds. */
  let problem = '';

  const list = h('div', { class: 'messages', role: 'log', 'aria-live': 'polite' });
  const typing = h('div', { class: 'typing' });
  const input = h('textarea', { rows: '2', placeholder: t('placeholder'), 'aria-label': t('placeholder') });
  const fileInput = h('input', {
    type: 'file',
    hidden: true,
    accept: 'image/png,image/jpeg,image/gif,image/webp,application/pdf,text/plain',
  });
  const emojiBar = h(
    'div',
    { class: 'emoji', hidden: true },
    ...EMOJI.map((e) => h('button', { type: 'button', onclick: () => insert(e) }, e)),
  );
  const footer = h('div', { class: 'footer' });

  const insert = (text: string) => {
    input.value += text;
    input.focus();
  };
  const save = () => store.set(outboxKey, JSON.stringify(outbox));

  function statusOf(m: Message): string {
    if (m.direction !== 'inbound' || m.seq === null) return '';
    return t(ownStatus(m.seq, conversation));
  }

  /** Object URLs of attachments, fetched once each (the token travels in a header). */
  const fileUrls = new Map<string, Promise<string>>();
  const attachment = (a: Message['attachments'][number]) => attachmentView(a, fileUrls);

  /**
   * Redraws the messages and the typing line, synchronously and in one swap. The composer is left alone:
   * an event arriving while the visitor types (the agent typing, a receipt) must not take the focus away
   * from it, nor swallow the key the visitor is pressing.
   */
  function render() {
    const messages = [...bySeq.values()].sort((a, b) => (a.seq ?? 0) - (b.seq ?? 0));
    const rows = messages.map((m) =>
      h(
        'div',
        { class: `msg ${m.direction === 'inbound' ? 'me' : 'them'}`, 'data-seq': String(m.seq) },
        h('div', { class: 'bubble' }, m.body, ...m.attachments.map(attachment)),
        h(
          'div',
          { class: 'meta' },
          `${new Date(m.createdAt).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' })} ${statusOf(m)}`,
        ),
      ),
    );
    const pending = outbox.map((p) =>
      h(
        'div',
        { class: 'msg me pending' },
        h('div', { class: 'bubble' }, p.body),
        h('div', { class: 'meta' }, t('sending')),
      ),
    );
    list.replaceChildren(...rows, ...pending);
    typing.textContent = problem || (typingUntil > Date.now() ? t('typing') : '');
    // The footer first: the rating that replaces the composer changes the list's height.
    if (footerOpen !== conversation.open) renderFooter();
    list.scrollTop = list.scrollHeight;
  }

  function renderFooter() {
    footerOpen = conversation.open;
    clear(footer);
    if (conversation.open) {
      footer.append(
        emojiBar,
        h(
          'div',
          { class: 'compose' },
          h(
            'button',
            {
              type: 'button',
              title: t('emoji'),
              'aria-label': t('emoji'),
              onclick: () => (emojiBar.hidden = !emojiBar.hidden),
            },
            '😊',
          ),
          h(
            'button',
            {
              type: 'button',
              title: t('attach'),
              'aria-label': t('attach'),
              onclick: () => fileInput.click(),
            },
            '📎',
          ),
          input,
          h('button', { type: 'button', class: 'primary', onclick: () => void submit() }, t('send')),
        ),
        h('button', { type: 'button', class: 'link', onclick: () => void end() }, t('endChat')),
      );
      return;
    }
    const email = h('input', { type: 'email', placeholder: t('email'), 'aria-label': t('email') });
    const note = h('div', { class: 'note' });
    footer.append(
      h('p', {}, t('ended')),
      h('p', {}, t('rate')),
      h(
        'div',
        { class: 'stars' },
        ...[1, 2, 3, 4, 5].map((n) =>
          h(
            'button',
            {
              type: 'button',
              'aria-label': `${n}`,
              onclick: () =>
                void api('POST', `/chat/visitor/conversations/${conversationId}/rating`, { rating: n }).then(
                  () => (note.textContent = t('thanks')),
                ),
            },
            '★',
          ),
        ),
      ),
      h(
        'div',
        { class: 'row' },
        email,
        h(
          'button',
          {
            type: 'button',
            onclick: () =>
              void api('POST', `/chat/visitor/conversations/${conversationId}/transcript`, {
                email: email.value,
              }).then(
                () => (note.textContent = t('transcriptSent')),
                (e: Error) => (note.textContent = t('error', { message: e.message })),
              ),
          },
          t('transcript'),
        ),
      ),
      note,
    );
  }

  /**
   * Sends the outbox in order, one flush at a time: two loops over the same outbox would each shift it
   * after their send and drop a message that was never sent.
   */
  let flushing = false;
  /** Over the socket while it is up (one request less per message), else over HTTP; the same client id either way. */
  const deliver = (p: Pending): Promise<Message> =>
    feed?.send(p) ??
    api<Message>('POST', `/chat/visitor/conversations/${conversationId}/messages`, {
      clientId: p.clientId,
      body: p.body,
      attachmentIds: p.attachmentIds,
    });
  async function flush() {
    if (flushing) return;
    flushing = true;
    try {
      while (outbox.length > 0) {
        const p = outbox[0]!;
        try {
          const m = await deliver(p);
          if (m.seq !== null) bySeq.set(m.seq, m);
          conversation.lastSeq = Math.max(conversation.lastSeq, m.seq ?? 0);
          problem = '';
        } catch (e) {
          // A 4xx will not get better by retrying: drop it and say so. Anything else is retried later.
          if (e instanceof ApiError && e.status < 500 && e.status !== 429) {
            problem = t('error', { message: e.message });
          } else {
            problem = t('failed');
            render();
            setTimeout(() => void flush(), 2000);
            return;
          }
        }
        outbox.shift();
        save();
        render();
      }
    } finally {
      flushing = false;
    }
  }

  async function submit() {
    const body = input.value.trim();
    if (!body) return;
    input.value = '';
    outbox.push({ clientId: clientId(), body, attachmentIds: [] });
    save();
    render();
    await flush();
  }

  fileInput.addEventListener('change', async () => {
    const file = fileInput.files?.[0];
    if (!file) return;
    try {
      const up = await api<{ id: string }>(
        'POST',
        `/chat/visitor/attachments?fileName=${encodeURIComponent(file.name)}`,
        undefined,
        { type: file.type, data: file },
      );
      outbox.push({ clientId: clientId(), body: '', attachmentIds: [up.id] });
      save();
      await flush();
    } catch (e) {
      problem = t('error', { message: (e as Error).message });
      render();
    }
    fileInput.value = '';
  });

  let lastTyping = 0;
  input.addEventListener('input', () => {
    if (Date.now() - lastTyping < 2500) return;
    lastTyping = Date.now();
    void api('POST', `/chat/visitor/conversations/${conversationId}/typing`).catch(() => undefined);
  });
  input.addEventListener('keydown', (e) => {
    if (e.key === 'Enter' && !e.shiftKey) {
      e.preventDefault();
      void submit();
    }
  });

  async function end() {
    await api('POST', `/chat/visitor/conversations/${conversationId}/close`);
    conversation = { ...conversation, open: false };
    render();
  }

  /** Tells the agent what the visitor has seen: read when the widget is open, delivered otherwise. */
  function acknowledge() {
    const last = Math.max(0, ...bySeq.keys());
    if (visible) {
      unread = 0;
      void api('POST', `/chat/visitor/conversations/${conversationId}/receipts`, {
        kind: 'read',
        seq: last,
      }).catch(() => undefined);
    } else
      void api('POST', `/chat/visitor/conversations/${conversationId}/receipts`, {
        kind: 'delivered',
        seq: last,
      }).catch(() => undefined);
    onUnread(unread);
  }

  function onEvent(e: SocketEvent) {
    const p = e.payload;
    if (e.type === 'chat.message') {
      const m = p as unknown as Message;
      if (m.seq !== null && !bySeq.has(m.seq)) {
        bySeq.set(m.seq, m);
        if (m.direction === 'outbound') {
          typingUntil = 0;
          if (!visible) unread++;
          acknowledge();
        }
      }
    } else if (e.type === 'chat.receipt' && p.by === 'agent') {
      conversation = applyAgentReceipt(conversation, p.kind, Number(p.seq));
    } else if (e.type === 'chat.typing' && p.by === 'agent') {
      typingUntil = Date.now() + 4000;
      setTimeout(render, 4100);
    } else if (e.type === 'chat.state') {
      if (p.state === 'agent_joined') {
        agentName = String(p.agentName ?? '');
        banner.textContent = t('joined', { name: agentName });
      }
      if (p.state === 'closed') conversation = { ...conversation, open: false };
    }
    render();
  }

  const banner = h('div', { class: 'banner' }, t('waiting'));
  const offline = h('div', { class: 'offline', hidden: true }, '…');
  clear(root);
  root.append(banner, offline, list, typing, fileInput, footer);
  for (const m of initial.messages) if (m.seq !== null) bySeq.set(m.seq, m);
  render();
  let feed: ReturnType<typeof openFeed> | null = null;
  void flush();
  feed = openFeed(conversationId, onEvent, (up) => {
    offline.hidden = up;
    if (up) void flush();
    // After a reconnect, fetch anything newer than we hold (the feed replays too; duplicates merge by seq).
    if (up)
      void api<{ conversation: Conversation; messages: Message[] }>(
        'GET',
        `/chat/visitor/conversations/${conversationId}/messages?afterSeq=0`,
      ).then((r) => {
        conversation = r.conversation;
        for (const m of r.messages) if (m.seq !== null) bySeq.set(m.seq, m);
        acknowledge();
        render();
      });
  });
  return {
    setVisible(v: boolean) {
      visible = v;
      if (v) acknowledge();
    },
    close: () => feed?.close(),
  };
}
