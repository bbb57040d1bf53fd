/**
 * What a person should check before an imported agenda is used: chapters without measures, sections
 * without a title, lines that look like headings but ended up in running text, a missing title. Each
 * warning is one Dutch sentence, with the source line it is about.
 */
import type { Agenda } from '../types.js';
import type { ImportWarning } from '../source.js';
import { chapterHeadingTitle, endsSentence, startsUpper, wordCount, type Line } from './lines.js';
import type { Marks } from './marks.js';

/** A line that looks like a heading is at most this share of the wrap width and this many words. */
const HEADING_WIDTH = 0.6;
const MAX_HEADING_WORDS = 10;

/** The first source line (one-based) whose mark refers to `ref`, or null. */
function lineOf(lines: readonly Line[], marks: Marks, ref: string, roles: readonly string[]): number | null {
  for (const line of lines) {
    const role = marks.roleOf(line.index);
    if (role && roles.includes(role) && marks.refOf(line.index) === ref) return line.index + 1;
  }
  return null;
}

/**
 * Whether a line of running text looks like a heading: after the end of a sentence, a line in capitals or
 * in bold; or, inside a block, a short line starting with a capital, not ending in punctuation, before a
 * new sentence.
 */
function looksLikeHeading(
  line: Line,
  previous: Line | undefined,
  next: Line | undefined,
  midBlock: boolean,
  width: number,
): boolean {
  if (previous && !endsSentence(previous.text)) return false;
  if (chapterHeadingTitle(line.text) !== null || line.hints.bold) return true;
  return (
    midBlock &&
    startsUpper(line.text) &&
    !/[.,;:!?\-–—‐]$/u.test(line.text) &&
    wordCount(line.text) <= MAX_HEADING_WORDS &&
    line.text.length <= HEADING_WIDTH * width &&
    next !== undefined &&
    startsUpper(next.text)
  );
}

/** Where a chapter, section or measure begins in the source: the first line of one of `roles` that refers to it. */
export type LineOfRef = (ref: string, roles: readonly string[]) => number | null;

/**
 * The warnings an agenda's structure alone gives — no title, a chapter without measures, a section without
 * a title — with the source line each is about. Asked again after every correction of an import.
 */
export function structureWarnings(agenda: Agenda, lineOfRef: LineOfRef): ImportWarning[] {
  const warnings: ImportWarning[] = [];
  if (!agenda.title) {
    warnings.push({
      code: 'no-title',
      line: null,
      message: 'Er is geen titel gevonden: geef de agenda een titel voordat de onderhandeling begint.',
    });
  }
  for (const chapter of agenda.chapters) {
    const measures = chapter.sections.reduce((n, s) => n + s.measures.length, 0);
    if (measures === 0) {
      warnings.push({
        code: 'chapter-without-measures',
        line: lineOfRef(chapter.id, ['chapter']),
        message: `Hoofdstuk ${chapter.number} (${chapter.title}) heeft geen maatregelen.`,
      });
    }
    for (const section of chapter.sections) {
      if (section.title) continue;
      const line =
        lineOfRef(section.id, ['section-intro']) ?? lineOfRef(section.measures[0]?.id ?? '', ['measure']);
      warnings.push({
        code: 'untitled-section',
        line,
        message: `Sectie ${section.number} heeft geen titel${line ? ` (regel ${line})` : ''}: maak van een regel een kop of voeg de tekst bij de sectie ervoor.`,
      });
    }
  }
  return warnings;
}

/** The warnings about an agenda recognised from `lines`. */
export function findWarnings(
  agenda: Agenda,
  lines: readonly Line[],
  marks: Marks,
  width: number,
): ImportWarning[] {
  const warnings = structureWarnings(agenda, (ref, roles) => lineOf(lines, marks, ref, roles));
  const content = lines.filter((l) => !l.blank);
  const running = new Set(['measure', 'section-intro', 'chapter-intro', 'intro']);
  content.forEach((line, i) => {
    const role = marks.roleOf(line.index);
    if (!role || !running.has(role)) return;
    const previous = content[i - 1];
    const midBlock =
      previous !== undefined &&
      marks.roleOf(previous.index) === role &&
      marks.refOf(previous.index) === marks.refOf(line.index) &&
      !lines.slice(previous.index + 1, line.index).some((l) => l.blank);
    if (!looksLikeHeading(line, previous, content[i + 1], midBlock, width)) return;
    warnings.push({
      code: 'looks-like-heading',
      line: line.index + 1,
      message: `Regel ${line.index + 1} lijkt een kop ("${line.text}") maar staat midden in de tekst.`,
    });
  });
  return warnings;
}
