/**
 * The agenda text as the amendments need it, read and changed directly on the Y.Doc (no ProseMirror
 * round trip): a measure's text, the chapters with their measures, and applying an accepted amendment.
 */
import * as Y from 'yjs';
import { TEXT_FRAGMENT } from '../../shared/protocol/protocol.js';
import { freshId } from '../../shared/agenda/ids.js';
import { diffText, normalizeText } from '../../shared/diff/index.js';
import type { DashboardChapter } from '../../shared/amendments/dashboard.js';

function elements(parent: Y.XmlFragment | Y.XmlElement, name: string): Y.XmlElement[] {
  const out: Y.XmlElement[] = [];
  for (const child of parent.toArray())
    if (child instanceof Y.XmlElement && child.nodeName === name) out.push(child);
  return out;
}

/** The plain text of an element (its text children, without marks). */
export function plainText(el: Y.XmlElement): string {
  let out = '';
  for (const child of el.toArray()) {
    if (!(child instanceof Y.XmlText)) continue;
    for (const op of child.toDelta() as { insert: unknown }[])
      if (typeof op.insert === 'string') out += op.insert;
  }
  return out;
}

/** A measure's element with where it stands, or null. */
export function findMeasure(
  doc: Y.Doc,
  id: string,
): { el: Y.XmlElement; parent: Y.XmlElement; index: number } | null {
  for (const chapter of elements(doc.getXmlFragment(TEXT_FRAGMENT), 'chapter'))
    for (const section of elements(chapter, 'section')) {
      const children = section.toArray();
      for (let i = 0; i < children.length; i++) {
        const c = children[i];
        if (c instanceof Y.XmlElement && c.nodeName === 'measure' && c.getAttribute('id') === id)
          return { el: c, parent: section, index: i };
      }
    }
  return null;
}

/** A measure's live text, or null when there is no such measure (any more). */
export function measureText(doc: Y.Doc, id: string): string | null {
  const found = findMeasure(doc, id);
  return found ? plainText(found.el) : null;
}

/** The chapters with their measure ids in order, and their stable numbers. */
export function chaptersOf(doc: Y.Doc): DashboardChapter[] {
  return elements(doc.getXmlFragment(TEXT_FRAGMENT), 'chapter').map((chapter) => {
    const title = elements(chapter, 'chapter_title')[0];
    return {
      id: String(chapter.getAttribute('id') ?? ''),
      number: String(chapter.getAttribute('number') ?? ''),
      title: title ? plainText(title) : '',
      measureIds: elements(chapter, 'section').flatMap((s) =>
        elements(s, 'measure').map((m) => String(m.getAttribute('id') ?? '')),
      ),
    };
  });
}

function textChild(el: Y.XmlElement): Y.XmlText {
  const found = el.toArray().find((c): c is Y.XmlText => c instanceof Y.XmlText);
  if (found) return found;
  const text = new Y.XmlText();
  el.insert(0, [text]);
  return text;
}

/**
 * Changes a Y.XmlText from its text to `target` by small edits, so that concurrent edits elsewhere in it
 * survive and marks on kept words stay. Uses the word diff when the text is already in normal form (as
 * imported and typed text almost always is), else replaces only what lies between a common prefix and suffix.
 */
export function editTo(text: Y.XmlText, current: string, target: string): void {
  if (current === target) return;
  if (normalizeText(current) === current && normalizeText(target) === target) {
    let pos = 0;
    for (const [kind, part] of diffText(current, target)) {
      if (kind === 0) pos += part.length;
      else if (kind === -1) text.delete(pos, part.length);
      else {
        text.insert(pos, part);
        pos += part.length;
      }
    }
    return;
  }
  let start = 0;
  while (start < current.length && start < target.length && current[start] === target[start]) start++;
  let end = 0;
  while (
    end < current.length - start &&
    end < target.length - start &&
    current[current.length - 1 - end] === target[target.length - 1 - end]
  )
    end++;
  if (current.length - start - end > 0) text.delete(start, current.length - start - end);
  const insert = target.slice(start, target.length - end);
  if (insert) text.insert(start, insert);
}

/** What accepting an amendment does to the text. */
export type TextChange =
  | { kind: 'replace'; measureId: string; text: string }
  | { kind: 'insert'; afterMeasureId: string; text: string }
  | { kind: 'delete'; measureId: string };

/**
 * Applies an accepted amendment to the agenda text; returns the id of the measure it made or changed, or
 * null when its measure is gone. Call inside one transaction (writeRoom) so it is one change.
 */
export function applyToText(doc: Y.Doc, change: TextChange): string | null {
  switch (change.kind) {
    case 'replace': {
      const found = findMeasure(doc, change.measureId);
      if (!found) return null;
      editTo(textChild(found.el), plainText(found.el), change.text);
      return change.measureId;
    }
    case 'insert': {
      const found = findMeasure(doc, change.afterMeasureId);
      if (!found) return null;
      const el = new Y.XmlElement('measure');
      const id = freshId('m');
      el.setAttribute('id', id);
      el.setAttribute('number', '');
      el.insert(0, [new Y.XmlText(change.text)]);
      found.parent.insert(found.index + 1, [el]);
      return id;
    }
    case 'delete': {
      const found = findMeasure(doc, change.measureId);
      if (!found) return null;
      found.parent.delete(found.index, 1);
      return change.measureId;
    }
  }
}
