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
 * Reads an agenda back out of a ProseMirror document. Ids and numbers are the nodes' own: numbers are
 * stable (given by the server, never by position), so a measure added or removed changes no other number;
 * a node the server has not numbered yet reads ''. The inverse of `buildDocument` for documents it built.
 */
export function readDocument(doc: Node): Agenda {
  const titleNode = childrenOf(doc, 'title')[0];
  const introNode = childrenOf(doc, 'intro')[0];
  const signature = introNode ? childrenOf(introNode, 'signature')[0] : undefined;
  const chapters: Chapter[] = childrenOf(doc, 'chapter').map((ch) => {
    const sections: Section[] = childrenOf(ch, 'section').map((sec) => ({
      id: String(sec.attrs.id ?? ''),
      number: String(sec.attrs.number ?? ''),
      title: firstText(sec, 'section_title'),
      runIn: Boolean(sec.attrs.runIn),
      intro: childrenOf(sec, 'paragraph').map((p) => p.textContent),
      measures: childrenOf(sec, 'measure').map((m) => ({
        id: String(m.attrs.id ?? ''),
        number: String(m.attrs.number ?? ''),
        text: m.textContent,
      })),
    }));
    return {
      id: String(ch.attrs.id ?? ''),
      number: String(ch.attrs.number ?? ''),
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

/**
 * An agenda as stored before chapter numbers were text (a JSON number) with every chapter number as text;
 * other agendas are returned as they are.
 */
export function withTextNumbers(agenda: Agenda): Agenda {
  if (agenda.chapters.every((c) => typeof c.number === 'string')) return agenda;
  return { ...agenda, chapters: agenda.chapters.map((c) => ({ ...c, number: String(c.number) })) };
}
