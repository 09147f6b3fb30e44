/** The desk's side of chat beyond messages: transfers with a note, the call-back list, canned responses. */
import { and, asc, eq, ilike, or, sql } from 'drizzle-orm';
import { scoped } from '../../platform/db/scope.ts';
import { AppError, errors } from '../../platform/errors.ts';
import type { ChatContext } from './context.ts';
import type { ConversationService } from './conversations-service.ts';
import { chatCannedResponses, chatConversations } from './schema.ts';

export function createDeskService(ctx: ChatContext, conversations: ConversationService) {
  const { db, uow, clock, newId } = ctx;

  /** Hands the chat to a queue or an agent; the note is an internal message the next agent reads first. */
  async function transfer(
    workspaceId: string,
    userId: string,
    id: string,
    to: { queueId?: string; agentId?: string },
    note: string,
  ) {
    const actor = { kind: 'agent' as const, workspaceId, userId };
    await conversations.load(actor, id);
    if (note.trim())
      await conversations.send(actor, id, { clientId: `transfer-${newId()}`, body: note, internal: true });
    return ctx.routing.transfer(workspaceId, id, userId, to);
  }

  /**
   * The desk has the visitor's messages up to `seq` (it acknowledges each as it reaches it): the agent
   * side's delivered watermark, forward only and never past the last message. Reading is the next step
   * (`conversations.receipt`); the widget shows its messages sent, delivered, then read.
   */
  async function delivered(workspaceId: string, userId: string, id: string, seq: number) {
    await conversations.load({ kind: 'agent', workspaceId, userId }, id);
    await uow.run(async (tx, record) => {
      const target = sql`least(${seq}, ${chatConversations.lastSeq})`;
      const [moved] = await tx
        .update(chatConversations)
        .set({ agentDeliveredSeq: target })
        .where(
          and(
            scoped(tx, workspaceId).where(chatConversations, eq(chatConversations.id, id)),
            sql`${chatConversations.agentDeliveredSeq} < ${target}`,
          ),
        )
        .returning({ seq: chatConversations.agentDeliveredSeq });
      if (!moved) return;
      await record({
        workspaceId,
        type: 'chat.receipt',
        subject: 'interaction',
        subjectId: id,
        actorId: userId,
        topics: [`chat:${id}`, `interaction:${id}`],
        payload: { by: 'agent', kind: 'delivered', seq: moved.seq },
      });
    });
  }

  /** Call-backs not yet taken, by window start: the desk's call-back list (in routing ones show as waiting). */
  async function callbacks(workspaceId: string) {
    const page = await ctx.interactions.list(
      workspaceId,
      { limit: 200, after: null },
      { state: ['scheduled', 'queued', 'offered'], channel: 'callback' },
    );
    return page.items
      .sort((a, b) => (a.scheduledFor ?? a.createdAt).localeCompare(b.scheduledFor ?? b.createdAt))
      .map((i) => ({
        id: i.id,
        customerId: i.customerId,
        phone: String(i.attributes.phone ?? ''),
        windowStart: String(i.attributes.windowStart ?? i.scheduledFor ?? i.createdAt),
        windowEnd: String(i.attributes.windowEnd ?? i.scheduledFor ?? i.createdAt),
        reference: String(i.attributes.reference ?? ''),
        note: i.subject,
        state: i.state,
        due: new Date(i.scheduledFor ?? i.createdAt).getTime() <= clock.now().getTime(),
      }));
  }

  /**
   * A call-back an agent may work from the list: one still waiting for its window. Once it is in routing
   * (queued, offered) it is the routing core's; once accepted, only its agent records the outcome.
   */
  async function ownCallback(workspaceId: string, id: string, userId?: string) {
    const interaction = await ctx.interactions.get(workspaceId, id);
    if (interaction.channel !== 'callback') throw errors.notFound('Call-back');
    const mine = userId !== undefined && interaction.agentId === userId;
    if (interaction.state !== 'scheduled' && !(mine && ['active', 'wrap_up'].includes(interaction.state)))
      throw new AppError('chat.callback_done', 409, `This call-back is ${interaction.state}`);
    return interaction;
  }

  /**
   * The agent placed the call: its outcome closes the call-back. One that routing offered and the agent
   * accepted ends through routing (wrap-up, then closed with the outcome), which frees the agent.
   */
  async function callbackOutcome(
    workspaceId: string,
    userId: string,
    id: string,
    outcome: string,
    notes: string | null,
  ) {
    const current = await ownCallback(workspaceId, id, userId);
    if (current.state === 'scheduled')
      return ctx.interactions.change(
        workspaceId,
        id,
        'closed',
        { disposition: outcome, notes, agentId: userId },
        userId,
      );
    if (current.state === 'active') await ctx.routing.end(workspaceId, id, userId);
    return ctx.routing.wrapUp(workspaceId, id, userId, outcome, notes);
  }

  /** Agents a chat may go to: logged in to routing, with their names and states; never oneself. */
  async function transferTargets(workspaceId: string, userId: string) {
    const agents = (await ctx.routing.liveAgents(workspaceId)).filter(
      (a) => a.status !== 'offline' && a.userId !== userId,
    );
    const named = await Promise.all(
      agents.map(async (a) => ({
        id: a.userId,
        name: (await ctx.users.get(workspaceId, a.userId).catch(() => null))?.name ?? null,
        status: a.status,
        reason: a.reason,
      })),
    );
    return named
      .filter((a): a is typeof a & { name: string } => a.name !== null)
      .sort((a, b) => a.name.localeCompare(b.name));
  }

  /** Moves the call-back to a new window. */
  async function reschedule(
    workspaceId: string,
    userId: string,
    id: string,
    windowStart: string,
    windowEnd: string,
  ) {
    const current = await ownCallback(workspaceId, id);
    if (!(new Date(windowEnd) > new Date(windowStart)))
      throw errors.badRequest('chat.bad_window', 'The window must end after it starts', [
        { path: '/windowEnd', message: 'before the start' },
      ]);
    return uow.run(async (tx, record) => {
      const rows = await ctx.interactions.applyTransitions(tx, record, workspaceId, [
        {
          id,
          changes: { scheduledFor: new Date(windowStart) },
          actorId: userId,
          eventType: 'interaction.rescheduled',
          payload: { windowStart, windowEnd, from: current.scheduledFor },
        },
      ]);
      await ctx.interactions.setAttributes(tx, workspaceId, id, {
        ...current.attributes,
        windowStart,
        windowEnd,
      });
      return rows.get(id)!;
    });
  }

  async function canned(workspaceId: string, query: string | undefined) {
    const ws = scoped(db, workspaceId);
    const q = query?.trim();
    return db
      .select({
        id: chatCannedResponses.id,
        shortcut: chatCannedResponses.shortcut,
        title: chatCannedResponses.title,
        body: chatCannedResponses.body,
        language: chatCannedResponses.language,
      })
      .from(chatCannedResponses)
      .where(
        ws.where(
          chatCannedResponses,
          q
            ? or(
                ilike(chatCannedResponses.shortcut, `${q.replace(/[%_\\]/g, '\\$&')}%`),
                ilike(chatCannedResponses.title, `%${q.replace(/[%_\\]/g, '\\$&')}%`),
              )
            : undefined,
        ),
      )
      .orderBy(asc(chatCannedResponses.shortcut))
      .limit(50);
  }

  async function addCanned(
    workspaceId: string,
    input: { shortcut: string; title: string; body: string; language: 'es' | 'en' },
  ) {
    const row = { id: newId(), workspaceId, ...input, createdAt: clock.now() };
    await db.insert(chatCannedResponses).values(row);
    const { workspaceId: _w, createdAt: _c, ...view } = row;
    return view;
  }

  async function removeCanned(workspaceId: string, id: string) {
    const removed = await scoped(db, workspaceId).delete(chatCannedResponses, eq(chatCannedResponses.id, id));
    if (removed === 0) throw errors.notFound('Canned response');
  }

  return {
    delivered,
    transfer,
    transferTargets,
    callbacks,
    callbackOutcome,
    reschedule,
    canned,
    addCanned,
    removeCanned,
  };
}

export type DeskService = ReturnType<typeof createDeskService>;
