/**
 * Warnings after a correction: those of the structure (no title, a chapter without measures, a section
 * without a title) asked anew; those about a single line ("regel 214 lijkt een kop") kept while that line is
 * still what it was, and dropped once the person made it something else or made it start its own item.
 */
import type { ImportResult, ImportWarning, SourceEntry } from '../source.js';
import { structureWarnings } from '../parse/warnings.js';

/** The first line (one-based) of `roles` that refers to `ref`, in a result's source. */
function lineOfRef(source: readonly SourceEntry[], ref: string, roles: readonly string[]): number | null {
  return source.find((e) => e.ref === ref && roles.includes(e.role))?.line ?? null;
}

/** Whether a line begins the chapter, section or measure it belongs to. */
function startsItsItem(source: readonly SourceEntry[], entry: SourceEntry): boolean {
  return lineOfRef(source, entry.ref ?? '', [entry.role]) === entry.line;
}

/** The warnings of `next`, a correction of `previous`. */
export function reviewWarnings(previous: ImportResult, next: ImportResult): ImportWarning[] {
  const before = new Map(previous.source.map((e) => [e.line, e]));
  const after = new Map(next.source.map((e) => [e.line, e]));
  const kept = previous.warnings.filter((w) => {
    if (w.code !== 'looks-like-heading' && w.code !== 'footnote-without-text') return false;
    if (w.line === null) return true;
    const was = before.get(w.line);
    const is = after.get(w.line);
    return !!was && !!is && was.role === is.role && !startsItsItem(next.source, is);
  });
  const structure = structureWarnings(next.agenda, (ref, roles) => lineOfRef(next.source, ref, roles));
  return [...structure, ...kept];
}
