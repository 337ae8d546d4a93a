import { useEffect, useRef } from 'react';

/** Focus in a field, a button or a link: the key belongs to it (typing, or Space pressing the button). */
function focusWantsKey(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable) return true;
  return (
    target.closest(
      'input, textarea, select, button, a[href], summary, [role="button"], [role="switch"], [role="slider"]',
    ) !== null
  );
}

/**
 * A page-wide single-key shortcut for the class ("Space", "s", "c"): never while typing or while a control has
 * focus, never with Ctrl/Alt/Meta, never during IME composition.
 */
export function useShortcut(key: string, handler: () => void) {
  const latest = useRef(handler);
  useEffect(() => {
    latest.current = handler;
  });
  useEffect(() => {
    const on = (e: KeyboardEvent) => {
      const pressed = e.key === ' ' ? 'Space' : e.key.toLowerCase();
      if (pressed !== key || e.ctrlKey || e.metaKey || e.altKey || e.isComposing || e.repeat || focusWantsKey(e.target))
        return;
      e.preventDefault(); // Space would scroll the page
      latest.current();
    };
    window.addEventListener('keydown', on);
    return () => window.removeEventListener('keydown', on);
  }, [key]);
}
