/** What every chat service shares: its dependencies, and a short cache of channels by public key. */
import { asc, eq } from 'drizzle-orm';
import type { Clock, IdGenerator } from '../../platform/clock.ts';
import type { Db } from '../../platform/db/connect.ts';
import { AppError } from '../../platform/errors.ts';
import type { UnitOfWork } from '../../platform/events/unit-of-work.ts';
import type { Mailer } from '../../platform/mail.ts';
import type { Customers } from '../customers/index.ts';
import type { InteractionService, MessageService, Router } from '../interactions/index.ts';
import type { Routing } from '../routing/index.ts';
import type { WorkspaceService } from '../workspaces/index.ts';
import { chatChannels } from './schema.ts';
import { withDefaults } from './settings.ts';

export interface ChatDeps {
  db: Db;
  uow: UnitOfWork;
  clock: Clock;
  newId: IdGenerator;
  mailer: Mailer;
  /** Where Atiende is reached from the outside: the widget's iframe and the snippet point here. */
  publicUrl: string;
  workspaces: Pick<WorkspaceService, 'get' | 'findBySlug'>;
  customers: Pick<Customers, 'findOrCreateByIdentity' | 'getCustomerSummary'>;
  interactions: InteractionService;
  messages: MessageService;
  router: Router;
  routing: Pick<Routing['service'], 'end' | 'wrapUp' | 'abandon' | 'transfer' | 'readyAgents' | 'liveAgents'>;
  users: { get(workspaceId: string, id: string): Promise<{ name: string }> };
  /** The help center: whether it has published public articles, for the widget's search box. */
  knowledge?: { hasPublicArticles(workspaceId: string, language: 'es' | 'en'): Promise<boolean> };
}

export type Channel = typeof chatChannels.$inferSelect;

const TTL_MS = 5_000;

export function createChatContext(deps: ChatDeps) {
  const byKey = new Map<string, { channel: Channel; until: number }>();

  /** The channel a widget names, cached for a few seconds (every visitor request reads it). */
  async function channelByKey(publicKey: string): Promise<Channel> {
    const now = deps.clock.now().getTime();
    const hit = byKey.get(publicKey);
    if (hit && hit.until > now) return hit.channel;
    const [channel] = await deps.db.select().from(chatChannels).where(eq(chatChannels.publicKey, publicKey));
    if (!channel) throw new AppError('chat.unknown_channel', 404, 'Unknown web channel');
    const complete = { ...channel, settings: withDefaults(channel.settings) };
    byKey.set(publicKey, { channel: complete, until: now + TTL_MS });
    return complete;
  }

  const forget = (publicKey: string) => byKey.delete(publicKey);

  async function channelById(id: string): Promise<Channel> {
    const [channel] = await deps.db.select().from(chatChannels).where(eq(chatChannels.id, id));
    if (!channel) throw new AppError('chat.unknown_channel', 404, 'Unknown web channel');
    return { ...channel, settings: withDefaults(channel.settings) };
  }

  /** A workspace's first web channel: the one its help center's "still need help?" path opens. */
  async function firstChannel(workspaceId: string): Promise<Channel | null> {
    const [channel] = await deps.db
      .select()
      .from(chatChannels)
      .where(eq(chatChannels.workspaceId, workspaceId))
      .orderBy(asc(chatChannels.createdAt), asc(chatChannels.id))
      .limit(1);
    return channel ? { ...channel, settings: withDefaults(channel.settings) } : null;
  }

  return { ...deps, channelByKey, channelById, firstChannel, forget };
}

export type ChatContext = ReturnType<typeof createChatContext>;
