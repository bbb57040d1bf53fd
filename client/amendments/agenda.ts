import type { Node } from 'prosemirror-model';
import type { EditorState } from 'prosemirror-state';
import type { DashboardChapter } from '../../shared/amendments/dashboard.js';

/** The measure the cursor is in: its id, stable number and text. */
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
    return {
      id: String(node.attrs.id ?? ''),
      number: String(node.attrs.number ?? ''),
      text: node.textContent,
    };
  }
  return null;
}

/** The measure with this id in the editor's document (its number and live text), or null when it is gone. */
export function measureById(doc: Node, id: string): MeasureAtCursor | null {
  let found: MeasureAtCursor | null = null;
  doc.descendants((node) => {
    if (found) return false;
    if (node.type.name !== 'measure') return true;
    if (node.attrs.id === id) found = { id, number: String(node.attrs.number ?? ''), text: node.textContent };
    return false;
  });
  return found;
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
      number: String(chapter.attrs.number ?? ''),
      title: chapter.firstChild?.textContent ?? '',
      measureIds,
    });
  });
  return out;
}

/** Every measure's live text and stable number, by id. */
export function measuresOfDoc(doc: Node): Map<string, { text: string; number: string }> {
  const out = new Map<string, { text: string; number: string }>();
  doc.forEach((chapter) => {
    if (chapter.type.name !== 'chapter') return;
    chapter.forEach((section) => {
      if (section.type.name !== 'section') return;
      section.forEach((measure) => {
        if (measure.type.name !== 'measure') return;
        const number = String(measure.attrs.number ?? '');
        out.set(String(measure.attrs.id ?? ''), { text: measure.textContent, number });
      });
    });
  });
  return out;
}
