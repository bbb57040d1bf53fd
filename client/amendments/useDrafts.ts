import { useEffect, useState } from 'react';
import * as Y from 'yjs';
import { PARTY_DRAFTS } from '../../shared/amendments/types.js';
import { roomName } from '../../shared/protocol/rooms.js';
import type { MessageKey } from '../../shared/i18n/messages.js';
import { useRoom } from '../app/useRoom.js';

/**
 * The party's draft amendments, live from its private room (no other party can open it), and what the
 * server refused there (see `useRoom`).
 */
export function useDrafts(
  documentId: string,
  party: string,
): { drafts: Y.Map<unknown>[]; notice: MessageKey | null; dismissNotice: () => void } {
  const { handle, notice, dismissNotice } = useRoom(roomName({ kind: 'party', documentId, party }));
  const [drafts, setDrafts] = useState<Y.Map<unknown>[]>([]);
  useEffect(() => {
    if (!handle) return;
    const map = handle.doc.getMap(PARTY_DRAFTS);
    // Only drafts coming and going change the list; typing inside one is followed by its own textarea.
    const update = () => setDrafts([...map.values()].filter((v): v is Y.Map<unknown> => v instanceof Y.Map));
    update();
    map.observe(update);
    return () => map.unobserve(update);
  }, [handle]);
  return { drafts, notice, dismissNotice };
}
