/**
 * Raw RFC 5322 bytes to plain data, with mailparser. Limits are checked before and after parsing; a
 * message that cannot be taken in throws `Unparseable` with a reason, and the caller quarantines it.
 */
import { createHash } from 'node:crypto';
import { type AddressObject, simpleParser } from 'mailparser';
import { type Automation, classify } from './automated.ts';
import { sanitizeEmailHtml, textToHtml } from './content.ts';
import { normaliseId } from './threading.ts';

export interface Limits {
  /** Largest message taken in; a larger one is quarantined whole. */
  maxMessageBytes: number;
  /** Largest header block; pathological headers are quarantined rather than parsed. */
  maxHeaderBytes: number;
  /** Largest attachment stored; a larger one is kept as a name and size only. */
  maxAttachmentBytes: number;
}

export const DEFAULT_LIMITS: Limits = {
  maxMessageBytes: 25 * 1024 * 1024,
  maxHeaderBytes: 256 * 1024,
  maxAttachmentBytes: 10 * 1024 * 1024,
};

export class Unparseable extends Error {
  constructor(
    readonly reason: 'too_large' | 'headers_too_large' | 'no_sender' | 'parse_failed' | 'empty',
    detail: string,
  ) {
    super(detail);
  }
}

export interface ParsedAttachment {
  filename: string | null;
  contentType: string;
  contentId: string | null;
  inline: boolean;
  size: number;
  content: Buffer | null;
  skipped: string | null;
}

export interface ParsedEmail {
  messageId: string | null;
  inReplyTo: string | null;
  references: string[];
  from: { address: string; name: string | null };
  to: string[];
  cc: string[];
  /** Every address the message was delivered to (To, Cc, Delivered-To, X-Original-To). */
  recipients: string[];
  subject: string;
  date: Date | null;
  text: string;
  html: string | null;
  automation: Automation;
  attachments: ParsedAttachment[];
  /** SHA-256 over sender, date, subject and bodies: the same message however it was re-served. */
  contentHash: string;
}

export async function parseEmail(raw: Buffer, limits: Limits = DEFAULT_LIMITS): Promise<ParsedEmail> {
  if (raw.length === 0) throw new Unparseable('empty', 'The message is empty');
  if (raw.length > limits.maxMessageBytes)
    throw new Unparseable(
      'too_large',
      `The message has ${raw.length} bytes; the limit is ${limits.maxMessageBytes}`,
    );
  const headerEnd = headerLength(raw);
  if (headerEnd > limits.maxHeaderBytes)
    throw new Unparseable(
      'headers_too_large',
      `The headers have ${headerEnd} bytes; the limit is ${limits.maxHeaderBytes}`,
    );
  let mail: Awaited<ReturnType<typeof simpleParser>>;
  try {
    mail = await simpleParser(raw, {
      skipImageLinks: true,
      skipTextToHtml: true,
      skipTextLinks: true,
      maxHtmlLengthToParse: 5_000_000,
    });
  } catch (error) {
    throw new Unparseable('parse_failed', (error as Error).message);
  }
  const from = addresses(mail.from)[0];
  if (!from?.address) throw new Unparseable('no_sender', 'The message has no usable From address');
  const headers = new Map<string, string>();
  for (const line of mail.headerLines) {
    const value = line.line.slice(line.line.indexOf(':') + 1).trim();
    if (!headers.has(line.key)) headers.set(line.key, value);
  }
  const to = addresses(mail.to).map((a) => a.address);
  const cc = addresses(mail.cc).map((a) => a.address);
  const delivered = ['delivered-to', 'x-original-to', 'envelope-to']
    .map((k) => headers.get(k))
    .filter((v): v is string => Boolean(v))
    .map((v) => v.replace(/[<>]/g, '').trim().toLowerCase());
  const references = Array.isArray(mail.references)
    ? mail.references
    : mail.references
      ? [mail.references]
      : [];
  const text = (mail.text ?? '').slice(0, 1_000_000);
  const html =
    typeof mail.html === 'string' && mail.html
      ? sanitizeEmailHtml(mail.html)
      : text
        ? textToHtml(text)
        : null;
  const subject = (mail.subject ?? '').replace(/[\r\n]+/g, ' ').slice(0, 998);
  const messageId = mail.messageId ? normaliseId(mail.messageId) : null;
  const automation = classify({
    headers,
    returnPath: headers.has('return-path') ? (headers.get('return-path') ?? '') : undefined,
    contentType: headers.get('content-type'),
  });
  // A bounce cites the message it returns: following that Message-ID puts it in its conversation.
  const returned = automation.bounce ? returnedMessageId(mail.attachments) : null;
  return {
    messageId: messageId || null,
    inReplyTo: mail.inReplyTo ? normaliseId(mail.inReplyTo) : null,
    references: [...references.map(normaliseId), ...(returned ? [returned] : [])],
    from: { address: from.address.toLowerCase(), name: from.name || null },
    to,
    cc,
    recipients: [...new Set([...to, ...cc, ...delivered])],
    subject,
    date: mail.date && !Number.isNaN(mail.date.getTime()) ? mail.date : null,
    text,
    html,
    automation,
    attachments: mail.attachments.map((a) => {
      const tooLarge = a.size > limits.maxAttachmentBytes;
      return {
        filename: a.filename ?? null,
        contentType: a.contentType || 'application/octet-stream',
        contentId: a.cid ? a.cid.toLowerCase() : null,
        inline: a.contentDisposition === 'inline' || Boolean(a.related),
        size: a.size,
        content: tooLarge ? null : a.content,
        skipped: tooLarge ? `larger than ${limits.maxAttachmentBytes} bytes` : null,
      };
    }),
    contentHash: createHash('sha256')
      .update(
        [from.address.toLowerCase(), mail.date?.toISOString() ?? '', subject, text, mail.html || ''].join(
          '\u0000',
        ),
      )
      .digest('hex'),
  };
}

function addresses(value: AddressObject | AddressObject[] | undefined): { address: string; name: string }[] {
  const list = Array.isArray(value) ? value : value ? [value] : [];
  const flat = list.flatMap((o) => o.value).flatMap((a) => (a.group ? a.group : [a]));
  return flat
    .filter(
      (a): a is typeof a & { address: string } => typeof a.address === 'string' && a.address.includes('@'),
    )
    .map((a) => ({ address: a.address.toLowerCase(), name: a.name }));
}

/** The Message-ID in the returned message or headers of a delivery-status report, if any. */
function returnedMessageId(parts: { contentType: string; content: Buffer }[]): string | null {
  for (const part of parts) {
    if (!/^(message\/(rfc822|global)|text\/rfc822-headers)$/i.test(part.contentType)) continue;
    const head = part.content.subarray(0, headerLength(part.content)).toString('utf8');
    const found = /^message-id:\s*<?([^>\s]+)>?/im.exec(head);
    if (found?.[1]) return normaliseId(found[1]);
  }
  return null;
}

/** Bytes before the first empty line (the header block). */
function headerLength(raw: Buffer): number {
  const crlf = raw.indexOf('\r\n\r\n');
  const lf = raw.indexOf('\n\n');
  const ends = [crlf, lf].filter((i) => i >= 0);
  return ends.length ? Math.min(...ends) : raw.length;
}
