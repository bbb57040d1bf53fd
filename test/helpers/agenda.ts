import type { Agenda } from '../../shared/agenda/types.js';
import { importedId } from '../../shared/agenda/ids.js';

/**
 * Builds a small agenda from a compact outline: chapters of sections of measure texts.
 * `agenda({ WONEN: { 'Vandaag': ['Meer bouwen.', 'Minder regels.'] } })`.
 */
export function agenda(outline: Record<string, Record<string, string[]>>, title = 'Testagenda'): Agenda {
  return {
    title,
    intro: { paragraphs: ['Een inleiding.'], signature: 'De opstellers' },
    chapters: Object.entries(outline).map(([chapterTitle, sections], ci) => ({
      id: importedId('c', ci + 1),
      number: String(ci + 1),
      title: chapterTitle,
      intro: [],
      sections: Object.entries(sections).map(([sectionTitle, measures], si) => {
        const number = `${ci + 1}.${si + 1}`;
        return {
          id: importedId('s', number),
          number,
          title: sectionTitle,
          runIn: false,
          intro: [],
          measures: measures.map((text, mi) => ({
            id: importedId('m', `${number}.${mi + 1}`),
            number: `${number}.${mi + 1}`,
            text,
          })),
        };
      }),
    })),
    footnotes: [],
  };
}
