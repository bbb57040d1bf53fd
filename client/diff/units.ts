/**
 * Which text of the original a textblock of the live editor is compared with: the same unit keys the diff
 * engine uses (`title`, `intro/0`, `<chapterId>/title`, a measure's id, `footnote/<marker>`, …).
 */
import type { Node } from 'prosemirror-model';
import type { Agenda } from '../../shared/agenda/types.js';
import { agendaUnits } from '../../shared/diff/units.js';

/** The original text of every unit, by key. */
export type BaselineIndex = ReadonlyMap<string, string>;

/** Indexes the original agenda's texts by unit key. */
export function baselineIndex(agenda: Agenda): BaselineIndex {
  return new Map(agendaUnits(agenda).map((unit) => [unit.id, unit.text]));
}

/**
 * The unit key of textblock `node`, the `index`-th child of `parent`; null for a textblock the diff does
 * not compare.
 */
export function unitKey(node: Node, parent: Node, index: number): string | null {
  switch (node.type.name) {
    case 'title':
      return 'title';
    case 'signature':
      return 'signature';
    case 'measure':
      return typeof node.attrs.id === 'string' ? node.attrs.id : null;
    case 'chapter_title':
    case 'section_title':
      return typeof parent.attrs.id === 'string' ? `${parent.attrs.id}/title` : null;
    case 'footnote':
      return `footnote/${String(node.attrs.marker)}`;
    case 'paragraph': {
      let n = 0;
      for (let i = 0; i < index; i++) if (parent.child(i).type.name === 'paragraph') n++;
      if (parent.type.name === 'intro') return `intro/${n}`;
      return typeof parent.attrs.id === 'string' ? `${parent.attrs.id}/intro/${n}` : null;
    }
    default:
      return null;
  }
}

/** A textblock with its key and position (of the node itself, before its opening token). */
export interface TextUnit {
  key: string;
  node: Node;
  pos: number;
}

/** Every compared textblock of a document, in order. */
export function textUnits(doc: Node): TextUnit[] {
  const out: TextUnit[] = [];
  doc.descendants((node, pos, parent, index) => {
    if (!node.isTextblock) return true;
    const key = parent ? unitKey(node, parent, index) : null;
    if (key) out.push({ key, node, pos });
    return false;
  });
  return out;
}

/** The compared textblock that contains position `pos`, or null. */
export function textUnitAt(doc: Node, pos: number): TextUnit | null {
  const $pos = doc.resolve(pos);
  for (let depth = $pos.depth; depth > 0; depth--) {
    const node = $pos.node(depth);
    if (!node.isTextblock) continue;
    const key = unitKey(node, $pos.node(depth - 1), $pos.index(depth - 1));
    return key ? { key, node, pos: $pos.before(depth) } : null;
  }
  return null;
}
