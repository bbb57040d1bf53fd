import { useEffect, useState } from 'react';
import type { DraftingMode } from '../../shared/auth/roles.js';
import { useRoom, type RoomHandle } from './useRoom.js';

/**
 * The document's meta room (written by the server only): settings such as drafting, and later amendments,
 * positions and statuses. Follows it live.
 */
export function useMeta(
  documentId: string,
  initialDrafting: DraftingMode,
  /** False until the room is wanted (the page joins it once the text shows). */
  enabled = true,
): { meta: RoomHandle | null; drafting: DraftingMode } {
  const { handle } = useRoom(enabled ? `${documentId}/meta` : null);
  const [drafting, setDrafting] = useState<DraftingMode>(initialDrafting);
  useEffect(() => {
    if (!handle) return;
    const settings = handle.doc.getMap('settings');
    const update = () => {
      const value = settings.get('drafting');
      if (value === 'open' || value === 'closed') setDrafting(value);
    };
    update();
    settings.observe(update);
    return () => settings.unobserve(update);
  }, [handle]);
  return { meta: handle, drafting };
}
