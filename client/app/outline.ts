import type { Node } from 'prosemirror-model';

/** One entry of the outline: a chapter, a section or a measure, with its stable number. */
export interface OutlineEntry {
  id: string;
  level: 'chapter' | 'section' | 'measure';
  number: string;
  label: string;
}

const LABEL_LENGTH = 70;

function shorten(text: string): string {
  return text.length > LABEL_LENGTH ? `${text.slice(0, LABEL_LENGTH - 1).trimEnd()}…` : text;
}

/**
 * The outline of an agenda document, in document order, with the numbers the nodes carry (given by the
 * server, never moved), exactly as the editor shows them and the API reports them.
 */
export function outlineOf(doc: Node): OutlineEntry[] {
  const out: OutlineEntry[] = [];
  const numberOf = (node: Node) => String(node.attrs.number ?? '');
  doc.forEach((chapter) => {
    if (chapter.type.name !== 'chapter') return;
    out.push({
      id: chapter.attrs.id,
      level: 'chapter',
      number: numberOf(chapter),
      label: chapter.firstChild?.textContent ?? '',
    });
    chapter.forEach((section) => {
      if (section.type.name !== 'section') return;
      out.push({
        id: section.attrs.id,
        level: 'section',
        number: numberOf(section),
        label: shorten(section.firstChild?.textContent ?? ''),
      });
      section.forEach((measure) => {
        if (measure.type.name !== 'measure') return;
        out.push({
          id: measure.attrs.id,
          level: 'measure',
          number: numberOf(measure),
          label: shorten(measure.textContent),
        });
      });
    });
  });
  return out;
}
