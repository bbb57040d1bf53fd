import type { Node } from 'prosemirror-model';
import type { EditorState } from 'prosemirror-state';
import type { DashboardChapter } from '../../shared/amendments/dashboard.js';

/** The measure the cursor is in: its id, positional number and text. */
export interface MeasureAtCursor {
  id: string;
  number: string;
  text: string;
}

/** The measure holding the selection's head, or null when the cursor is elsewhere. */
export function measureAt(state: EditorState): MeasureAtCursor | null {
  const $pos = state.selection.$head;
  for (let depth = $pos.depth; depth > 0; depth--) {
    const node = $pos.node(depth);
    if (node.type.name !== 'measure') continue;
    // Positional number: chapter, section and measure index among their kind, as the editor's counters count.
    const numbers: number[] = [];
    for (let d = 1; d <= depth; d++) {
      const parent = $pos.node(d - 1);
      const index = $pos.index(d - 1);
      const kind = $pos.node(d).type.name;
      let n = 0;
      for (let i = 0; i <= index; i++) if (parent.child(i).type.name === kind) n++;
      numbers.push(n);
    }
    return { id: String(node.attrs.id ?? ''), number: numbers.join('.'), text: node.textContent };
  }
  return null;
}

/** Chapters with their measures in order, from the editor's document (as the server's `chaptersOf`). */
export function chaptersOfDoc(doc: Node): DashboardChapter[] {
  const out: DashboardChapter[] = [];
  doc.forEach((chapter) => {
    if (chapter.type.name !== 'chapter') return;
    const measureIds: string[] = [];
    chapter.forEach((section) => {
      if (section.type.name !== 'section') return;
      section.forEach((m) => {
        if (m.type.name === 'measure') measureIds.push(String(m.attrs.id ?? ''));
      });
    });
    out.push({
      id: String(chapter.attrs.id ?? ''),
      number: out.length + 1,
      title: chapter.firstChild?.textContent ?? '',
      measureIds,
    });
  });
  return out;
}

/** Every measure's live text and positional number, by id. */
export function measuresOfDoc(doc: Node): Map<string, { text: string; number: string }> {
  const out = new Map<string, { text: string; number: string }>();
  let c = 0;
  doc.forEach((chapter) => {
    if (chapter.type.name !== 'chapter') return;
    c++;
    let s = 0;
    chapter.forEach((section) => {
      if (section.type.name !== 'section') return;
      s++;
      let m = 0;
      section.forEach((measure) => {
        if (measure.type.name !== 'measure') return;
        m++;
        out.set(String(measure.attrs.id ?? ''), { text: measure.textContent, number: `${c}.${s}.${m}` });
      });
    });
  });
  return out;
}
