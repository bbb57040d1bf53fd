import { useEffect, useState } from 'react';
import type * as Y from 'yjs';
import { measureOfNoteKey } from '../../shared/notes/measureNotes.js';

/** The measures with a non-empty note in a party room's document. */
export function notedMeasures(doc: Y.Doc): Set<string> {
  const out = new Set<string>();
  for (const key of doc.share.keys()) {
    const measureId = measureOfNoteKey(key);
    // getText turns a root that arrived from the server (a plain type until asked for) into the Y.Text it is.
    if (measureId !== null && doc.getText(key).length > 0) out.add(measureId);
  }
  return out;
}

/** The measures the person's party has a note on, live; empty while the party room is not joined. */
export function useNotedMeasures(doc: Y.Doc | null): Set<string> {
  const [noted, setNoted] = useState<Set<string>>(() => new Set());
  useEffect(() => {
    if (!doc) {
      setNoted(new Set());
      return;
    }
    let last = '';
    const update = () => {
      const next = notedMeasures(doc);
      const key = [...next].sort().join(' ');
      if (key === last) return; // typing in a note changes nothing here: no render of the outline
      last = key;
      setNoted(next);
    };
    update();
    doc.on('update', update);
    return () => doc.off('update', update);
  }, [doc]);
  return noted;
}
