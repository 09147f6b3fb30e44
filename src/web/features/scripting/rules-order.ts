/** Moving a selection rule up or down the priority order: the rules whose priority changes. Pure. */
import type { Rule } from './api.ts';

/**
 * Swaps a rule's priority with its neighbour's; when they tie (ties go by age), the mover steps one past.
 * @example reorder(rules, 2, -1) // the rules to save so the third rule comes second
 */
export function reorder(list: Rule[], index: number, step: -1 | 1): Rule[] {
  const mover = list[index];
  const other = list[index + step];
  if (!mover || !other) return [];
  if (mover.priority !== other.priority)
    return [
      { ...mover, priority: other.priority },
      { ...other, priority: mover.priority },
    ];
  if (step === 1) return [{ ...mover, priority: mover.priority + 1 }];
  return other.priority > 0
    ? [{ ...mover, priority: other.priority - 1 }]
    : [{ ...other, priority: other.priority + 1 }];
}
