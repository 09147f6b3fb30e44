/** A web channel's settings: plain data, validated at the edge, with defaults. Pure. */
import type { BusinessHours } from '../workspaces/index.ts';

export type Lang = 'es' | 'en';

export interface PreChatField {
  key: string;
  label: { es: string; en: string };
  type: 'text' | 'email' | 'phone';
  required: boolean;
}

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
};

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
