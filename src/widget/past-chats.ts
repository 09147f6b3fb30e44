/**
 * The visitor's conversations: a verified visitor sees those of every device with the same identity,
 * an anonymous one those of this browser's token (the server decides). A finished one opens read-only
 * with its messages; one still going opens live.
 */

import { api, type Conversation, type Message } from './api.ts';
import { attachmentView } from './chat-view.ts';
import { clear, h } from './dom.ts';
import { language, t } from './i18n.ts';
import { pastConversations } from './past-list.ts';

type History = { conversation: Conversation; messages: Message[] };

const when = (iso: string) =>
  new Date(iso).toLocaleString(language(), { dateStyle: 'medium', timeStyle: 'short' });

export async function pastChats(root: HTMLElement, openLive: (id: string, history: History) => void) {
  clear(root);
  const { items } = await api<{ items: Conversation[] }>('GET', '/chat/visitor/conversations');
  const rows = pastConversations(items);
  if (rows.length === 0) {
    root.append(h('p', { class: 'empty' }, t('noChats')));
    return;
  }
  const failed = (e: Error) => root.append(h('p', { class: 'problem' }, t('error', { message: e.message })));
  const open = async (id: string) => {
    const history = await api<History>('GET', `/chat/visitor/conversations/${id}/messages`);
    if (history.conversation.open) openLive(id, history);
    else transcript(root, history);
  };
  root.append(
    h(
      'ul',
      { class: 'requests past-chats' },
      ...rows.map((c) =>
        h(
          'li',
          {},
          h(
            'button',
            { type: 'button', class: 'link', onclick: () => void open(c.id).catch(failed) },
            when(c.createdAt),
          ),
          ' · ',
          t(c.open ? 'chatOngoing' : 'chatEnded'),
        ),
      ),
    ),
  );
}

/** A finished conversation, read-only: its messages as typed, with their files. */
function transcript(root: HTMLElement, { conversation, messages }: History) {
  const files = new Map<string, Promise<string>>();
  clear(root);
  root.append(
    h('p', { class: 'hint' }, t('chatOf', { date: when(conversation.createdAt) })),
    h(
      'div',
      { class: 'messages readonly', role: 'log' },
      ...messages.map((m) =>
        h(
          'div',
          { class: `msg ${m.direction === 'inbound' ? 'me' : 'them'}` },
          h('div', { class: 'bubble' }, m.body, ...m.attachments.map((a) => attachmentView(a, files))),
          h('div', { class: 'meta' }, when(m.createdAt)),
        ),
      ),
    ),
    h('p', { class: 'hint' }, t('ended')),
  );
}
