/** A web channel being edited: defaults for a new one, and what is wrong before it is sent. Pure. */
import type { ChannelInput, ChannelSettings, WebChannel } from './api.ts';
import type { ChatAdminKey } from './i18n.ts';

/** Weekdays 08:00–18:00: where a channel's own hours start. */
export const WORKDAYS = [1, 2, 3, 4, 5].map((day) => ({ day, open: '08:00', close: '18:00' }));

/** A new channel with the server's default settings. */
export const emptyChannel = (defaults: ChannelSettings): ChannelInput => ({
  name: '',
  allowedOrigins: [],
  settings: structuredClone(defaults),
});

export const toInput = (c: WebChannel): ChannelInput => ({
  name: c.name,
  allowedOrigins: [...c.allowedOrigins],
  settings: structuredClone(c.settings),
});

const ORIGIN = /^https?:\/\/(\*\.)?[a-z0-9.-]+(:\d{1,5})?$/i;
const COLOR = /^#[0-9a-fA-F]{6}$/;
const FIELD_KEY = /^[a-z][a-z0-9_]{0,39}$/;
const CATEGORY = /^[a-z0-9_-]{1,40}$/;

export interface Problem {
  key: ChatAdminKey;
  values?: Record<string, string>;
}

/**
 * What the server would refuse, by field, so the form can say it before sending.
 * @example channelProblems({ ...emptyChannel(), name: '' }).name // { key: 'problems.name' }
 */
export function channelProblems(input: ChannelInput): Partial<Record<string, Problem>> {
  const out: Partial<Record<string, Problem>> = {};
  const s = input.settings;
  if (!input.name.trim()) out.name = { key: 'problems.name' };
  const badOrigin = input.allowedOrigins.find((o) => !ORIGIN.test(o));
  if (badOrigin !== undefined) out.origins = { key: 'problems.origin', values: { origin: badOrigin } };
  if (s.languages.length === 0) out.languages = { key: 'problems.languages' };
  if (s.requestCategories.length === 0 || !s.requestCategories.every((c) => CATEGORY.test(c)))
    out.categories = { key: 'problems.categories' };
  if (!COLOR.test(s.colors.primary)) out.primary = { key: 'problems.color' };
  if (!COLOR.test(s.colors.text)) out.text = { key: 'problems.color' };
  if (s.logoUrl && !/^https:\/\/[^\s"<>]{1,500}$/.test(s.logoUrl)) out.logo = { key: 'problems.logo' };
  const keys = s.preChatFields.map((f) => f.key);
  if (keys.some((k, i) => !FIELD_KEY.test(k) || keys.indexOf(k) !== i))
    out.fields = { key: 'problems.fieldKey' };
  else if (s.preChatFields.some((f) => !f.label.es.trim() || !f.label.en.trim()))
    out.fields = { key: 'problems.fieldLabel' };
  return out;
}
