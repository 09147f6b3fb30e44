/** Mailboxes: their settings, their credentials (sealed, never read back) and their IMAP cursor. */
import { asc, eq } from 'drizzle-orm';
import type { Clock, IdGenerator } from '../../platform/clock.ts';
import type { Db } from '../../platform/db/connect.ts';
import { isUniqueViolation } from '../../platform/db/errors.ts';
import { scoped } from '../../platform/db/scope.ts';
import { AppError, errors } from '../../platform/errors.ts';
import type { SecretBox } from '../../platform/secret-box.ts';
import { emailMailboxes, type ImapSettings, type SmtpSettings } from './schema.ts';

type Row = typeof emailMailboxes.$inferSelect;

export interface MailboxInput {
  name: string;
  address: string;
  queueId: string;
  imap?: (Omit<ImapSettings, 'folder'> & { folder?: string; password?: string }) | null;
  smtp?:
    | (Omit<SmtpSettings, 'user' | 'protocol'> & {
        user?: string | null;
        protocol?: 'smtp' | 'lmtp';
        password?: string;
      })
    | null;
  dkim?: { domain: string; selector: string; privateKey?: string } | null;
  autoAck?: boolean;
  ackTemplate?: string | null;
  signature?: string | null;
  enabled?: boolean;
}

/** A mailbox as shown: credentials reduced to whether one is stored. */
export const toMailbox = (r: Row) => ({
  id: r.id,
  name: r.name,
  address: r.address,
  queueId: r.queueId,
  imap: r.imap ? { ...r.imap, hasPassword: r.imapPassword !== null } : null,
  smtp: r.smtp ? { ...r.smtp, hasPassword: r.smtpPassword !== null } : null,
  dkim:
    r.dkimDomain && r.dkimSelector
      ? { domain: r.dkimDomain, selector: r.dkimSelector, hasKey: r.dkimKey !== null }
      : null,
  autoAck: r.autoAck,
  ackTemplate: r.ackTemplate,
  signature: r.signature,
  enabled: r.enabled,
  uidValidity: r.uidValidity,
  lastUid: r.lastUid,
  lastSyncAt: r.lastSyncAt?.toISOString() ?? null,
  lastError: r.lastError,
  createdAt: r.createdAt.toISOString(),
  updatedAt: r.updatedAt.toISOString(),
});

export type Mailbox = ReturnType<typeof toMailbox>;

/** What the workers need: the row with its credentials opened. */
export interface MailboxSecrets {
  row: Row;
  imapPassword: string | null;
  smtpPassword: string | null;
  dkimKey: string | null;
}

