import * as Y from 'yjs';
import type { Mark, Node } from 'prosemirror-model';
import { schema } from '../../../shared/schema/schema.js';

/** y-prosemirror names an overlapping mark `<name>--<hash>`; the agenda's marks never overlap, but read both. */
const HASHED_MARK = /(.*)(--[a-zA-Z0-9+/=]{8})$/;

/** Deeper than any agenda (doc → chapter → section → measure → text): a crafted nesting is simply invalid. */
const MAX_DEPTH = 16;

function textNodes(text: Y.XmlText): Node[] | null {
  try {
    return (text.toDelta() as { insert: unknown; attributes?: Record<string, unknown> }[]).map((d) => {
      if (typeof d.insert !== 'string') throw new RangeError('embed');
      const marks: Mark[] = Object.entries(d.attributes ?? {}).map(([key, attrs]) =>
        schema.mark(HASHED_MARK.exec(key)?.[1] ?? key, attrs as Record<string, unknown> | null),
      );
      return schema.text(d.insert, marks);
    });
  } catch {
    return null;
  }
}

function nodeOf(element: Y.XmlElement, depth: number): Node | null {
  if (depth > MAX_DEPTH) return null;
  const children: Node[] = [];
  for (const child of element.toArray()) {
    if (child instanceof Y.XmlElement) {
      const node = nodeOf(child, depth + 1);
      if (node) children.push(node);
    } else if (child instanceof Y.XmlText) {
      children.push(...(textNodes(child) ?? []));
    }
  }
  try {
    return schema.node(element.nodeName, element.getAttributes(), children);
  } catch {
    return null;
  }
}

/**
 * Whether y-prosemirror would drop (and delete) this element when it renders the document: its name, its
 * attributes or its content (after its own invalid children are dropped) do not fit the schema. Every
 * editor deletes such an element on its own — that is y-prosemirror's repair of content an honest merge
 * made invalid — so a writer who may not change the structure may still send that deletion. Reads only.
 */
export function wouldBeDropped(element: Y.XmlElement): boolean {
  return nodeOf(element, 0) === null;
}
