import type { Node } from 'prosemirror-model';
import { schema } from '../schema/schema.js';
import type { Agenda } from './types.js';

/** A textblock with the given text, or an empty one (ProseMirror forbids empty text nodes). */
function block(type: string, text: string, attrs?: Record<string, unknown>): Node {
  return schema.node(type, attrs ?? null, text ? [schema.text(text)] : []);
}

/** Builds the ProseMirror document of an agenda. Pure: the same agenda gives an equal document. */
export function buildDocument(agenda: Agenda): Node {
  const intro = [
    ...agenda.intro.paragraphs.map((p) => block('paragraph', p)),
    ...(agenda.intro.signature !== null ? [block('signature', agenda.intro.signature)] : []),
  ];
  const chapters = agenda.chapters.map((chapter) =>
    schema.node('chapter', { id: chapter.id, number: String(chapter.number) }, [
      block('chapter_title', chapter.title),
      ...chapter.intro.map((p) => block('paragraph', p)),
      ...chapter.sections.map((section) =>
        schema.node('section', { id: section.id, number: section.number, runIn: section.runIn }, [
          block('section_title', section.title),
          ...section.intro.map((p) => block('paragraph', p)),
          ...section.measures.map((m) => block('measure', m.text, { id: m.id, number: m.number })),
        ]),
      ),
    ]),
  );
  const footnotes = agenda.footnotes.length
    ? [
        schema.node(
          'footnotes',
          null,
          agenda.footnotes.map((f) => block('footnote', f.text, { marker: f.marker })),
        ),
      ]
    : [];
  return schema.node('doc', null, [
    block('title', agenda.title),
    schema.node('intro', null, intro),
    ...chapters,
    ...footnotes,
  ]);
}
