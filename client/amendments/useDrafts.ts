import { useEffect, useState } from 'react';
import * as Y from 'yjs';
import { PARTY_DRAFTS } from '../../shared/amendments/types.js';
import type { RoomHandle } from '../app/useRoom.js';

/**
 * The party's draft amendments, live from its private room (the page's one connection to it; no other
 * party can open it). Only drafts coming and going change the list; typing inside one is followed by
 * whoever shows its text.
 */
export function useDrafts(party: RoomHandle | null): Y.Map<unknown>[] {
  const [drafts, setDrafts] = useState<Y.Map<unknown>[]>([]);
  useEffect(() => {
    if (!party) return;
    const map = party.doc.getMap(PARTY_DRAFTS);
    const update = () => setDrafts([...map.values()].filter((v): v is Y.Map<unknown> => v instanceof Y.Map));
    update();
    map.observe(update);
    return () => map.unobserve(update);
  }, [party]);
  return drafts;
}
