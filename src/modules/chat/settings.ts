/** A web channel's settings: plain data, validated at the edge, with defaults. Pure. */
import type { BusinessHours } from '../workspaces/index.ts';

export type Lang = 'es' | 'en';

export interface PreChatField {
  key: string;
  label: { es: string; en: string };
  type: 'text' | 'email' | 'phone';
  required: boolean;
}

/**
 * What the widget offers while chat is not open (outside hours, or nobody able to take a chat):
 * `leave_message` turns chat into a message answered by e-mail; `leave_message_or_callback` also offers
 * "call me"; `hide` offers neither, and the widget shows no chat at all until it opens again.
 */
export type OfflineMode = 'leave_message' | 'leave_message_or_callback' | 'hide';
export const OFFLINE_MODES: readonly OfflineMode[] = ['leave_message', 'leave_message_or_callback', 'hide'];

export interface ChannelSettings {
  colors: { primary: string; text: string };
  /** An https URL, or null for none. */
  logoUrl: string | null;
  greeting: { es: string; en: string };
  languages: Lang[];
  /** Business hours of the chat; null follows the workspace's calendar. */
  hours: BusinessHours | null;
  preChatFields: PreChatField[];
  /** Routing queue for live chats, and for call-backs, messages and service requests. */
  queueId: string;
  callbackQueueId: string;
  requestCategories: string[];
  /** What the widget does while chat is not open. */
  whenOffline: OfflineMode;
}

export const DEFAULT_SETTINGS: ChannelSettings = {
  colors: { primary: '#1c7ed6', text: '#ffffff' },
  logoUrl: null,
  greeting: { es: '¡Hola! ¿En qué podemos ayudarte?', en: 'Hi! How can we help you?' },
  languages: ['es', 'en'],
  hours: null,
  preChatFields: [
    { key: 'name', label: { es: 'Nombre', en: 'Name' }, type: 'text', required: true },
    { key: 'email', label: { es: 'Correo electrónico', en: 'E-mail' }, type: 'email', required: false },
  ],
  queueId: 'chat',
  callbackQueueId: 'callbacks',
  requestCategories: ['billing', 'technical', 'other'],
  whenOffline: 'leave_message_or_callback',
};

/**
 * Stored settings with what an older row lacks filled from the defaults.
 * @example withDefaults({ queueId: 'sales' }).whenOffline // 'leave_message_or_callback'
 */
export const withDefaults = (stored: Partial<ChannelSettings>): ChannelSettings => ({
  ...DEFAULT_SETTINGS,
  ...stored,
});

/**
 * What a visitor may ask for while chat is not open, by the channel's offline mode.
 * @example offlineOffers('leave_message') // { message: true, callback: false }
 */
export function offlineOffers(mode: OfflineMode): { message: boolean; callback: boolean } {
  return { message: mode !== 'hide', callback: mode === 'leave_message_or_callback' };
}

/**
 * The visitor's language: the first of the browser's languages the channel speaks, else the channel's first.
 * @example pickLanguage(['en-US', 'es'], ['es', 'en']) // 'en'
 */
export function pickLanguage(browser: readonly string[], offered: readonly Lang[]): Lang {
  for (const tag of browser) {
    const base = tag.toLowerCase().slice(0, 2);
    if ((offered as readonly string[]).includes(base)) return base as Lang;
  }
  return offered[0] ?? 'es';
}
