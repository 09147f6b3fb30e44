/**
 * What each of the core's own timers does when it comes due. Every handler first checks that the
 * reason it was scheduled still holds (see timers.ts), which makes firing idempotent. A timer found
 * stale can never become live again: every deadline set anew lies after the current time.
 */
import { applyAction, enqueue, finish, release, requeue, setNotReady } from './lifecycle.ts';
import { stepDueAt } from './policy.ts';
import {
  type Ctx,
  exclude,
  type InteractionRt,
  markInteraction,
  pushToBucket,
  unlinkWaiting,
} from './state.ts';
import type { Timer } from './timers.ts';

/** Whether a timer still has work to do; stale ones are skipped by `nextDueAt` and `fire`. */
export function isLive(ctx: Ctx, timer: Timer): boolean {
  if (timer.kind === 'grace') {
    const agent = ctx.agents.get(timer.id);
    // No condition that can flip back (such as presence): a timer skipped as stale must stay stale,
    // or a rebuilt engine, which schedules it afresh, would fire what the original skipped.
    return (
      agent !== undefined &&
      agent.disconnectedAt !== null &&
      agent.disconnectedAt + ctx.config.presenceGraceSeconds * 1000 === timer.due
    );
  }
  const i = ctx.interactions.get(timer.id);
  if (!i) return false;
  switch (timer.kind) {
    case 'wrapUp':
      return i.phase === 'wrap_up' && i.wrapUpUntil === timer.due;
    case 'offer':
      return i.phase === 'offered' && i.offer?.expiresAt === timer.due;
    case 'sticky':
      return i.phase === 'queued' && i.preferUntil === timer.due;
    case 'relax': {
      const compiled = i.queue.compiled;
      return (
        i.phase === 'queued' &&
        i.level < compiled.thresholds.length &&
        stepDueAt(compiled, i.arrivedAt, i.level) === timer.due
      );
    }
    case 'maxWait': {
      const overflow = i.queue.policy.overflow;
      return (
        i.phase === 'queued' &&
        overflow !== undefined &&
        overflow.action.kind !== 'keep' &&
        i.enteredQueueAt + overflow.afterSeconds * 1000 === timer.due
      );
    }
  }
}

/** Fires a live timer at its due time. */
export function fire(ctx: Ctx, timer: Timer): void {
  if (timer.kind === 'grace') {
    const agent = ctx.agents.get(timer.id)!;
    // The grace period is over: forget it, so that a rebuilt engine does not start it again.
    agent.disconnectedAt = null;
    if (agent.presence !== 'available') return;
    setNotReady(ctx, agent, 'disconnected');
    return;
  }
  const i = ctx.interactions.get(timer.id)!;
  switch (timer.kind) {
    case 'wrapUp':
      endWrapUp(ctx, i);
      return;
    case 'offer':
      expireOffer(ctx, i);
      return;
    case 'sticky':
      unlinkWaiting(ctx, i);
      i.preferred = [];
      i.preferUntil = null;
      pushToBucket(ctx, i);
      markInteraction(ctx, i);
      return;
    case 'relax':
      relax(ctx, i);
      return;
    case 'maxWait':
      applyAction(ctx, i, i.queue.policy.overflow!.action, 'maxWait');
      return;
  }
}

function endWrapUp(ctx: Ctx, i: InteractionRt): void {
  ctx.out.push({ type: 'wrapUpEnded', interactionId: i.request.id, agentId: i.agentId! });
  finish(ctx, i, 'taken');
}

/** Every agent still silent missed the offer: it is never offered to them again, and counts a miss. */
export function expireOffer(ctx: Ctx, i: InteractionRt): void {
  const limit = ctx.config.missedOffersBeforeNotReady;
  const silent = i.offer!.agentIds;
  i.offer!.agentIds = [];
  for (const agentId of silent) {
    exclude(i, agentId);
    ctx.out.push({ type: 'offerRevoked', interactionId: i.request.id, agentId, reason: 'expired' });
    const agent = ctx.agents.get(agentId);
    if (!agent) continue;
    agent.missedInRow++;
    release(ctx, agent, i, false);
    if (limit > 0 && agent.missedInRow >= limit && agent.presence === 'available') {
      setNotReady(ctx, agent, 'missed_offers');
    }
  }
  requeue(ctx, i, 'missed');
}

/** The interaction waited long enough for the next relaxation step: more agents may take it. */
function relax(ctx: Ctx, i: InteractionRt): void {
  unlinkWaiting(ctx, i);
  // enqueue recomputes the level from the age, schedules the next step and says `relaxed`.
  enqueue(ctx, i);
}
