import { describe, expect, it } from 'vitest';
import type { ChannelSettings } from './api.ts';
import { channelProblems, emptyChannel } from './draft.ts';

/** The server's defaults, as `GET /chat/channel-defaults` answers them. */
const DEFAULTS: ChannelSettings = {
  colors: { primary: '#1c7ed6', text: '#ffffff' },
  logoUrl: null,
  greeting: { es: 'Hola', en: 'Hi' },
  languages: ['es', 'en'],
  hours: null,
  preChatFields: [
    { key: 'name', label: { es: 'Nombre', en: 'Name' }, type: 'text', required: true },
    { key: 'email', label: { es: 'Correo', en: 'E-mail' }, type: 'email', required: false },
  ],
  queueId: 'chat',
  callbackQueueId: 'callbacks',
  requestCategories: ['billing', 'other'],
  whenOffline: 'leave_message_or_callback',
};

const valid = () => ({ ...emptyChannel(DEFAULTS), name: 'Tienda', allowedOrigins: ['https://*.tienda.co'] });

describe('a web channel before it is sent', () => {
  it('finds nothing wrong with default settings once named', () => {
    expect(channelProblems(valid())).toEqual({});
  });

  it('names the first allowed site that is not an origin', () => {
    const input = { ...valid(), allowedOrigins: ['https://ok.co', 'https://bad.co/path'] };
    expect(channelProblems(input).origins).toEqual({
      key: 'problems.origin',
      values: { origin: 'https://bad.co/path' },
    });
  });

  it('asks for a name, a language, valid colours, an https logo and categories', () => {
    const input = valid();
    input.name = ' ';
    input.settings.languages = [];
    input.settings.colors.primary = 'blue';
    input.settings.logoUrl = 'http://logo.png';
    input.settings.requestCategories = ['Billing'];
    expect(Object.keys(channelProblems(input)).sort()).toEqual([
      'categories',
      'languages',
      'logo',
      'name',
      'primary',
    ]);
  });

  it('refuses repeated or malformed pre-chat keys, then labels missing in a language', () => {
    const input = valid();
    input.settings.preChatFields.push({ ...input.settings.preChatFields[0]! });
    expect(channelProblems(input).fields?.key).toBe('problems.fieldKey');
    input.settings.preChatFields.pop();
    input.settings.preChatFields[1]!.label.en = '';
    expect(channelProblems(input).fields?.key).toBe('problems.fieldLabel');
  });
});
