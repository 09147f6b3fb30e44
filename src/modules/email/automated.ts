/**
 * RFC 3834 and its friends, pure: whether a message was sent by a machine, and so must never be
 * answered automatically. Automated mail is still stored and shown; it is only never acknowledged.
 */

/** The headers and envelope facts the decision reads; header names in lower case. */
export interface AutomationFacts {
  headers: ReadonlyMap<string, string>;
  /** The envelope sender (Return-Path); `''` for the null sender `<>`, undefined when unknown. */
  returnPath?: string | undefined;
  /** The top-level content type, e.g. `multipart/report; report-type=delivery-status`. */
  contentType?: string | undefined;
}

export type AutomatedReason =
  | 'auto_submitted'
  | 'precedence'
  | 'list'
  | 'null_sender'
  | 'delivery_status'
  | 'autoresponder';

export interface Automation {
  automated: boolean;
  reason: AutomatedReason | null;
  /** A delivery-status notification (bounce) rather than any other automated message. */
  bounce: boolean;
}

const HUMAN: Automation = { automated: false, reason: null, bounce: false };

/**
 * @example classify({ headers: new Map([['auto-submitted', 'auto-replied']]) }) // { automated: true, reason: 'auto_submitted', bounce: false }
 * @example classify({ headers: new Map(), returnPath: '' }) // null sender: automated
 */
export function classify(facts: AutomationFacts): Automation {
  const h = facts.headers;
  const type = (facts.contentType ?? h.get('content-type') ?? '').toLowerCase();
  if (/multipart\/report/.test(type) && /report-type\s*=\s*"?delivery-status/.test(type))
    return { automated: true, reason: 'delivery_status', bounce: true };
  if (/message\/delivery-status/.test(type))
    return { automated: true, reason: 'delivery_status', bounce: true };
  const autoSubmitted = (h.get('auto-submitted') ?? '').trim().toLowerCase();
  if (autoSubmitted !== '' && !autoSubmitted.startsWith('no'))
    return { automated: true, reason: 'auto_submitted', bounce: false };
  const precedence = (h.get('precedence') ?? '').trim().toLowerCase();
  if (['bulk', 'junk', 'list'].includes(precedence))
    return { automated: true, reason: 'precedence', bounce: false };
  if (h.has('list-id') || h.has('list-unsubscribe'))
    return { automated: true, reason: 'list', bounce: false };
  if (facts.returnPath !== undefined && facts.returnPath.replace(/[<>\s]/g, '') === '')
    return { automated: true, reason: 'null_sender', bounce: false };
  // Microsoft's and others' autoresponders that predate RFC 3834.
  if (
    h.has('x-autoreply') ||
    h.has('x-autorespond') ||
    /^(oof|autoreply)$/i.test(h.get('x-auto-response-suppress') ?? '')
  )
    return { automated: true, reason: 'autoresponder', bounce: false };
  return HUMAN;
}
