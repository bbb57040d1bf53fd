import { useEffect, useState } from 'react';
import type { Party } from '../../shared/auth/person.js';
import { api } from './session.js';

const asked = new Map<string, Promise<Party[]>>();

/** The document's parties (short name, name, colour), asked once per page for every feature that shows them. */
export function useParties(documentId: string): Party[] {
  const [value, setValue] = useState<Party[]>([]);
  useEffect(() => {
    let promise = asked.get(documentId);
    if (!promise) {
      promise = api<Party[]>('GET', `/api/documents/${encodeURIComponent(documentId)}/parties`);
      asked.set(documentId, promise);
    }
    let live = true;
    promise.then((p) => live && setValue(p)).catch(() => asked.delete(documentId));
    return () => {
      live = false;
    };
  }, [documentId]);
  return value;
}
