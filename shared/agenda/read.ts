import type { Node } from 'prosemirror-model';
import type { Agenda, Chapter, Section } from './types.js';

function childrenOf(node: Node, type: string): Node[] {
  const out: Node[] = [];
  node.forEach((child) => {
    if (child.type.name === type) out.push(child);
  });
  return out;
}

function firstText(node: Node, type: string): string {
  return childrenOf(node, type)[0]?.textContent ?? '';
}

/**
 * Reads an agenda back out of a ProseMirror document. Numbers are derived from position (chapter,
 * section, measure index), so a measure added or removed in the live text renumbers those after it;
 * ids are the nodes' own. The inverse of `buildDocument` for documents it built.
 */
export function readDocument(doc: Node): Agenda {
  const titleNode = childrenOf(doc, 'title')[0];
  const introNode = childrenOf(doc, 'intro')[0];
  const signature = introNode ? childrenOf(introNode, 'signature')[0] : undefined;
  const chapters: Chapter[] = childrenOf(doc, 'chapter').map((ch, ci) => {
    const number = ci + 1;
    const sections: Section[] = childrenOf(ch, 'section').map((sec, si) => {
      const sectionNumber = `${number}.${si + 1}`;
      return {
        id: String(sec.attrs.id ?? ''),
        number: sectionNumber,
        title: firstText(sec, 'section_title'),
        runIn: Boolean(sec.attrs.runIn),
        intro: childrenOf(sec, 'paragraph').map((p) => p.textContent),
        measures: childrenOf(sec, 'measure').map((m, mi) => ({
          id: String(m.attrs.id ?? ''),
          number: `${sectionNumber}.${mi + 1}`,
          text: m.textContent,
        })),
      };
    });
    return {
      id: String(ch.attrs.id ?? ''),
      number,
      title: firstText(ch, 'chapter_title'),
      intro: childrenOf(ch, 'paragraph').map((p) => p.textContent),
      sections,
    };
  });
  const footnotesNode = childrenOf(doc, 'footnotes')[0];
  return {
    title: titleNode?.textContent ?? '',
    intro: {
      paragraphs: introNode ? childrenOf(introNode, 'paragraph').map((p) => p.textContent) : [],
      signature: signature ? signature.textContent : null,
    },
    chapters,
    footnotes: footnotesNode
      ? childrenOf(footnotesNode, 'footnote').map((f) => ({
          marker: String(f.attrs.marker),
          text: f.textContent,
        }))
      : [],
  };
}
