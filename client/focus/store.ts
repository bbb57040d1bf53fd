import { useSyncExternalStore } from 'react';

/**
 * Which measure the focus view shows (null: closed). One value per page, outside React state, so a button
 * anywhere (the amendments panel, the toolbar) opens it and the view, mounted once, follows.
 */
let shown: string | null = null;
const listeners = new Set<() => void>();

function set(value: string | null): void {
  shown = value;
  for (const listener of listeners) listener();
}

/** Shows a measure in the focus view. */
export function openFocus(measureId: string): void {
  set(measureId);
}

/** Closes the focus view. */
export function closeFocus(): void {
  set(null);
}

/** The measure the focus view shows, or null when it is closed. */
export function useFocusedMeasure(): string | null {
  return useSyncExternalStore(
    (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    () => shown,
  );
}
