/**
 * Visitors: a widget opens a session with the channel's public key from an allowed site and gets a token.
 * A host site may identify its logged-in customer with an HMAC signature; only a verified identity joins a
 * visitor to the customer's history on other devices.
 */
import { createHash } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { scoped } from '../../platform/db/scope.ts';
import { AppError } from '../../platform/errors.ts';
import { isOpen } from '../workspaces/index.ts';
import type { Channel, ChatContext } from './context.ts';
import { originAllowed } from './origins.ts';
import { chatChannels, chatVisitors } from './schema.ts';
import { type Lang, pickLanguage } from './settings.ts';
import { hashToken, identityVerified, newVisitorToken } from './tokens.ts';

export type Visitor = typeof chatVisitors.$inferSelect;

export interface SessionRequest {
  channelKey: string;
  origin: string | undefined;
  languages: string[];
  identity?: { customerId: string; signature: string };
  name?: string;
  email?: string;
}

const KNOWN_TTL_MS = 10_000;
const KNOWN_MAX = 50_000;

export function createVisitorService(ctx: ChatContext) {
  const { db, clock, newId } = ctx;

  const ownOrigin = new URL(ctx.publicUrl).origin;
  /** Visitors by token hash, for a few seconds (see `authenticate`). */
  const known = new Map<string, { visitor: Visitor; channel: Channel; until: number }>();

  /** Refuses a widget on a site the channel does not list; Atiende's own pages (the demo) may show any. */
  async function channelFor(channelKey: string, origin: string | undefined): Promise<Channel> {
    const channel = await ctx.channelByKey(channelKey);
    if (origin !== ownOrigin && !originAllowed(channel.allowedOrigins, origin))
      throw new AppError(
        'chat.origin_not_allowed',
        403,
        `This web channel may not be embedded on ${origin ?? 'an unknown site'}`,
      );
    return channel;
  }

  /** Whether a chat can start now: inside the channel's hours and someone able to take it. */
  async function availability(
    channel: Channel,
  ): Promise<{ open: boolean; reason: 'closed' | 'nobody' | null }> {
    const workspace = await ctx.workspaces.get(channel.workspaceId);
    const hours = channel.settings.hours ?? workspace.businessHours;
    if (!isOpen(hours, clock.now(), workspace.timeZone)) return { open: false, reason: 'closed' };
    const someone = (await ctx.routing.readyAgents(channel.workspaceId)) > 0;
    return someone ? { open: true, reason: null } : { open: false, reason: 'nobody' };
  }

  /** What the widget shows before anything else: look, greeting, language and whether chat is open. */
  async function publicConfig(channelKey: string, origin: string | undefined, languages: string[]) {
    const channel = await channelFor(channelKey, origin);
    const s = channel.settings;
    const language = pickLanguage(languages, s.languages);
    const searchable = (await ctx.knowledge?.hasPublicArticles(channel.workspaceId, language)) ?? false;
    return {
      name: channel.name,
      language,
      languages: s.languages,
      colors: s.colors,
      logoUrl: s.logoUrl,
      greeting: s.greeting,
      preChatFields: s.preChatFields,
      requestCategories: s.requestCategories,
      availability: await availability(channel),
      whenOffline: s.whenOffline,
      // The help-center search shows when the workspace has published articles in the visitor's language.
      knowledgeSearch: searchable,
      helpCenter: searchable ? (await ctx.workspaces.get(channel.workspaceId)).slug : null,
    };
  }

  /** A new visitor and its token; with a verified identity, the visitor is tied to that customer id. */
  async function start(request: SessionRequest) {
    const channel = await channelFor(request.channelKey, request.origin);
    let externalId: string | null = null;
    if (request.identity) {
      if (!identityVerified(channel.secret, request.identity.customerId, request.identity.signature))
        throw new AppError(
          'chat.identity_unverified',
          401,
          'The customer signature does not match this channel: the visitor stays anonymous',
        );
      externalId = request.identity.customerId;
    }
    const token = newVisitorToken();
    const language: Lang = pickLanguage(request.languages, channel.settings.languages);
    const visitor: Visitor = {
      id: newId(),
      workspaceId: channel.workspaceId,
      channelId: channel.id,
      tokenHash: hashToken(token),
      customerId: null,
      externalId,
      name: request.name ?? null,
      email: request.email ?? null,
      language,
      createdAt: clock.now(),
    };
    if (externalId) {
      const { customer } = await ctx.customers.findOrCreateByIdentity(
        channel.workspaceId,
        { kind: 'webchat', value: verifiedIdentityValue(channel.id, externalId) },
        { name: request.name, language },
      );
      visitor.customerId = customer.id;
    }
    await db.insert(chatVisitors).values(visitor);
    return { token, visitorId: visitor.id, language, verified: externalId !== null };
  }

  /**
   * The visitor behind a token, on the channel it was issued for; 401 otherwise. With `cached`, a token
   * seen in the last few seconds is answered from memory: the requests within a conversation then cost
   * no lookup. A visitor is never deleted and its channel never changes, so the cache
   * can only be late about its name, e-mail and customer, which the requests that use them read fresh.
   */
  async function authenticate(
    token: string | undefined,
    channelKey?: string,
    options: { cached?: boolean } = {},
  ): Promise<{ visitor: Visitor; channel: Channel }> {
    if (!token || !/^vt_[\w-]{20,80}$/.test(token))
      throw new AppError('chat.visitor_token', 401, 'Send the visitor token in the x-visitor-token header');
    const tokenHash = hashToken(token);
    const now = clock.now().getTime();
    const hit = options.cached ? known.get(tokenHash) : undefined;
    const found = hit && hit.until > now ? hit : await lookUp(tokenHash, now);
    if (!found) throw new AppError('chat.visitor_token', 401, 'Unknown visitor token');
    const { visitor, channel } = found;
    if (channelKey && channel.publicKey !== channelKey)
      throw new AppError('chat.visitor_token', 401, 'The visitor token belongs to another channel');
    return { visitor, channel };
  }

  async function lookUp(tokenHash: string, now: number) {
    const [visitor] = await db.select().from(chatVisitors).where(eq(chatVisitors.tokenHash, tokenHash));
    if (!visitor) return null;
    const [channel] = await db.select().from(chatChannels).where(eq(chatChannels.id, visitor.channelId));
    if (!channel) return null;
    if (known.size >= KNOWN_MAX) known.clear();
    const entry = { visitor, channel, until: now + KNOWN_TTL_MS };
    known.set(tokenHash, entry);
    return entry;
  }

  /** The visitors whose conversations this one may read: itself, and with a verified id its other devices. */
  async function sameCustomer(visitor: Visitor): Promise<string[]> {
    if (!visitor.externalId) return [visitor.id];
    const rows = await db
      .select({ id: chatVisitors.id })
      .from(chatVisitors)
      .where(
        scoped(db, visitor.workspaceId).where(
          chatVisitors,
          eq(chatVisitors.channelId, visitor.channelId),
          eq(chatVisitors.externalId, visitor.externalId),
        ),
      );
    return rows.map((r) => r.id);
  }

  /** Records the customer a visitor became when it first asked for something. */
  async function linkCustomer(
    visitor: Visitor,
    customerId: string,
    details: { name?: string; email?: string },
  ) {
    await scoped(db, visitor.workspaceId).update(
      chatVisitors,
      {
        customerId,
        ...(details.name ? { name: details.name } : {}),
        ...(details.email ? { email: details.email } : {}),
      },
      eq(chatVisitors.id, visitor.id),
    );
    visitor.customerId = customerId;
    known.delete(visitor.tokenHash);
  }

  async function byId(workspaceId: string, id: string): Promise<Visitor | null> {
    const [visitor] = await db
      .select()
      .from(chatVisitors)
      .where(scoped(db, workspaceId).where(chatVisitors, eq(chatVisitors.id, id)));
    return visitor ?? null;
  }

  return { byId, publicConfig, availability, start, authenticate, sameCustomer, linkCustomer, channelFor };
}

export type VisitorService = ReturnType<typeof createVisitorService>;

/** The webchat identity of a verified host-site customer: a hash, as host ids may hold any character. */
export const verifiedIdentityValue = (channelId: string, externalId: string): string =>
  `h_${createHash('sha256').update(`${channelId}:${externalId}`).digest('hex').slice(0, 40)}`;
