/**
 * "Definitieve nummering": a clean export may, on request, number the agenda consecutively (1, 1.1,
 * 1.1.1 …, as a final text would), the only place numbers ever change. The export then lists every
 * number that changed, old → new, so a reference made during the negotiation can still be followed.
 */
import type { Agenda } from '../../shared/agenda/types.js';

/** One number changed by the final numbering. */
export interface Renumbered {
  id: string;
  kind: 'chapter' | 'section' | 'measure';
  /** The stable number the node had during the negotiation. */
  from: string;
  /** Its number in this export. */
  to: string;
}

/** The agenda numbered consecutively, and the numbers that changed, in document order. Pure. */
export function finalNumbers(agenda: Agenda): { agenda: Agenda; renumbered: Renumbered[] } {
  const renumbered: Renumbered[] = [];
  const note = (id: string, kind: Renumbered['kind'], from: string, to: string) => {
    if (from !== to) renumbered.push({ id, kind, from, to });
  };
  const chapters = agenda.chapters.map((chapter, ci) => {
    const number = String(ci + 1);
    note(chapter.id, 'chapter', chapter.number, number);
    const sections = chapter.sections.map((section, si) => {
      const sectionNumber = `${number}.${si + 1}`;
      note(section.id, 'section', section.number, sectionNumber);
      const measures = section.measures.map((measure, mi) => {
        const measureNumber = `${sectionNumber}.${mi + 1}`;
        note(measure.id, 'measure', measure.number, measureNumber);
        return { ...measure, number: measureNumber };
      });
      return { ...section, number: sectionNumber, measures };
    });
    return { ...chapter, number, sections };
  });
  return { agenda: { ...agenda, chapters }, renumbered };
}
