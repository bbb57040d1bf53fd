import type { Node } from 'prosemirror-model';

/** A measure of the editor's document: its id, where its text starts and ends, and the text. */
export interface MeasureSpan {
  id: string;
  /** Position of the measure node. */
  pos: number;
  /** Position where its text starts (pos + 1) and ends. */
  start: number;
  end: number;
  text: string;
}

function span(node: Node, pos: number): MeasureSpan {
  return {
    id: String(node.attrs.id ?? ''),
    pos,
    start: pos + 1,
    end: pos + 1 + node.content.size,
    text: node.textContent,
  };
}

/** Every measure of the document, in order. */
export function measureSpans(doc: Node): MeasureSpan[] {
  const out: MeasureSpan[] = [];
  doc.descendants((node, pos) => {
    if (node.type.name === 'measure') {
      out.push(span(node, pos));
      return false;
    }
    return !node.isTextblock;
  });
  return out;
}

/** The measure whose text holds both positions, or null (outside a measure, or across two). */
export function measureAround(doc: Node, from: number, to: number): MeasureSpan | null {
  const $from = doc.resolve(from);
  const node = $from.parent;
  if (node.type.name !== 'measure') return null;
  const found = span(node, $from.before());
  return to <= found.end ? found : null;
}

/** The measure with this id, or null. */
export function measureById(doc: Node, id: string): MeasureSpan | null {
  let found: MeasureSpan | null = null;
  doc.descendants((node, pos) => {
    if (found) return false;
    if (node.type.name === 'measure') {
      if (node.attrs.id === id) found = span(node, pos);
      return false;
    }
    return !node.isTextblock;
  });
  return found;
}
