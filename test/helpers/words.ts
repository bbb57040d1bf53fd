import type { Agenda } from '../../shared/agenda/types.js';

/** Every string of the agenda, in document order. */
export function agendaTexts(a: Agenda): string[] {
  return [
    a.title,
    ...a.intro.paragraphs,
    ...(a.intro.signature !== null ? [a.intro.signature] : []),
    ...a.chapters.flatMap((c) => [
      c.title,
      ...c.intro,
      ...c.sections.flatMap((s) => [s.title, ...s.intro, ...s.measures.map((m) => m.text)]),
    ]),
    ...a.footnotes.flatMap((f) => [f.marker, f.text]),
  ];
}

/** Words as letter runs and digit runs, so "Belang1" counts as "Belang" and "1". */
export function words(text: string): string[] {
  return text.normalize('NFC').match(/\p{L}+|\p{N}+/gu) ?? [];
}

/** The multiset difference a − b. */
export function minus(a: string[], b: string[]): string[] {
  const counts = new Map<string, number>();
  for (const w of b) counts.set(w, (counts.get(w) ?? 0) + 1);
  const out: string[] = [];
  for (const w of a) {
    const n = counts.get(w) ?? 0;
    if (n > 0) counts.set(w, n - 1);
    else out.push(w);
  }
  return out;
}

/** The words of the source the agenda lost, and the words it has that the source has not. */
export function wordBalance(source: string, agenda: Agenda): { lost: string[]; made: string[] } {
  const fromSource = words(source);
  const fromAgenda = words(agendaTexts(agenda).join('\n'));
  return { lost: minus(fromSource, fromAgenda), made: minus(fromAgenda, fromSource) };
}
