import { Schema, type NodeSpec, type MarkSpec } from 'prosemirror-model';

/**
 * The agenda schema, as plain data: the server (import, export, measures API) and the client (editor) use
 * this one definition. It imports nothing of the editor or React.
 *
 * Shape: doc → title, intro, chapters → sections → measures; footnotes at the end. Content rules are kept
 * lenient where people type (a section may lose all its measures, a chapter its sections), because
 * y-prosemirror drops remote content that does not fit the schema.
 */

const idAttr = { id: { default: null as string | null } };

/**
 * Numbers are given by the server alone (`server/documents/numbering.ts`): a node made in the editor —
 * typed, split or pasted — starts without one, so parsing HTML never takes a number over. A pasted node
 * that keeps its id (cut and paste) gets its own number back from the server.
 */
const NO_NUMBER = '';

/** The number as a CSS custom property, for the title inside a chapter or section to show it. */
function numberStyle(name: string, number: unknown): string {
  return `--${name}: "${String(number ?? '').replace(/[^0-9a-z.]/g, '')}"`;
}

export const nodes: Record<string, NodeSpec> = {
  doc: { content: 'title intro chapter* footnotes?' },
  title: {
    content: 'text*',
    marks: '',
    defining: true,
    parseDOM: [{ tag: 'h1' }],
    toDOM: () => ['h1', { class: 'agenda-title' }, 0],
  },
  intro: {
    content: 'paragraph* signature?',
    parseDOM: [{ tag: 'section.agenda-intro' }],
    toDOM: () => ['section', { class: 'agenda-intro' }, 0],
  },
  signature: {
    content: 'text*',
    marks: '',
    defining: true,
    parseDOM: [{ tag: 'p.signature' }],
    toDOM: () => ['p', { class: 'signature' }, 0],
  },
  chapter: {
    attrs: { ...idAttr, number: { default: '' } },
    content: 'chapter_title paragraph* section*',
    defining: true,
    isolating: true,
    parseDOM: [
      {
        tag: 'section.chapter',
        getAttrs: (dom: HTMLElement) => ({ id: dom.dataset.id ?? null, number: NO_NUMBER }),
      },
    ],
    toDOM: (node) => [
      'section',
      {
        class: 'chapter',
        'data-id': node.attrs.id,
        'data-number': node.attrs.number,
        id: node.attrs.id,
        style: numberStyle('chapter-number', node.attrs.number),
      },
      0,
    ],
  },
  chapter_title: {
    content: 'text*',
    marks: '',
    defining: true,
    parseDOM: [{ tag: 'h2' }],
    toDOM: () => ['h2', { class: 'chapter-title' }, 0],
  },
  section: {
    attrs: { ...idAttr, number: { default: '' }, runIn: { default: false } },
    content: 'section_title paragraph* measure*',
    defining: true,
    isolating: true,
    parseDOM: [
      {
        tag: 'section.section',
        getAttrs: (dom: HTMLElement) => ({
          id: dom.dataset.id ?? null,
          number: NO_NUMBER,
          runIn: dom.dataset.runIn === 'true',
        }),
      },
    ],
    toDOM: (node) => [
      'section',
      {
        class: node.attrs.runIn ? 'section run-in' : 'section',
        'data-id': node.attrs.id,
        'data-number': node.attrs.number,
        'data-run-in': String(node.attrs.runIn),
        id: node.attrs.id,
        style: numberStyle('section-number', node.attrs.number),
      },
      0,
    ],
  },
  section_title: {
    content: 'text*',
    marks: '',
    defining: true,
    parseDOM: [{ tag: 'h3' }],
    toDOM: () => ['h3', { class: 'section-title' }, 0],
  },
  measure: {
    attrs: { ...idAttr, number: { default: '' } },
    content: 'text*',
    marks: '_',
    defining: true,
    parseDOM: [
      {
        tag: 'div.measure',
        getAttrs: (dom: HTMLElement) => ({ id: dom.dataset.id ?? null, number: NO_NUMBER }),
      },
    ],
    toDOM: (node) => [
      'div',
      { class: 'measure', 'data-id': node.attrs.id, 'data-number': node.attrs.number, id: node.attrs.id },
      0,
    ],
  },
  paragraph: {
    content: 'text*',
    marks: '_',
    parseDOM: [{ tag: 'p' }],
    toDOM: () => ['p', 0],
  },
  footnotes: {
    content: 'footnote*',
    parseDOM: [{ tag: 'aside.footnotes' }],
    toDOM: () => ['aside', { class: 'footnotes' }, 0],
  },
  footnote: {
    attrs: { marker: { default: '' } },
    content: 'text*',
    marks: '_',
    defining: true,
    parseDOM: [{ tag: 'p.footnote', getAttrs: (dom: HTMLElement) => ({ marker: dom.dataset.marker ?? '' }) }],
    toDOM: (node) => ['p', { class: 'footnote', 'data-marker': node.attrs.marker }, 0],
  },
  text: {},
};

export const marks: Record<string, MarkSpec> = {
  strong: {
    parseDOM: [{ tag: 'strong' }, { tag: 'b' }],
    toDOM: () => ['strong', 0],
  },
  em: {
    parseDOM: [{ tag: 'em' }, { tag: 'i' }],
    toDOM: () => ['em', 0],
  },
};

/** The one schema of Akkoord documents. */
export const schema = new Schema({ nodes, marks });

/** Node type names, for code that walks documents without string typos. */
export type AgendaNodeName =
  | 'doc'
  | 'title'
  | 'intro'
  | 'signature'
  | 'chapter'
  | 'chapter_title'
  | 'section'
  | 'section_title'
  | 'measure'
  | 'paragraph'
  | 'footnotes'
  | 'footnote'
  | 'text';
