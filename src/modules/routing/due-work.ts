/**
 * Scheduled work enters routing when its time comes: a call-back is offered to an agent like any other
 * interaction once its window opens. The interactions' `scheduled_for` is the durable timer; each process
 * keeps one timer for the earliest of them, re-read after every sweep, when the event bus says something
 * changed (at most once a second: a new call-back, a rescheduled one, in this process or another) and at
 * least once a minute. Several processes may sweep at once: `routeDue` makes each interaction enter once.
 */
import type { Clock } from '../../platform/clock.ts';
import type { EventBus } from '../../platform/events/bus.ts';
import type { Logger } from '../../platform/logging.ts';
import type { Interaction, InteractionService } from '../interactions/index.ts';

const BATCH = 100;
const RECHECK_MS = 1_000;
const MAX_SLEEP_MS = 60_000;

export function createDueWork(deps: {
  clock: Clock;
  logger: Logger;
  interactions: Pick<InteractionService, 'dueScheduled' | 'nextScheduledAt'>;
  routeDue(workspaceId: string, interaction: Interaction): Promise<string | null>;
  bus?: EventBus;
}) {
  const { clock, logger } = deps;
  let timer: NodeJS.Timeout | null = null;
  let recheck: NodeJS.Timeout | null = null;
  let unsubscribe: (() => void) | null = null;
  let running: Promise<number> | null = null;
  let started = false;

  /** Routes everything due now; answers how many entered routing. One sweep at a time per process. */
  async function sweep(): Promise<number> {
    while (running) await running.catch(() => 0);
    running = (async () => {
      let routed = 0;
      for (;;) {
        const due = await deps.interactions.dueScheduled(clock.now(), BATCH);
        for (const { workspaceId, interaction } of due) {
          const refused = await deps.routeDue(workspaceId, interaction).catch((err: unknown) => {
            logger.warn({ err, interactionId: interaction.id }, 'routing: scheduled work not routed');
            return 'error';
          });
          if (refused === null) routed++;
          else if (refused !== 'routing.duplicate_interaction')
            logger.warn({ interactionId: interaction.id, refused }, 'routing: scheduled work refused');
        }
        if (due.length < BATCH) return routed;
      }
    })();
    try {
      return await running;
    } finally {
      running = null;
    }
  }

  /** Sweeps what is due, then sleeps until the next scheduled time (or a minute, whichever is sooner). */
  async function wake(): Promise<void> {
    if (!started) return;
    await sweep();
    const next = await deps.interactions.nextScheduledAt();
    if (!started) return;
    const sleep = next ? Math.max(0, next.getTime() - clock.now().getTime()) : MAX_SLEEP_MS;
    if (timer) clearTimeout(timer);
    timer = setTimeout(run, Math.min(sleep, MAX_SLEEP_MS));
    timer.unref();
  }

  function run(): void {
    timer = null;
    wake().catch((err) => logger.error({ err }, 'routing: sweeping scheduled work failed'));
  }

  return {
    sweep,
    /** Starts the timer (after a restart, what fell due meanwhile is routed at once). */
    start(): void {
      if (started) return;
      started = true;
      unsubscribe =
        deps.bus?.subscribe(() => {
          if (recheck) return;
          recheck = setTimeout(() => {
            recheck = null;
            run();
          }, RECHECK_MS);
          recheck.unref();
        }) ?? null;
      run();
    },
    async close(): Promise<void> {
      started = false;
      unsubscribe?.();
      for (const t of [timer, recheck]) if (t) clearTimeout(t);
      await running?.catch(() => 0);
    },
  };
}
