import { useEffect, useState } from 'react';
import type { Party } from '../../shared/auth/person.js';
import { api } from './session.js';

const parties = new Map<string, Promise<Party[]>>();

/** The document's parties (name, colour), asked once per page; every feature that colours by party uses it. */
export function useParties(documentId: string): Party[] {
  const [value, setValue] = useState<Party[]>([]);
  useEffect(() => {
    let promise = parties.get(documentId);
    if (!promise)
      parties.set(documentId, (promise = api<Party[]>('GET', `/api/documents/${documentId}/parties`)));
    let live = true;
    promise.then((p) => live && setValue(p)).catch(() => parties.delete(documentId));
    return () => {
      live = false;
    };
  }, [documentId]);
  return value;
}
