import { useEffect, useState } from 'react';
import type { EditorView } from 'prosemirror-view';
import type * as Y from 'yjs';
import { FALLBACK_COLOR } from '../../shared/auth/person.js';
import { threadsOf } from '../../shared/comments/threads.js';
import { THREADS_MAP, type Thread } from '../../shared/comments/types.js';
import { useRoom, type RoomHandle } from '../app/useRoom.js';
import { setThreads } from './plugin.js';
import { useParties } from '../app/parties.js';

/** One list of parties for the whole page (client/app/useParties.ts). */
export { useParties } from '../app/parties.js';

function follow(handle: RoomHandle | null, onChange: (threads: Thread[]) => void): () => void {
  if (!handle) return () => {};
  const map = handle.doc.getMap(THREADS_MAP) as Y.Map<unknown>;
  const update = () => onChange(threadsOf(map.values()));
  update();
  map.observe(update);
  return () => map.unobserve(update);
}

/**
 * Follows the threads this person may see, live: everyone's from the meta room, their party's from the
 * party room (which no other party can open), and hands them to the editor plugin with their colours.
 */
export function useThreadsInEditor(
  documentId: string,
  party: string,
  meta: RoomHandle | null,
  view: EditorView | null,
): void {
  const { handle: partyRoom } = useRoom(`${documentId}/party/${party}`);
  const parties = useParties(documentId);
  const [everyone, setEveryone] = useState<Thread[]>([]);
  const [own, setOwn] = useState<Thread[]>([]);
  useEffect(() => follow(meta, (t) => setEveryone(t.filter((x) => x.audience === 'everyone'))), [meta]);
  useEffect(() => follow(partyRoom, (t) => setOwn(t.filter((x) => x.audience === 'party'))), [partyRoom]);
  useEffect(() => {
    if (!view || view.isDestroyed) return;
    const colors = new Map(parties.map((p) => [p.short, p.color]));
    setThreads(
      view,
      [...everyone, ...own].map((thread) => ({ thread, color: colors.get(thread.party) ?? FALLBACK_COLOR })),
    );
  }, [view, everyone, own, parties]);
}
