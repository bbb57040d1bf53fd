import { useSyncExternalStore } from 'react';

/**
 * The amendment the person asked to see (a click on it in the text): its card is scrolled into view and
 * marked. One value per page, outside React state so the editor's plugins can set it.
 */
let focused: { id: string; at: number } | null = null;
const listeners = new Set<() => void>();

/** Asks the amendments panel to show an amendment's card. */
export function focusAmendment(id: string): void {
  focused = { id, at: Date.now() };
  for (const l of listeners) l();
}

/** The amendment asked for last (with when, so asking again scrolls again), or null. */
export function useFocusedAmendment(): { id: string; at: number } | null {
  return useSyncExternalStore(
    (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    () => focused,
  );
}
