/**
 * The widget inside its iframe, on Atiende's origin. It talks to the host page only through postMessage,
 * always naming the host's origin (given in the URL, and guaranteed by the frame-ancestors policy).
 */

import { api, type Conversation, clientId, type Message, setToken } from './api.ts';
import { chatView } from './chat-view.ts';
import { clear, h } from './dom.ts';
import {
  callbackForm,
  leaveMessageForm,
  preChatForm,
  requestsList,
  serviceRequestForm,
  type WidgetConfig,
} from './forms.ts';
import { setLanguage, t } from './i18n.ts';
import { pastChats } from './past-chats.ts';
import { offerChanged, REFRESH_EVERY_MS, refreshOnOpen } from './refresh.ts';
import { searchBox } from './search.ts';
import { store } from './storage.ts';
import './widget.css';

const channel = document.body.dataset.channel ?? '';
const page = new URL(location.href).searchParams;
const hostOrigin = page.get('host') ?? '';
/** Opened as a page of its own (the help center's "still need help?"), not inside a host's iframe. */
const standalone = window.parent === window;
/** What that page asked for: chat, call-me or a service request, its language and what was searched. */
const askedLang = page.get('lang');
const asked = {
  mode: page.get('mode'),
  lang: askedLang === 'es' || askedLang === 'en' ? askedLang : null,
  q: page.get('q') ?? '',
};
const app = document.getElementById('app')!;
const tokenKey = `atiende:token:${channel}`;
const chatKey = `atiende:chat:${channel}`;
let chat: ReturnType<typeof chatView> | null = null;
/** The channel's settings as last read, and when; re-read every minute and when the widget is opened. */
let current: WidgetConfig | null = null;
let readAt = 0;
/** Draws the home screen's contact buttons again, while the home screen is showing. */
let redrawOffer: ((config: WidgetConfig) => void) | null = null;

const toHost = (message: unknown) => {
  if (hostOrigin && window.parent !== window) window.parent.postMessage(message, hostOrigin);
};

/** Waits for the host's identity and languages; a host that says nothing leaves the visitor anonymous. */
function fromHost(): Promise<{ identity: { customerId: string; signature: string } | null }> {
  if (standalone) return Promise.resolve({ identity: null });
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve({ identity: null }), 1500);
    window.addEventListener('message', (event) => {
      if (event.origin !== hostOrigin || event.source !== window.parent) return;
      const data = event.data as {
        type?: string;
        identity?: { customerId: string; signature: string } | null;
        visible?: boolean;
      };
      if (data.type === 'atiende:init') {
        clearTimeout(timer);
        resolve({ identity: data.identity ?? null });
      } else if (data.type === 'atiende:visible') {
        chat?.setVisible(Boolean(data.visible));
        if (data.visible && refreshOnOpen(readAt, Date.now())) void refresh();
      }
    });
    toHost({ type: 'atiende:ready' });
  });
}

async function session(identity: { customerId: string; signature: string } | null) {
  const key = identity ? `${tokenKey}:${identity.customerId}` : tokenKey;
  const saved = store.get(key);
  if (saved) {
    setToken(saved);
    return;
  }
  const s = await api<{ token: string }>('POST', '/chat/sessions', {
    channel,
    host: hostOrigin,
    ...(asked.lang ? { lang: asked.lang } : {}),
    ...(identity ? { identity } : {}),
  });
  store.set(key, s.token);
  setToken(s.token);
}

function shell(config: WidgetConfig, body: HTMLElement, back: boolean) {
  const header = h(
    'header',
    { style: `background:${config.colors.primary};color:${config.colors.text}` },
    back
      ? h(
          'button',
          { type: 'button', class: 'icon', 'aria-label': t('back'), onclick: () => home(current ?? config) },
          '←',
        )
      : null,
    config.logoUrl ? h('img', { src: config.logoUrl, alt: '', class: 'logo' }) : null,
    h('span', { class: 'name' }, config.name),
    standalone
      ? null
      : h(
          'button',
          {
            type: 'button',
            class: 'icon',
            'aria-label': t('close'),
            onclick: () => toHost({ type: 'atiende:close' }),
          },
          '×',
        ),
  );
  clear(app);
  app.append(header, h('main', {}, body));
  document.documentElement.style.setProperty('--primary', config.colors.primary);
}

function home(config: WidgetConfig) {
  chat?.close();
  chat = null;
  const body = h('div', { class: 'home' });
  const go = (render: (root: HTMLElement) => void) => () => openPage(config, render);
  // Only the contact buttons follow a refresh: a search being typed on the same screen stays as it is.
  const offer = h('div', { class: 'offer' }, ...contactButtons(config, go));
  redrawOffer = (next) => {
    config = next;
    offer.replaceChildren(...contactButtons(next, go));
  };
  body.append(
    h('p', { class: 'greeting' }, config.greeting[config.language]),
    // Self-service first: the help-center search shows when the workspace has articles in this language.
    ...(config.knowledgeSearch && config.helpCenter ? [searchBox(config.helpCenter, config.language)] : []),
    offer,
    h(
      'button',
      { type: 'button', onclick: go((root) => serviceRequestForm(root, config, '')) },
      t('request'),
    ),
    h('button', { type: 'button', onclick: go((root) => void requestsList(root)) }, t('myRequests')),
    h(
      'button',
      {
        type: 'button',
        onclick: go((root) => void pastChats(root, (id, history) => showChat(root, id, history))),
      },
      t('myChats'),
    ),
  );
  shell(config, body, false);
}

