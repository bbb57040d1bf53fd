/**
 * Chapter headings. Where the format marks headings (a Word heading style, a PDF font size), those are the
 * chapters. In plain text they are found by their form and place: a line in capitals ("WONEN", "1. WONEN")
 * or a numbered chapter line ("Hoofdstuk 1: Wonen", or "Hoofdstuk 1" with the title on the next line),
 * standing apart from the running text. The number is never part of the title.
 */
import { chapterHeadingTitle, endedEarly, endsSentence, startsUpper, wordCount, type Line } from './lines.js';

export interface Heading {
  /** The heading's first line. */
  line: Line;
  /** The source line indices of the heading (two when the title follows "Hoofdstuk 1" on a line of its own). */
  indices: number[];
  title: string;
}

/** "Hoofdstuk 3", "Hoofdstuk III:", "Chapter 2 –" in front of a chapter title (or alone on its line). */
const CHAPTER_WORD = /^(?:hoofdstuk|chapter)\s+(?:\d{1,2}|[ivxlc]{1,6})\b[\s.:–—-]*/iu;

/** A number in front of a chapter title: "1. ", "2) ", "3 ". */
const CHAPTER_NUMBER = /^\d{1,2}[.)]?\s+/u;

/** The longest chapter title in words. */
const MAX_CHAPTER_WORDS = 14;

/** A heading's title without its number or chapter word: "1. WONEN" and "Hoofdstuk 1: WONEN" → "WONEN". */
export function chapterTitle(text: string): string {
  return text.replace(CHAPTER_WORD, '').replace(CHAPTER_NUMBER, '').replace(/\s+/gu, ' ').trim();
}

/** The chapter headings the format marked (heading level 1), or null when it marked none. */
export function hintedHeadings(lines: readonly Line[]): Heading[] | null {
  const marked = lines.filter((l) => !l.blank && l.hints.heading === 1);
  if (marked.length === 0) return null;
  const headings: Heading[] = [];
  for (const line of marked) {
    const previous = headings.at(-1);
    // A heading that wraps onto a second line, or "Hoofdstuk 1" above its title, is one heading.
    const only = previous && previous.indices.at(-1) === line.index - 1;
    if (only && (previous.title === '' || !CHAPTER_WORD.test(line.text))) {
      previous.indices.push(line.index);
      previous.title = `${previous.title} ${chapterTitle(line.text)}`.trim();
    } else headings.push({ line, indices: [line.index], title: chapterTitle(line.text) });
  }
  return headings;
}

/**
 * Chapter headings by their form: lines in capitals (see `chapterHeadingTitle`) or starting with
 * "Hoofdstuk N", that stand apart: at the start, after the end of a sentence or a line that ended early
 * (a signature), or after a gap (blank lines, a leading space, a measured gap), and not followed by a line in lower case (which would make the capitals
 * part of a sentence). "Hoofdstuk N" alone on a line takes the next line as its title.
 */
export function headingsByWords(lines: readonly Line[], width: number): Heading[] {
  const content = lines.filter((l) => !l.blank);
  const headings: Heading[] = [];
  for (let i = 0; i < content.length; i++) {
    const line = content[i]!;
    const previous = content[i - 1];
    const gap =
      line.indented || line.gapBefore || (previous !== undefined && lines[line.index - 1]?.blank === true);
    const apart =
      !previous ||
      gap ||
      endsSentence(previous.text) ||
      (previous.hints.endedEarly ?? endedEarly(previous.text, line.text, width));
    if (!apart) continue;

    const word = CHAPTER_WORD.exec(line.text);
    if (word && !/[.,;]$/u.test(line.text) && wordCount(line.text) <= MAX_CHAPTER_WORDS) {
      const rest = chapterTitle(line.text);
      const next = content[i + 1];
      if (rest) {
        headings.push({ line, indices: [line.index], title: rest });
      } else if (next && startsUpper(next.text) && !endsSentence(next.text)) {
        headings.push({ line, indices: [line.index, next.index], title: chapterTitle(next.text) });
        i++;
      }
      continue;
    }

    const title = chapterHeadingTitle(line.text);
    if (!title) continue;
    const next = content[i + 1];
    if (next && !startsUpper(next.text) && /^\p{Ll}/u.test(next.text)) continue;
    headings.push({ line, indices: [line.index], title });
  }
  return headings;
}
