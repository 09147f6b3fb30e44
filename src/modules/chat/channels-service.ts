/** Web channels for administrators: create, change, rotate the secret, and the snippet to embed. */
import { asc, eq } from 'drizzle-orm';
import { scoped } from '../../platform/db/scope.ts';
import { errors } from '../../platform/errors.ts';
import type { Channel, ChatContext } from './context.ts';
import { originProblem } from './origins.ts';
import { chatChannels } from './schema.ts';
import { type ChannelSettings, withDefaults } from './settings.ts';
import { newChannelSecret, newPublicKey } from './tokens.ts';

export interface ChannelInput {
  name: string;
  allowedOrigins: string[];
  settings?: Partial<ChannelSettings>;
}

export function createChannelService(ctx: ChatContext) {
  const { db, clock, newId } = ctx;

  const view = (c: Channel) => ({
    id: c.id,
    name: c.name,
    publicKey: c.publicKey,
    allowedOrigins: c.allowedOrigins,
    settings: c.settings,
    snippet: snippet(c.publicKey),
    createdAt: c.createdAt.toISOString(),
    updatedAt: c.updatedAt.toISOString(),
  });

  /** The one tag a site adds to its pages. The host may add `data-customer-id` and `data-signature`. */
  const snippet = (publicKey: string) =>
    `<script src="${ctx.publicUrl}/widget/loader.js" data-atiende-channel="${publicKey}" async></script>`;

  async function check(workspaceId: string, input: ChannelInput): Promise<ChannelSettings> {
    const problems = input.allowedOrigins.flatMap((o, i) => {
      const message = originProblem(o);
      return message ? [{ path: `/allowedOrigins/${i}`, message }] : [];
    });
    if (problems.length > 0)
      throw errors.badRequest('chat.bad_origin', 'Allowed sites must be origins', problems);
    const settings = withDefaults(input.settings ?? {});
    await ctx.router.checkQueue(workspaceId, settings.queueId);
    await ctx.router.checkQueue(workspaceId, settings.callbackQueueId);
    return settings;
  }

  async function list(workspaceId: string) {
    const rows = await db
      .select()
      .from(chatChannels)
      .where(scoped(db, workspaceId).where(chatChannels))
      .orderBy(asc(chatChannels.name));
    return rows.map((c) => view({ ...c, settings: withDefaults(c.settings) }));
  }

  async function row(workspaceId: string, id: string): Promise<Channel> {
    const [channel] = await db
      .select()
      .from(chatChannels)
      .where(scoped(db, workspaceId).where(chatChannels, eq(chatChannels.id, id)));
    if (!channel) throw errors.notFound('Web channel');
    return { ...channel, settings: withDefaults(channel.settings) };
  }

  /** A new channel; its public key is random unless given (the demo's is fixed, so its URL is known). */
  async function create(workspaceId: string, input: ChannelInput, publicKey = newPublicKey()) {
    const settings = await check(workspaceId, input);
    const now = clock.now();
    const channel: Channel = {
      id: newId(),
      workspaceId,
      name: input.name,
      publicKey,
      secret: newChannelSecret(),
      allowedOrigins: input.allowedOrigins,
      settings,
      createdAt: now,
      updatedAt: now,
    };
    await db.insert(chatChannels).values(channel);
    return { ...view(channel), secret: channel.secret };
  }

  async function update(workspaceId: string, id: string, input: ChannelInput) {
    const current = await row(workspaceId, id);
    const settings = await check(workspaceId, {
      ...input,
      settings: { ...current.settings, ...input.settings },
    });
    await scoped(db, workspaceId).update(
      chatChannels,
      { name: input.name, allowedOrigins: input.allowedOrigins, settings, updatedAt: clock.now() },
      eq(chatChannels.id, id),
    );
    ctx.forget(current.publicKey);
    return view(await row(workspaceId, id));
  }

  /** A new identity secret; signatures made with the old one stop being accepted at once. */
  async function rotateSecret(workspaceId: string, id: string) {
    const current = await row(workspaceId, id);
    const secret = newChannelSecret();
    await scoped(db, workspaceId).update(
      chatChannels,
      { secret, updatedAt: clock.now() },
      eq(chatChannels.id, id),
    );
    ctx.forget(current.publicKey);
    return { ...view(await row(workspaceId, id)), secret };
  }

  return {
    list,
    get: async (ws: string, id: string) => view(await row(ws, id)),
    create,
    update,
    rotateSecret,
  };
}

export type ChannelService = ReturnType<typeof createChannelService>;
