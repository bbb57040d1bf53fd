/** Flattening an agenda into its text units in document order, the input of the agenda diff. */
import type { Agenda } from '../agenda/types.js';
import type { UnitKind } from './types.js';

/** One text unit of one agenda version. */
export interface Unit {
  /** Matching key between versions: unique within a version, the same for the same unit. */
  key: string;
  /** The id reported in `UnitDiff.id`. */
  id: string;
  kind: UnitKind;
  /** Display number, `''` when unnumbered. */
  number: string;
  chapterId: string | null;
  /** For measures: the section they are in; for section titles: the chapter; for chapter titles: `''`. */
  parentId: string | null;
  text: string;
}

/**
 * The text units of an agenda in document order: title, intro paragraphs, signature, then per chapter
 * its title, intro paragraphs and per section its title, intro paragraphs and measures; footnotes last.
 * Measures are keyed by their stable id, chapters and sections by theirs, paragraphs by their index
 * within their container, footnotes by marker (and occurrence, should a marker repeat).
 */
export function agendaUnits(agenda: Agenda): Unit[] {
  const units: Unit[] = [];
  const add = (unit: Omit<Unit, 'key'>): void => {
    units.push({ ...unit, key: `${unit.kind}:${unit.id}` });
  };
  add({ id: 'title', kind: 'title', number: '', chapterId: null, parentId: null, text: agenda.title });
  agenda.intro.paragraphs.forEach((text, i) =>
    add({ id: `intro/${i}`, kind: 'intro', number: '', chapterId: null, parentId: null, text }),
  );
  if (agenda.intro.signature !== null) {
    const text = agenda.intro.signature;
    add({ id: 'signature', kind: 'signature', number: '', chapterId: null, parentId: null, text });
  }
  for (const chapter of agenda.chapters) {
    const chapterId = chapter.id;
    const number = String(chapter.number);
    add({
      id: `${chapterId}/title`,
      kind: 'chapter-title',
      number,
      chapterId,
      parentId: '',
      text: chapter.title,
    });
    chapter.intro.forEach((text, i) =>
      add({
        id: `${chapterId}/intro/${i}`,
        kind: 'chapter-intro',
        number,
        chapterId,
        parentId: chapterId,
        text,
      }),
    );
    for (const section of chapter.sections) {
      const sectionNumber = section.number;
      add({
        id: `${section.id}/title`,
        kind: 'section-title',
        number: sectionNumber,
        chapterId,
        parentId: chapterId,
        text: section.title,
      });
      section.intro.forEach((text, i) =>
        add({
          id: `${section.id}/intro/${i}`,
          kind: 'section-intro',
          number: sectionNumber,
          chapterId,
          parentId: section.id,
          text,
        }),
      );
      for (const measure of section.measures) {
        add({
          id: measure.id,
          kind: 'measure',
          number: measure.number,
          chapterId,
          parentId: section.id,
          text: measure.text,
        });
      }
    }
  }
  const seen = new Map<string, number>();
  for (const footnote of agenda.footnotes) {
    const count = seen.get(footnote.marker) ?? 0;
    seen.set(footnote.marker, count + 1);
    const id = count === 0 ? `footnote/${footnote.marker}` : `footnote/${footnote.marker}#${count + 1}`;
    add({
      id,
      kind: 'footnote',
      number: footnote.marker,
      chapterId: null,
      parentId: null,
      text: footnote.text,
    });
  }
  return units;
}
