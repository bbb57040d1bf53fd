import { useSyncExternalStore } from 'react';

/** Which submitted amendments are shown inline: none, all parties', or one party's (its short name). */
export type ShowChoice = 'none' | 'all' | { party: string };

let value: ShowChoice = 'none';
const listeners = new Set<() => void>();

/** Sets what "Voorstellen tonen" shows (the toolbar's choice, or a card's "In de tekst"). */
export function setShown(next: ShowChoice): void {
  value = next;
  for (const l of listeners) l();
}

/** What "Voorstellen tonen" shows now. */
export function shownNow(): ShowChoice {
  return value;
}

/** What "Voorstellen tonen" shows, live. */
export function useShown(): ShowChoice {
  return useSyncExternalStore(
    (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    () => value,
  );
}

/** Whether an amendment of `party` is shown under a choice. */
export function isShown(choice: ShowChoice, party: string): boolean {
  return choice === 'all' || (typeof choice === 'object' && choice.party === party);
}
