/**
 * Which conversation a message belongs to, pure. In order of trust: the Message-IDs it answers
 * (In-Reply-To, References); a conversation token in the address it was sent to (`box+<token>@domain`);
 * a reference number in the subject, honoured only when the sender already takes part in that
 * conversation (anyone can type a reference number; only participants may use it).
 */

/** Message-IDs without angle brackets, most recent first: In-Reply-To, then References from the end. */
export function answeredIds(inReplyTo: string | undefined, references: readonly string[]): string[] {
  const ids = [...(inReplyTo ? splitIds(inReplyTo) : []), ...[...references].reverse().flatMap(splitIds)];
  return [...new Set(ids)];
}

const splitIds = (value: string): string[] =>
  (value.match(/<[^<>\s]+>|[^<>\s,]+@[^<>\s,]+/g) ?? []).map(normaliseId).filter((v) => v.length > 0);

/** `<abc@host>` → `abc@host`, the form Message-IDs are stored in. */
export const normaliseId = (id: string): string => id.trim().replace(/^<|>$/g, '').slice(0, 500);

const TOKEN = /^[a-z0-9]{10,32}$/;

/**
 * The conversation token in any recipient that is the mailbox's own address with a `+tag`.
 * @example tokenIn(['soporte+k3x9q2m1vd@acme.co'], 'soporte@acme.co') // 'k3x9q2m1vd'
 */
export function tokenIn(recipients: readonly string[], mailboxAddress: string): string | null {
  const [local, domain] = splitAddress(mailboxAddress);
  for (const r of recipients) {
    const [rLocal, rDomain] = splitAddress(r);
    if (rDomain !== domain) continue;
    const plus = rLocal.indexOf('+');
    if (plus < 0 || rLocal.slice(0, plus) !== local) continue;
    const token = rLocal.slice(plus + 1);
    if (TOKEN.test(token)) return token;
  }
  return null;
}

/** The reply address of a conversation. @example replyAddress('soporte@acme.co', 'k3x9q2m1vd') // 'soporte+k3x9q2m1vd@acme.co' */
export function replyAddress(mailboxAddress: string, token: string): string {
  const [local, domain] = splitAddress(mailboxAddress);
  return `${local}+${token}@${domain}`;
}

const splitAddress = (address: string): [string, string] => {
  const a = address.trim().toLowerCase();
  const at = a.lastIndexOf('@');
  return at < 0 ? [a, ''] : [a.slice(0, at), a.slice(at + 1)];
};

const REFERENCE = /\[#([A-Z0-9]{6,12})\]/;

/** The reference number in a subject, e.g. `Re: Factura [#K3X9Q2]` → `K3X9Q2`. */
export function referenceIn(subject: string | undefined): string | null {
  return subject?.toUpperCase().match(REFERENCE)?.[1] ?? null;
}

/** Adds the reference once. @example withReference('Factura', 'K3X9Q2') // 'Factura [#K3X9Q2]' */
export function withReference(subject: string, reference: string): string {
  return referenceIn(subject) === reference ? subject : `${subject} [#${reference}]`.trim();
}

/** A reply's subject: one `Re:` whatever the chain of `Re:`/`RE:`/`Fwd:` before it. */
export function replySubject(subject: string, prefix: 'Re' | 'Fwd' = 'Re'): string {
  const bare = subject.replace(/^\s*((re|fw|fwd|rv|aw)\s*:\s*)+/i, '');
  return `${prefix}: ${bare}`;
}

/** What the service found for each clue; `participants` are the lower-cased addresses of that thread. */
export interface ThreadClues {
  byMessageId: string | null;
  byToken: string | null;
  byReference: { threadId: string; participants: readonly string[] } | null;
}

export type ThreadChoice = { threadId: string; by: 'headers' | 'token' | 'reference' } | { threadId: null };

/**
 * @example chooseThread({ byMessageId: null, byToken: 't1', byReference: null }, 'a@x.co') // { threadId: 't1', by: 'token' }
 */
export function chooseThread(clues: ThreadClues, sender: string): ThreadChoice {
  if (clues.byMessageId) return { threadId: clues.byMessageId, by: 'headers' };
  if (clues.byToken) return { threadId: clues.byToken, by: 'token' };
  const ref = clues.byReference;
  if (ref?.participants.includes(sender.trim().toLowerCase()))
    return { threadId: ref.threadId, by: 'reference' };
  return { threadId: null };
}
