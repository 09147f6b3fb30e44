/** The web-channel API as the admin screens use it: its JSON shapes and typed calls. */
import { request } from '../../api/client.ts';
import type { Holiday, OpeningInterval } from '../../api/types.ts';

export type Lang = 'es' | 'en';

export interface PreChatField {
  key: string;
  label: { es: string; en: string };
  type: 'text' | 'email' | 'phone';
  required: boolean;
}

export interface ChannelSettings {
  colors: { primary: string; text: string };
  logoUrl: string | null;
  greeting: { es: string; en: string };
  languages: Lang[];
  hours: { weekly: OpeningInterval[]; holidays: Holiday[] } | null;
  preChatFields: PreChatField[];
  queueId: string;
  callbackQueueId: string;
  requestCategories: string[];
  /** What the widget does while chat is not open. */
  whenOffline: OfflineMode;
}

export const OFFLINE_MODES = ['leave_message', 'leave_message_or_callback', 'hide'] as const;
export type OfflineMode = (typeof OFFLINE_MODES)[number];

export interface WebChannel {
  id: string;
  name: string;
  publicKey: string;
  allowedOrigins: string[];
  settings: ChannelSettings;
  snippet: string;
  /** Only in the answer to a creation or a rotation. */
  secret?: string;
}

export interface ChannelInput {
  name: string;
  allowedOrigins: string[];
  settings: ChannelSettings;
}

const base = '/api/v1/chat/channels';

export const chatAdminKeys = { channels: ['chat-admin', 'channels'] as const };

export const chatAdminApi = {
  channels: () => request<{ items: WebChannel[] }>('GET', base).then((r) => r.items),
  create: (input: ChannelInput) => request<WebChannel>('POST', base, { body: input }),
  update: (id: string, input: ChannelInput) => request<WebChannel>('PUT', `${base}/${id}`, { body: input }),
  defaults: () =>
    request<{ settings: ChannelSettings }>('GET', '/api/v1/chat/channel-defaults').then((r) => r.settings),
  rotateSecret: (id: string) => request<WebChannel>('POST', `${base}/${id}/secret`),
  queues: () =>
    request<{ items: { key: string; name: string }[] }>('GET', '/api/v1/routing/queues').then((r) => r.items),
};
