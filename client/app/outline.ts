import type { Node } from 'prosemirror-model';

/** One entry of the outline: a chapter, a section or a measure, with its number by position. */
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
 * The outline of an agenda document, in document order. Numbers are positional, exactly as the editor shows
 * them (CSS counters) and the API reports them.
 */
export function outlineOf(doc: Node): OutlineEntry[] {
  const out: OutlineEntry[] = [];
  let c = 0;
  doc.forEach((chapter) => {
    if (chapter.type.name !== 'chapter') return;
    c++;
    out.push({
      id: chapter.attrs.id,
      level: 'chapter',
      number: `${c}`,
      label: chapter.firstChild?.textContent ?? '',
    });
    let s = 0;
    chapter.forEach((section) => {
      if (section.type.name !== 'section') return;
      s++;
      out.push({
        id: section.attrs.id,
        level: 'section',
        number: `${c}.${s}`,
        label: shorten(section.firstChild?.textContent ?? ''),
      });
      let m = 0;
      section.forEach((measure) => {
        if (measure.type.name !== 'measure') return;
        m++;
        out.push({
          id: measure.attrs.id,
          level: 'measure',
          number: `${c}.${s}.${m}`,
          label: shorten(measure.textContent),
        });
      });
    });
  });
  return out;
}
