/**
 * Runs the nightly value batch: every ten minutes it asks, for each workspace, whether its night has come
 * and its batch not yet run (nightly.ts), and runs the batch of those that are due. Several processes may
 * check at once; the batch is idempotent, so a second run in the same night only repeats the same result.
 */
import type { Context } from './context.ts';
import { nightlyDue } from './nightly.ts';
import type { ValueService } from './value-service.ts';

const CHECK_EVERY_MS = 10 * 60_000;

export function createNightlyRunner(ctx: Context, value: ValueService) {
  let timer: ReturnType<typeof setInterval> | null = null;
  let running: Promise<string[]> | null = null;

  /** Runs the batch of every workspace that is due now; answers their ids. */
  async function check(): Promise<string[]> {
    const ran: string[] = [];
    for (const workspace of await ctx.workspaces.list()) {
      const { computedAt } = await ctx.valueSettings(workspace.id);
      if (!nightlyDue(ctx.clock.now(), computedAt, workspace.timeZone)) continue;
      await value.recomputeWorkspace(workspace.id);
      ran.push(workspace.id);
    }
    return ran;
  }

  /**
   * One check, never two at once.
   * @example await customers.nightly.tick() // ['0190…'] when a workspace's night had come
   */
  function tick(): Promise<string[]> {
    running ??= check().finally(() => {
      running = null;
    });
    return running;
  }

  return {
    tick,
    /** Starts checking every ten minutes (the timer does not keep the process alive). */
    start(): void {
      if (timer) return;
      timer = setInterval(() => {
        tick().catch((err: unknown) => ctx.logger?.error({ err }, 'nightly customer value batch failed'));
      }, CHECK_EVERY_MS);
      timer.unref();
    },
    /** Stops checking; a batch already running finishes. */
    async stop(): Promise<void> {
      if (timer) clearInterval(timer);
      timer = null;
      await running?.catch(() => {});
    },
  };
}