/** One of the widget's pages under its header, with a way back to the home screen. */
function openPage(config: WidgetConfig, render: (root: HTMLElement) => void) {
  redrawOffer = null;
  const root = h('div', { class: 'page' });
  shell(config, root, true);
  render(root);
}

/** The page the help center asked for; chat while it is closed is what the channel offers instead. */
function openAsked(config: WidgetConfig, mode: string) {
  if (mode === 'callback') return openPage(config, callbackForm);
  if (mode === 'request') return openPage(config, (root) => serviceRequestForm(root, config, asked.q));
  if (config.availability.open) return openPage(config, (root) => startChat(config, root));
  if (config.whenOffline === 'hide') return home(config);
  openPage(config, leaveMessageForm);
}

/**
 * Chat, or what the channel offers instead while chat is not open: a message answered by e-mail, also
 * "call me", or nothing (the channel's `whenOffline`).
 */
function contactButtons(
  config: WidgetConfig,
  go: (render: (root: HTMLElement) => void) => () => void,
): HTMLElement[] {
  const open = config.availability.open;
  const mode = config.whenOffline;
  const callMe = h('button', { type: 'button', onclick: go(callbackForm) }, t('callMe'));
  if (open)
    return [
      h(
        'button',
        { type: 'button', class: 'primary', onclick: go((root) => startChat(config, root)) },
        t('chat'),
      ),
      callMe,
    ];
  if (mode === 'hide') return [];
  return [
    h(
      'p',
      { class: 'hint offline-note' },
      t(config.availability.reason === 'closed' ? 'closedNow' : 'busyNow'),
    ),
    h('button', { type: 'button', class: 'primary', onclick: go(leaveMessageForm) }, t('leaveMessage')),
    ...(mode === 'leave_message_or_callback' ? [callMe] : []),
  ];
}

function showChat(
  root: HTMLElement,
  id: string,
  history: { conversation: Conversation; messages: Message[] },
) {
  redrawOffer = null;
  store.set(chatKey, id);
  chat = chatView(root, id, history, (n) => toHost({ type: 'atiende:unread', count: n }));
}

function startChat(config: WidgetConfig, root: HTMLElement) {
  preChatForm(root, config, async (input) => {
    try {
      const history = await api<{ conversation: Conversation; messages: Message[] }>(
        'POST',
        '/chat/visitor/conversations',
        { clientId: clientId(), ...input },
      );
      showChat(root, history.conversation.id, history);
    } catch (e) {
      // Chat closed meanwhile: offer what the channel offers then, if anything.
      if ((e as { code?: string }).code !== 'chat.offline') throw e;
      if (config.whenOffline === 'hide') home({ ...config, availability: { open: false, reason: 'nobody' } });
      else leaveMessageForm(root);
    }
  });
}

const readConfig = async () => {
  const params = new URLSearchParams({ channel, host: hostOrigin });
  if (asked.lang) params.set('lang', asked.lang);
  const config = await api<WidgetConfig>('GET', `/chat/widget-config?${params}`);
  current = config;
  readAt = Date.now();
  return config;
};

/** Re-reads whether chat is open; the home screen redraws its buttons when what it offers changed. */
let refreshing = false;
async function refresh() {
  if (refreshing || !current) return;
  refreshing = true;
  const before = current;
  try {
    const next = await readConfig();
    if (offerChanged(before, next)) redrawOffer?.(next);
  } catch {
    // Keep what was last read; the next minute tries again.
  } finally {
    refreshing = false;
  }
}

async function boot() {
  if (standalone) document.body.classList.add('standalone');
  const { identity } = await fromHost();
  const config = await readConfig();
  setInterval(() => void refresh(), REFRESH_EVERY_MS);
  setLanguage(config.language);
  await session(identity);
  const open = store.get(chatKey);
  if (open) {
    const history = await api<{ conversation: Conversation; messages: Message[] }>(
      'GET',
      `/chat/visitor/conversations/${open}/messages`,
    ).catch(() => null);
    if (history?.conversation.open) {
      const root = h('div', { class: 'page' });
      shell(config, root, true);
      showChat(root, open, history);
      return;
    }
  }
  if (asked.mode) openAsked(config, asked.mode);
  else home(config);
}

boot().catch((e: Error) => {
  clear(app);
  app.append(h('p', { class: 'problem' }, t('error', { message: e.message })));
});
