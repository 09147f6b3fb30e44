/**
 * Knowledge answers embedded in answer steps. The core shows a step's stored text; this shell checks at
 * publishing that every linked article exists and is published, and gives the runner the article's
 * current answer, so the same question yields the same, up-to-date answer. An article archived after
 * publishing leaves the step its stored text.
 */
import { AppError, errors } from '../../platform/errors.ts';
import type { ScriptingDeps } from './context.ts';
import type { CompiledScript } from './core/evaluate.ts';
import type { Problem, ScriptDefinition } from './core/types.ts';

/** The longest text a step stores (the step schema's limit); the runner shows the whole current answer. */
const STORED_TEXT = 4000;

/** What the runner shows of a step, as `stepView` builds it. */
interface ShownStep {
  id: string;
  text: string;
  title: string | null;
}

export function createAnswerService(deps: Pick<ScriptingDeps, 'knowledge'>) {
  /** The linked answer steps of a definition whose article is unknown or not published. */
  async function problemsOf(workspaceId: string, def: ScriptDefinition): Promise<Problem[]> {
    const linked = def.steps.flatMap((s) => (s.type === 'answer' && s.answerId ? [s] : []));
    if (linked.length === 0) return [];
    const found = await deps.knowledge.answers(
      workspaceId,
      linked.map((s) => s.answerId!),
    );
    return linked.flatMap((s): Problem[] => {
      const article = found.get(s.answerId!);
      if (article?.status === 'published') return [];
      const why = article ? `is ${article.status}, not published` : 'does not exist';
      return [
        {
          stepId: s.id,
          code: article ? 'answer_not_published' : 'unknown_answer',
          message: `Step "${s.id}" embeds the knowledge article "${s.answerId}", which ${why}`,
        },
      ];
    });
  }

  /**
   * The step as the runner shows it: an answer step linked to a published article shows the article's
   * current title and answer; anything else is left as the core rendered it.
   */
  async function current<T extends ShownStep>(
    workspaceId: string,
    script: CompiledScript,
    shown: T,
  ): Promise<T> {
    const step = script.byId.get(shown.id);
    if (step?.type !== 'answer' || !step.answerId) return shown;
    const article = (await deps.knowledge.answers(workspaceId, [step.answerId])).get(step.answerId);
    if (article?.status !== 'published') return shown;
    return { ...shown, title: article.title, text: article.text };
  }

  /**
   * A published article as an answer step's fields, for the designer's picker.
   * @example await answers.forStep(ws, articleId) // { answerId, title, text }
   */
  async function forStep(workspaceId: string, articleId: string) {
    const article = (await deps.knowledge.answers(workspaceId, [articleId])).get(articleId);
    if (!article) throw errors.notFound('Knowledge article');
    if (article.status !== 'published')
      throw new AppError(
        'scripting.answer_not_published',
        409,
        `The knowledge article "${article.title}" is ${article.status}; publish it before a script embeds it`,
      );
    return {
      answerId: article.id,
      title: article.title.slice(0, 200),
      text: article.text.slice(0, STORED_TEXT),
      language: article.language,
    };
  }

  return { problemsOf, current, forStep };
}

export type AnswerService = ReturnType<typeof createAnswerService>;
