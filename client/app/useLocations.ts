import { useEffect, useState } from 'react';
import * as Y from 'yjs';
import type { EditorView } from 'prosemirror-view';
import type { EditorState } from 'prosemirror-state';
import type { Awareness } from 'y-protocols/awareness';
import { relativePositionToAbsolutePosition, ySyncPluginKey } from 'y-prosemirror';
import { FALLBACK_COLOR } from '../../shared/auth/person.js';

/** Someone else in the document, and the chapter, section and measure their cursor is in. */
export interface Location {
  clientId: number;
  name: string;
  /** Their party's short name, shown beside their colour. */
  party: string;
  color: string;
  /** Ids of the chapter, section and measure around the cursor (whichever there are). */
  within: string[];
}

const CONTAINERS = new Set(['chapter', 'section', 'measure']);

/** The ids of the chapter, section and measure around a position. */
function containersAt(state: EditorState, pos: number): string[] {
  const $pos = state.doc.resolve(Math.min(Math.max(pos, 0), state.doc.content.size));
  const ids: string[] = [];
  for (let depth = 1; depth <= $pos.depth; depth++) {
    const node = $pos.node(depth);
    if (CONTAINERS.has(node.type.name) && node.attrs.id) ids.push(node.attrs.id as string);
  }
  return ids;
}

/**
 * Where the others are: each remote cursor (from awareness, as y-prosemirror's cursor plugin shares it)
 * turned into the chapter, section and measure it is in, for the outline to show. Follows awareness and
 * every change of the text.
 */
export function useLocations(
  view: EditorView | null,
  awareness: Awareness | null,
  state: EditorState | null,
): Location[] {
  const [locations, setLocations] = useState<Location[]>([]);
  useEffect(() => {
    if (!view || !awareness) return;
    const update = () => {
      if (view.isDestroyed) return;
      const sync = ySyncPluginKey.getState(view.state) as
        { doc: Y.Doc; type: Y.XmlFragment; binding: { mapping: Map<unknown, unknown> } } | undefined;
      if (!sync?.binding) return;
      const found: Location[] = [];
      awareness.getStates().forEach((s, clientId) => {
        if (clientId === awareness.clientID) return;
        const user = s.user as { name?: string; party?: string; color?: string } | undefined;
        const cursor = s.cursor as { head?: unknown } | null | undefined;
        if (!user?.name || !cursor?.head) return;
        const pos = relativePositionToAbsolutePosition(
          sync.doc,
          sync.type,
          Y.createRelativePositionFromJSON(cursor.head),
          sync.binding.mapping as never,
        );
        if (pos === null) return;
        found.push({
          clientId,
          name: user.name,
          party: user.party ?? '',
          color: user.color ?? FALLBACK_COLOR,
          within: containersAt(view.state, pos),
        });
      });
      setLocations(found);
    };
    update();
    awareness.on('change', update);
    return () => awareness.off('change', update);
  }, [view, awareness, state]);
  return locations;
}
