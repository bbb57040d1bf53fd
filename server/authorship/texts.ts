/**
 * The text units of a document's Yjs state with the item ids their characters are made of: what maps a
 * diff's characters back to the attribution index. The walk follows `readDocument` and the diff engine's
 * unit ids (`title`, `intro/0`, `signature`, `<chapterId>/title`, `<chapterId>/intro/0`,
 * `<sectionId>/title`, `<sectionId>/intro/0`, a measure's id, `footnote/<marker>`), so its texts are
 * those of `readDocument(proseMirrorOf(doc))`.
 */
import * as Y from 'yjs';
import { TEXT_FRAGMENT } from '../../shared/protocol/protocol.js';
import type { IdRange } from './ranges.js';

/** One text unit: its text as stored and, in order, the item ids of its characters. */
export interface UnitItems {
  text: string;
  ids: IdRange[];
}

/** The visible characters of the Y.XmlText children of an element, with their item ids. */
function itemsOf(element: Y.XmlElement): UnitItems {
  let text = '';
  const ids: IdRange[] = [];
  for (const child of element.toArray()) {
    if (!(child instanceof Y.XmlText)) continue;
    for (let item = child._start; item !== null; item = item.right) {
      if (item.deleted || !(item.content instanceof Y.ContentString)) continue;
      const { client, clock } = item.id;
      const last = ids[ids.length - 1];
      if (last && last[0] === client && last[1] + last[2] === clock)
        ids[ids.length - 1] = [client, last[1], last[2] + item.length];
      else ids.push([client, clock, item.length]);
      text += item.content.str;
    }
  }
  return { text, ids };
}

function children(parent: Y.XmlFragment | Y.XmlElement, name: string): Y.XmlElement[] {
  return parent.toArray().filter((c): c is Y.XmlElement => c instanceof Y.XmlElement && c.nodeName === name);
}

const idOf = (element: Y.XmlElement): string => String(element.getAttribute('id') ?? '');

/** Every text unit of the agenda text in `doc`, by unit id. */
export function unitItems(doc: Y.Doc): Map<string, UnitItems> {
  const out = new Map<string, UnitItems>();
  const root = doc.getXmlFragment(TEXT_FRAGMENT);
  const title = children(root, 'title')[0];
  if (title) out.set('title', itemsOf(title));
  const intro = children(root, 'intro')[0];
  if (intro) {
    children(intro, 'paragraph').forEach((p, i) => out.set(`intro/${i}`, itemsOf(p)));
    const signature = children(intro, 'signature')[0];
    if (signature) out.set('signature', itemsOf(signature));
  }
  for (const chapter of children(root, 'chapter')) {
    const chapterId = idOf(chapter);
    const chapterTitle = children(chapter, 'chapter_title')[0];
    if (chapterTitle) out.set(`${chapterId}/title`, itemsOf(chapterTitle));
    children(chapter, 'paragraph').forEach((p, i) => out.set(`${chapterId}/intro/${i}`, itemsOf(p)));
    for (const section of children(chapter, 'section')) {
      const sectionId = idOf(section);
      const sectionTitle = children(section, 'section_title')[0];
      if (sectionTitle) out.set(`${sectionId}/title`, itemsOf(sectionTitle));
      children(section, 'paragraph').forEach((p, i) => out.set(`${sectionId}/intro/${i}`, itemsOf(p)));
      for (const measure of children(section, 'measure')) {
        // A measure id seen twice (a pasted copy): the first counts, as in the diff's units.
        if (!out.has(idOf(measure))) out.set(idOf(measure), itemsOf(measure));
      }
    }
  }
  const footnotes = children(root, 'footnotes')[0];
  if (footnotes) {
    const seen = new Map<string, number>();
    for (const footnote of children(footnotes, 'footnote')) {
      const marker = String(footnote.getAttribute('marker') ?? '');
      const count = (seen.get(marker) ?? 0) + 1;
      seen.set(marker, count);
      out.set(count === 1 ? `footnote/${marker}` : `footnote/${marker}#${count}`, itemsOf(footnote));
    }
  }
  return out;
}

/** The text units of a stored Yjs state (a version's, the original's) with their item ids. */
export function unitItemsOfState(state: Uint8Array): Map<string, UnitItems> {
  const doc = new Y.Doc();
  try {
    Y.applyUpdate(doc, state);
    return unitItems(doc);
  } finally {
    doc.destroy();
  }
}
