import { useEffect, useLayoutEffect, useRef } from 'react';

/** Keys are `KeyboardEvent.key` values, letters in lower case: ' ', '1', 'u'. */
export type Shortcuts = Partial<Record<string, () => void>>;

const TYPING = 'input, textarea, select, [contenteditable]:not([contenteditable="false"])';
/** Controls that Space activates by itself. */
const SPACE_OWNERS = 'button, a, summary, [role="button"], [role="checkbox"], [role="switch"]';

/**
 * Single-key shortcuts on the window. Ignored while typing in a field, with a modifier held, on
 * auto-repeat, or while a modal dialog is open.
 */
export function useShortcuts(shortcuts: Shortcuts, enabled = true): void {
  const ref = useRef(shortcuts);
  useLayoutEffect(() => {
    ref.current = shortcuts;
  });

  useEffect(() => {
    if (!enabled) return;
    const onKey = (e: KeyboardEvent) => {
      if (e.defaultPrevented || e.repeat || e.ctrlKey || e.metaKey || e.altKey) return;
      const key = e.key.length === 1 ? e.key.toLowerCase() : e.key;
      const handler = ref.current[key];
      if (!handler) return;
      const target = e.target instanceof Element ? e.target : null;
      if (target?.closest(TYPING)) return;
      if (key === ' ' && target?.closest(SPACE_OWNERS)) return;
      if (document.querySelector('dialog[open]')) return;
      e.preventDefault();
      handler();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [enabled]);
}