export function createMailboxService(deps: {
  db: Db;
  clock: Clock;
  newId: IdGenerator;
  box: SecretBox;
  checkQueue(workspaceId: string, queueId: string): Promise<void>;
}) {
  const { db, clock, newId, box } = deps;

  async function row(workspaceId: string, id: string): Promise<Row> {
    const [found] = await db
      .select()
      .from(emailMailboxes)
      .where(scoped(db, workspaceId).where(emailMailboxes, eq(emailMailboxes.id, id)));
    if (!found) throw errors.notFound('Mailbox');
    return found;
  }

  const get = async (workspaceId: string, id: string) => toMailbox(await row(workspaceId, id));

  async function list(workspaceId: string) {
    const rows = await db
      .select()
      .from(emailMailboxes)
      .where(scoped(db, workspaceId).where(emailMailboxes))
      .orderBy(asc(emailMailboxes.name));
    return rows.map(toMailbox);
  }

  /** Seals a new credential, keeps the stored one when none is given, drops it with its settings. */
  function credential(settings: unknown, given: string | undefined, stored: string | null): string | null {
    if (!settings) return null;
    if (given !== undefined && given !== '') return box.seal(given);
    return stored;
  }

  async function save(workspaceId: string, input: MailboxInput, existing: Row | null) {
    await deps.checkQueue(workspaceId, input.queueId);
    const address = input.address.trim().toLowerCase();
    const now = clock.now();
    const { password: imapPass, ...imap } = input.imap ?? { password: undefined };
    const { password: smtpPass, ...smtp } = input.smtp ?? { password: undefined };
    const values = {
      name: input.name.trim(),
      address,
      queueId: input.queueId,
      imap: input.imap ? { ...(imap as ImapSettings), folder: input.imap.folder ?? 'INBOX' } : null,
      imapPassword: credential(input.imap, imapPass, existing?.imapPassword ?? null),
      smtp: input.smtp
        ? {
            ...(smtp as SmtpSettings),
            user: input.smtp.user ?? null,
            protocol: input.smtp.protocol ?? 'smtp',
          }
        : null,
      smtpPassword: credential(input.smtp, smtpPass, existing?.smtpPassword ?? null),
      dkimDomain: input.dkim?.domain ?? null,
      dkimSelector: input.dkim?.selector ?? null,
      dkimKey: credential(input.dkim, input.dkim?.privateKey, existing?.dkimKey ?? null),
      autoAck: input.autoAck ?? false,
      ackTemplate: input.ackTemplate ?? null,
      signature: input.signature ?? null,
      enabled: input.enabled ?? true,
      updatedAt: now,
    };
    if (input.imap && !values.imapPassword)
      throw errors.badRequest('email.imap_password_required', 'An IMAP mailbox needs its password', [
        { path: '/imap/password', message: 'required' },
      ]);
    if (input.dkim && !values.dkimKey)
      throw errors.badRequest('email.dkim_key_required', 'DKIM signing needs the private key', [
        { path: '/dkim/privateKey', message: 'required' },
      ]);
    // A new server or account starts a new cursor.
    const sameImap =
      existing?.imap &&
      values.imap &&
      existing.imap.host === values.imap.host &&
      existing.imap.user === values.imap.user &&
      existing.imap.folder === values.imap.folder;
    const cursor = sameImap ? {} : { uidValidity: null, lastUid: 0 };
    try {
      if (existing) {
        await scoped(db, workspaceId).update(
          emailMailboxes,
          { ...values, ...cursor },
          eq(emailMailboxes.id, existing.id),
        );
        return get(workspaceId, existing.id);
      }
      const id = newId();
      await scoped(db, workspaceId).insert(emailMailboxes, {
        id,
        ...values,
        uidValidity: null,
        lastUid: 0,
        createdAt: now,
      });
      return get(workspaceId, id);
    } catch (error) {
      if (isUniqueViolation(error))
        throw new AppError(
          'email.address_taken',
          409,
          `The address ${address} already belongs to a mailbox`,
          [{ path: '/address', message: 'taken' }],
        );
      throw error;
    }
  }

  const create = (workspaceId: string, input: MailboxInput) => save(workspaceId, input, null);
  const update = async (workspaceId: string, id: string, input: MailboxInput) =>
    save(workspaceId, input, await row(workspaceId, id));

  async function remove(workspaceId: string, id: string) {
    const deleted = await scoped(db, workspaceId).delete(emailMailboxes, eq(emailMailboxes.id, id));
    if (deleted === 0) throw errors.notFound('Mailbox');
  }

  /** The row with its credentials opened, for the workers. */
  async function secrets(workspaceId: string, id: string): Promise<MailboxSecrets> {
    const r = await row(workspaceId, id);
    return {
      row: r,
      imapPassword: r.imapPassword ? box.open(r.imapPassword) : null,
      smtpPassword: r.smtpPassword ? box.open(r.smtpPassword) : null,
      dkimKey: r.dkimKey ? box.open(r.dkimKey) : null,
    };
  }

  /** The mailbox that owns an address (plus-tags ignored), whatever its workspace: for pushed mail. */
  async function byAddress(address: string): Promise<Row | null> {
    const a = address
      .trim()
      .toLowerCase()
      .replace(/\+[^@]*@/, '@');
    const [found] = await db.select().from(emailMailboxes).where(eq(emailMailboxes.address, a));
    return found ?? null;
  }

  /** Every enabled mailbox with IMAP settings, across workspaces: what the sync workers poll. */
  async function withImap(): Promise<Row[]> {
    const rows = await db.select().from(emailMailboxes).where(eq(emailMailboxes.enabled, true));
    return rows.filter((r) => r.imap !== null);
  }

  async function saveCursor(
    workspaceId: string,
    id: string,
    cursor: { uidValidity: number; lastUid: number },
  ) {
    await scoped(db, workspaceId).update(
      emailMailboxes,
      { ...cursor, lastSyncAt: clock.now(), lastError: null },
      eq(emailMailboxes.id, id),
    );
  }

  async function saveError(workspaceId: string, id: string, message: string | null) {
    await scoped(db, workspaceId).update(
      emailMailboxes,
      { lastError: message?.slice(0, 500) ?? null },
      eq(emailMailboxes.id, id),
    );
  }

  return { get, list, create, update, remove, row, secrets, byAddress, withImap, saveCursor, saveError };
}

export type MailboxService = ReturnType<typeof createMailboxService>;
