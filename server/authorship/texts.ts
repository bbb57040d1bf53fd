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
  const parts: string[] = [];
  const ids: IdRange[] = [];
  for (let node = element._start; node !== null; node = node.right) {
    if (node.deleted || !(node.content instanceof Y.ContentType)) continue;
    const child = node.content.type;
    if (!(child instanceof Y.XmlText)) continue;
    for (let item = child._start; item !== null; item = item.right) {
      if (item.deleted || !(item.content instanceof Y.ContentString)) continue;
      const { client, clock } = item.id;
      const last = ids[ids.length - 1];
      if (last && last[0] === client && last[1] + last[2] === clock)
        ids[ids.length - 1] = [client, last[1], last[2] + item.length];
      else ids.push([client, clock, item.length]);
      parts.push(item.content.str);
    }
  }
  return { text: parts.join(''), ids };
}

/** The element children of a parent by node name, in one pass over its children. */
function byName(parent: Y.XmlFragment | Y.XmlElement): Map<string, Y.XmlElement[]> {
  const out = new Map<string, Y.XmlElement[]>();
  for (const child of parent.toArray()) {
    if (!(child instanceof Y.XmlElement)) continue;
    const list = out.get(child.nodeName);
    if (list) list.push(child);
    else out.set(child.nodeName, [child]);
  }
  return out;
}

const NONE: readonly Y.XmlElement[] = [];
const idOf = (element: Y.XmlElement): string => String(element.getAttribute('id') ?? '');

/** Every text unit of the agenda text in `doc`, by unit id. */
export function unitItems(doc: Y.Doc): Map<string, UnitItems> {
  const out = new Map<string, UnitItems>();
  const root = byName(doc.getXmlFragment(TEXT_FRAGMENT));
  const title = root.get('title')?.[0];
  if (title) out.set('title', itemsOf(title));
  const intro = root.get('intro')?.[0];
  if (intro) {
    const parts = byName(intro);
    (parts.get('paragraph') ?? NONE).forEach((p, i) => out.set(`intro/${i}`, itemsOf(p)));
    const signature = parts.get('signature')?.[0];
    if (signature) out.set('signature', itemsOf(signature));
  }
  for (const chapter of root.get('chapter') ?? NONE) {
    const chapterId = idOf(chapter);
    const parts = byName(chapter);
    const chapterTitle = parts.get('chapter_title')?.[0];
    if (chapterTitle) out.set(`${chapterId}/title`, itemsOf(chapterTitle));
    (parts.get('paragraph') ?? NONE).forEach((p, i) => out.set(`${chapterId}/intro/${i}`, itemsOf(p)));
    for (const section of parts.get('section') ?? NONE) {
      const sectionId = idOf(section);
      const inner = byName(section);
      const sectionTitle = inner.get('section_title')?.[0];
      if (sectionTitle) out.set(`${sectionId}/title`, itemsOf(sectionTitle));
      (inner.get('paragraph') ?? NONE).forEach((p, i) => out.set(`${sectionId}/intro/${i}`, itemsOf(p)));
      for (const measure of inner.get('measure') ?? NONE) {
        // A measure id seen twice (a pasted copy): the first counts, as in the diff's units.
        const id = idOf(measure);
        if (!out.has(id)) out.set(id, itemsOf(measure));
      }
    }
  }
  const footnotes = root.get('footnotes')?.[0];
  if (footnotes) {
    const seen = new Map<string, number>();
    for (const footnote of byName(footnotes).get('footnote') ?? NONE) {
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
