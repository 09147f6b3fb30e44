/** Listens for keyboard shortcuts on the whole page, except while the user types into a field. */
import { useEffect, useRef } from 'react';
import { type Binding, createKeymap } from './keymap.ts';

function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName);
}

export function useShortcuts(bindings: readonly Binding[]): void {
  const latest = useRef(bindings);
  latest.current = bindings;
  const signature = bindings.map((binding) => binding.keys.join(' ')).join('|');
  useEffect(() => {
    // Runs the latest handlers, so a re-render does not lose a half-typed sequence.
    const keys = signature.split('|').map((sequence) => sequence.split(' '));
    const feed = createKeymap(
      keys.map((sequence, index) => ({ keys: sequence, run: () => latest.current[index]?.run() })),
    );
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.ctrlKey || event.metaKey || event.altKey || event.defaultPrevented || isTyping(event.target))
        return;
      const binding = feed(event.key, event.timeStamp);
      if (!binding) return;
      event.preventDefault();
      binding.run();
    };
    document.addEventListener('keydown', onKeyDown);
    return () => document.removeEventListener('keydown', onKeyDown);
  }, [signature]);
}

/** Focuses the page's search field, marked with `data-shortcut-search`. */
export function focusSearch(): void {
  document.querySelector<HTMLInputElement>('[data-shortcut-search]')?.focus();
}
