import { useEffect, useMemo, useState } from 'react';
import type * as Y from 'yjs';
import type { EditorState } from 'prosemirror-state';
import { readDocument } from '../../shared/agenda/read.js';
import {
  entriesOfAgenda,
  entriesOfMeta,
  entriesOfPartyRoom,
  prepare,
  type PreparedEntry,
} from '../../shared/search/index.js';

/** A count that moves on with every update of a Y.Doc (while `active`), to recompute what is read from it. */
function useVersion(doc: Y.Doc | null, active: boolean): number {
  const [version, setVersion] = useState(0);
  useEffect(() => {
    if (!doc || !active) return;
    let frame = 0;
    const bump = () => {
      cancelAnimationFrame(frame);
      frame = requestAnimationFrame(() => setVersion((v) => v + 1));
    };
    bump();
    doc.on('update', bump);
    return () => {
      cancelAnimationFrame(frame);
      doc.off('update', bump);
    };
  }, [doc, active]);
  return version;
}

/** What the search looks in, in the browser: exactly what the server searches for this person. */
export interface SearchEntries {
  prepared: PreparedEntry[];
  numbers: Map<string, string>;
}

/**
 * The entries of the rooms this page has open — the text as the editor shows it, the meta room, the
 * person's party room — read the same way as the server reads them (shared/search), and only while the
 * search is open.
 */
export function useSearchEntries(
  state: EditorState | null,
  meta: Y.Doc | null,
  partyRoom: Y.Doc | null,
  party: string,
  active: boolean,
): SearchEntries {
  const doc = active ? (state?.doc ?? null) : null;
  const text = useMemo(() => {
    if (!doc) return { prepared: [], numbers: new Map<string, string>() };
    const { entries, numbers } = entriesOfAgenda(readDocument(doc));
    return { prepared: entries.map(prepare), numbers };
  }, [doc]);
  const metaVersion = useVersion(meta, active);
  const shared = useMemo(
    () => (meta && active ? entriesOfMeta(meta).map(prepare) : []),
    // The version stands for the room's content.
    [meta, active, metaVersion],
  );
  const partyVersion = useVersion(partyRoom, active);
  const own = useMemo(
    () => (partyRoom && active ? entriesOfPartyRoom(partyRoom, party).map(prepare) : []),
    // The version stands for the room's content.
    [partyRoom, party, active, partyVersion],
  );
  return useMemo(() => {
    const rest = [...shared, ...own];
    return {
      prepared: [
        ...text.prepared,
        ...rest.filter((p) => p.entry.kind === 'amendment'),
        ...rest.filter((p) => p.entry.kind === 'thread'),
      ],
      numbers: text.numbers,
    };
  }, [text, shared, own]);
}
