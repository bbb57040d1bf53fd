import type { Agenda } from '../../shared/agenda/types.js';

/** One measure as the measures API lists it. */
export interface MeasureEntry {
  id: string;
  number: string;
  chapter: string;
  section: string;
  /** The baseline text, or null for a measure added after the import. */
  original: string | null;
  /** The live text, or null for a measure of the baseline that was deleted since. */
  current: string | null;
}

/**
 * Lists the measures in live document order, each with its original and current text; measures of the
 * baseline that no longer exist follow at the end with `current: null`.
 */
export function listMeasures(baseline: Agenda, live: Agenda): MeasureEntry[] {
  const original = new Map<string, { text: string; number: string; chapter: string; section: string }>();
  for (const ch of baseline.chapters)
    for (const sec of ch.sections)
      for (const m of sec.measures)
        original.set(m.id, { text: m.text, number: m.number, chapter: ch.title, section: sec.title });

  const out: MeasureEntry[] = [];
  const seen = new Set<string>();
  for (const ch of live.chapters)
    for (const sec of ch.sections)
      for (const m of sec.measures) {
        seen.add(m.id);
        out.push({
          id: m.id,
          number: m.number,
          chapter: ch.title,
          section: sec.title,
          original: original.get(m.id)?.text ?? null,
          current: m.text,
        });
      }
  for (const [id, m] of original) {
    if (!seen.has(id))
      out.push({
        id,
        number: m.number,
        chapter: m.chapter,
        section: m.section,
        original: m.text,
        current: null,
      });
  }
  return out;
}

/** Counts for the documents list. */
export function countAgenda(agenda: Agenda): { chapters: number; sections: number; measures: number } {
  let sections = 0;
  let measures = 0;
  for (const ch of agenda.chapters) {
    sections += ch.sections.length;
    for (const s of ch.sections) measures += s.measures.length;
  }
  return { chapters: agenda.chapters.length, sections, measures };
}
