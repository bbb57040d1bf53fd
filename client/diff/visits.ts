/**
 * "Since my last visit": the page records a visit once when the document is opened; the compare view reads
 * the previous visit's time from here.
 */
import { useEffect, useSyncExternalStore } from 'react';
import { recordVisit } from './api.js';

type VisitState = { kind: 'unknown' } | { kind: 'first' } | { kind: 'earlier'; at: string };

let current: VisitState = { kind: 'unknown' };
let recordedFor: string | null = null;
const listeners = new Set<() => void>();

function set(next: VisitState) {
  current = next;
  for (const listener of listeners) listener();
}

/** Records this visit once per document and page load. */
export function useRecordVisit(documentId: string): void {
  useEffect(() => {
    if (recordedFor === documentId) return;
    recordedFor = documentId;
    recordVisit(documentId)
      .then(({ previousVisit }) =>
        set(previousVisit ? { kind: 'earlier', at: previousVisit } : { kind: 'first' }),
      )
      .catch(() => set({ kind: 'first' }));
  }, [documentId]);
}

/** The previous visit, as far as known. */
export function usePreviousVisit(): VisitState {
  return useSyncExternalStore(
    (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    () => current,
  );
}
