/** Key sequences such as `g h`: a pure matcher fed one key at a time, with the time of each press. */

export interface Binding {
  /** Keys pressed in order, e.g. ['g', 'h'] or ['?']. */
  keys: readonly string[];
  run: () => void;
}

/** Longest pause allowed between two keys of one sequence. */
export const SEQUENCE_TIMEOUT_MS = 1200;

/**
 * Returns a function that takes each key press and answers the binding it completes, if any.
 * @example
 * const feed = createKeymap([{ keys: ['g', 'h'], run: goHome }]);
 * feed('g', 0); feed('h', 300)?.run();
 */
export function createKeymap(
  bindings: readonly Binding[],
): (key: string, now: number) => Binding | undefined {
  let pending: string[] = [];
  let lastAt = Number.NEGATIVE_INFINITY;
  return (key, now) => {
    if (now - lastAt > SEQUENCE_TIMEOUT_MS) pending = [];
    lastAt = now;
    const candidate = [...pending, key];
    const complete = bindings.find((binding) => sameKeys(binding.keys, candidate));
    if (complete) {
      pending = [];
      return complete;
    }
    if (bindings.some((binding) => startsWith(binding.keys, candidate))) {
      pending = candidate;
      return undefined;
    }
    // A stray key ends the sequence; it may start a new one on its own.
    pending = bindings.some((binding) => startsWith(binding.keys, [key])) ? [key] : [];
    return bindings.find((binding) => sameKeys(binding.keys, [key]));
  };
}

function sameKeys(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((key, index) => key === b[index]);
}

function startsWith(keys: readonly string[], prefix: readonly string[]): boolean {
  return prefix.length < keys.length && prefix.every((key, index) => key === keys[index]);
}
