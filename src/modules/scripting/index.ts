/**
 * Scripting and next best action: scripts that guide the agent through a contact (a pure evaluation core,
 * versions, publishing, selection rules), runs recorded on interactions and customers' timelines,
 * invoices and balances, promotions, propensity scores by co-occurrence and the top offers with reasons.
 */
import { createAnswerService } from './answers.ts';
import type { ScriptingDeps } from './context.ts';
import { seedDemoScripting } from './demo.ts';
import { deskRoutes } from './desk-routes.ts';
import { createEffects } from './effects.ts';
import { createInvoiceService } from './invoices-service.ts';
import { createOffersService } from './offers-service.ts';
import { createRulesService } from './rules-service.ts';
import { createRunService } from './runs-service.ts';
import { scriptsRoutes } from './scripts-routes.ts';
import { createScriptService } from './scripts-service.ts';
import { createTemplateService } from './templates-service.ts';

export type { ScriptingDeps } from './context.ts';
export { trainCommand } from './train-command.ts';

/** Retrain the propensity models this often while the server runs (and on `atiende scripting train`). */
export const TRAIN_EVERY_MS = 6 * 3_600_000;

/**
 * Wires the scripting module: its services, its routes (to mount under /api/v1) and the training schedule.
 * @example
 * const scripting = createScripting({ db, uow, clock, newId, customers, email, recordTimelineEntry, interactions, knowledge, users, workspaces });
 * for (const routes of scripting.routes) await api.register(routes);
 * const stop = scripting.scheduleTraining();
 */
export function createScripting(deps: ScriptingDeps) {
  const templates = createTemplateService(deps);
  const answers = createAnswerService(deps);
  const scripts = createScriptService(deps, {
    templates,
    answers,
    published: (workspaceId) => rules.invalidate(workspaceId),
  });
  const invoices = createInvoiceService(deps);
  const offers = createOffersService(deps);
  const rules = createRulesService(deps, { scripts, invoices, offers });
  const effects = createEffects(deps, { offers, templates });
  const runs = createRunService(deps, { scripts, rules, offers, effects, answers });
  return {
    services: { scripts, invoices, offers, rules, runs, templates, answers },
    /**
     * Seeds the demo scripts, products, purchase histories, invoices and promotions, and trains the model.
     * @example await scripting.seedDemo(workspaceId, adminId)
     */
    seedDemo: (workspaceId: string, actorId: string | null = null) =>
      seedDemoScripting(deps, { scripts, answers, rules, offers, templates }, workspaceId, actorId),
    routes: [
      scriptsRoutes({ scripts, rules, runs, templates, answers }),
      deskRoutes({ runs, rules, offers, invoices }),
    ],
    /**
     * Retrains every workspace's model now and then every `TRAIN_EVERY_MS`; returns the function that stops it.
     * @example const stop = scripting.scheduleTraining(logger.warn); … stop();
     */
    scheduleTraining(onError: (e: unknown) => void = () => {}, every = TRAIN_EVERY_MS): () => void {
      const timer = setInterval(() => offers.trainAll().catch(onError), every);
      timer.unref();
      return () => clearInterval(timer);
    },
  };
}

export type Scripting = ReturnType<typeof createScripting>;
