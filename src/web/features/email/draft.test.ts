import { describe, expect, it } from 'vitest';
import type { Mailbox } from './api.ts';
import { draftProblems, emptyDraft, toDraft, toInput } from './draft.ts';

const mailbox: Mailbox = {
  id: 'm1',
  name: 'Soporte',
  address: 'soporte@acme.test',
  queueId: 'correo',
  imap: {
    host: 'imap.acme.test',
    port: 993,
    secure: true,
    user: 'soporte',
    folder: 'INBOX',
    hasPassword: true,
  },
  smtp: {
    host: 'smtp.acme.test',
    port: 587,
    secure: false,
    user: 'soporte',
    protocol: 'smtp',
    hasPassword: true,
  },
  dkim: null,
  autoAck: true,
  ackTemplate: null,
  signature: '{{agent.name}}',
  enabled: true,
  uidValidity: 7,
  lastUid: 12,
  lastSyncAt: null,
  lastError: null,
};

describe('the mailbox form', () => {
  it('round-trips a mailbox, leaving stored passwords out so they are kept', () => {
    const input = toInput(toDraft(mailbox));
    expect(input.imap).toEqual({
      host: 'imap.acme.test',
      port: 993,
      secure: true,
      user: 'soporte',
      folder: 'INBOX',
    });
    expect(input.smtp).toEqual({
      host: 'smtp.acme.test',
      port: 587,
      secure: false,
      user: 'soporte',
      protocol: 'smtp',
    });
    expect(draftProblems(toDraft(mailbox))).toEqual({});
  });

  it('asks for the IMAP password of a new mailbox, a valid address, hosts and ports', () => {
    const d = { ...emptyDraft(), name: 'X', address: 'no-at-sign', queueId: 'q', imapPort: 0 };
    expect(draftProblems(d)).toEqual({
      address: 'address',
      imapHost: 'host',
      imapPort: 'port',
      imapUser: 'required',
      imapPassword: 'required',
      smtpHost: 'host',
    });
  });

  it('sends no IMAP settings for pushed mail and no SMTP when sending is off', () => {
    const input = toInput({ ...toDraft(mailbox), receive: 'push', send: false, signature: '  ' });
    expect(input).toMatchObject({ imap: null, smtp: null, signature: null });
  });
});
