/**
 * An imported agenda's body as a flat list, for corrections: chapter headings, section headings,
 * paragraphs and measures in reading order, each with the source lines it came from. Changing an item's
 * kind, splitting or merging items is then a change of the list; `rebuild` makes chapters and sections of
 * it again by the importer's own rules (see `parse/structure.ts`), numbers everything by position and says
 * anew what each source line became.
 */
import { importedId } from '../ids.js';
import type { Chapter, Section } from '../types.js';
import type { SourceEntry, SourceRole } from '../source.js';
import { startsOf } from './lines.js';

/**
 * One unit of the body, with the one-based source lines it came from (in order) and, for those `flatten`
 * made, the id of the chapter, section or measure it is (a paragraph: of the chapter or section it is in).
 */
export type OutlineItem =
  | { kind: 'chapter'; title: string; lines: number[]; ref?: string }
  | { kind: 'section'; title: string; runIn: boolean; lines: number[]; ref?: string }
  | { kind: 'paragraph'; text: string; lines: number[]; ref?: string }
  | { kind: 'measure'; text: string; lines: number[]; ref?: string };

/** The kinds of item. */
export type OutlineKind = OutlineItem['kind'];

/** The lines of `entries` by role and ref, in order: `linesOf(role, ref)`. */
function lineIndex(entries: readonly SourceEntry[]): (role: SourceRole, ref: string) => number[] {
  const index = new Map<string, number[]>();
  for (const e of entries) {
    if (e.ref === undefined) continue;
    const key = `${e.role} ${e.ref}`;
    const lines = index.get(key);
    if (lines) lines.push(e.line);
    else index.set(key, [e.line]);
  }
  return (role, ref) => index.get(`${role} ${ref}`) ?? [];
}

/**
 * Shares the lines of a run of paragraphs (one ref, as the importer marks an intro) among them: a line
 * belongs to the first paragraph, from the current one on, that holds its words after the last line's.
 */
function shareLines(
  paragraphs: readonly string[],
  lines: readonly number[],
  text: ReadonlyMap<number, string>,
): number[][] {
  const shares = paragraphs.map((): number[] => []);
  if (paragraphs.length === 0) return shares;
  let current = 0;
  let cursor = 0;
  for (const line of lines) {
    for (let p = current; p < paragraphs.length; p++) {
      const [start] = startsOf(paragraphs[p]!, [text.get(line) ?? ''], p === current ? cursor : 0);
      if (start !== null && start !== undefined) {
        current = p;
        cursor = start + 1;
        break;
      }
    }
    shares[current]!.push(line);
  }
  return shares;
}

/**
 * The body of an agenda as a flat list of items, with their source lines from `entries`. An untitled
 * section is no item: the importer makes one only where `rebuild` makes it again (measures before any
 * section, a paragraph after measures), so it disappears when its text becomes something else.
 */
export function flatten(chapters: readonly Chapter[], entries: readonly SourceEntry[]): OutlineItem[] {
  const items: OutlineItem[] = [];
  const linesOf = lineIndex(entries);
  const texts = new Map(entries.map((e) => [e.line, e.text]));
  for (const chapter of chapters) {
    const ref = chapter.id;
    items.push({ kind: 'chapter', title: chapter.title, lines: linesOf('chapter', ref), ref });
    const intro = shareLines(chapter.intro, linesOf('chapter-intro', ref), texts);
    chapter.intro.forEach((text, i) => items.push({ kind: 'paragraph', text, lines: intro[i]!, ref }));
    for (const section of chapter.sections) {
      const ref = section.id;
      if (section.title)
        items.push({
          kind: 'section',
          title: section.title,
          runIn: section.runIn,
          lines: linesOf('section', ref),
          ref,
        });
      const own = shareLines(section.intro, linesOf('section-intro', ref), texts);
      section.intro.forEach((text, i) => items.push({ kind: 'paragraph', text, lines: own[i]!, ref }));
      for (const measure of section.measures)
        items.push({
          kind: 'measure',
          text: measure.text,
          lines: linesOf('measure', measure.id),
          ref: measure.id,
        });
    }
  }
  return items;
}

/** What a source line became after `rebuild`. */
export interface LineMark {
  role: SourceRole;
  ref: string;
}

/**
 * Chapters and sections of a flat list, numbered and given ids by position as the importer does
 * (`c-2`, `s-2-1`, `m-2-1-3`), with what each item's lines now are. The importer's rules: a paragraph before
 * a chapter's first section is the chapter's intro, one after a section's title and before its measures is
 * the section's intro, one after measures opens an untitled section; a measure before any section opens an
 * untitled section; a section left without title, intro and measures is dropped. Throws `RangeError` when
 * the list does not start with a chapter.
 */
export function rebuild(items: readonly OutlineItem[]): {
  chapters: Chapter[];
  marks: Map<number, LineMark>;
} {
  if (items[0]?.kind !== 'chapter')
    throw new RangeError(`The body must start with a chapter, not ${items[0]?.kind ?? 'nothing'}`);
  const chapters: Chapter[] = [];
  const marks = new Map<number, LineMark>();
  const mark = (lines: readonly number[], role: SourceRole, ref: string) => {
    for (const line of lines) if (!marks.has(line)) marks.set(line, { role, ref });
  };
  let chapter!: Chapter;
  let section: Section | null = null;
  // Sections only ever go from the end (an empty untitled one), so numbering as they open is by position.
  const open = (title: string, runIn: boolean, lines: readonly number[]): Section => {
    dropEmptyLast(chapter);
    const number = `${chapter.number}.${chapter.sections.length + 1}`;
    const made: Section = { id: importedId('s', number), number, title, runIn, intro: [], measures: [] };
    chapter.sections.push(made);
    mark(lines, 'section', made.id);
    return made;
  };
  for (const item of items) {
    switch (item.kind) {
      case 'chapter': {
        if (chapters.length > 0) dropEmptyLast(chapter);
        const number = String(chapters.length + 1);
        chapter = { id: importedId('c', number), number, title: item.title, intro: [], sections: [] };
        chapters.push(chapter);
        section = null;
        mark(item.lines, 'chapter', chapter.id);
        break;
      }
      case 'section':
        section = open(item.title, item.runIn, item.lines);
        break;
      case 'paragraph':
        if (!section) {
          chapter.intro.push(item.text);
          mark(item.lines, 'chapter-intro', chapter.id);
          break;
        }
        if (section.measures.length > 0) section = open('', false, []);
        section.intro.push(item.text);
        mark(item.lines, 'section-intro', section.id);
        break;
      case 'measure': {
        section ??= open('', false, []);
        const number = `${section.number}.${section.measures.length + 1}`;
        const id = importedId('m', number);
        section.measures.push({ id, number, text: item.text });
        mark(item.lines, 'measure', id);
        break;
      }
    }
  }
  dropEmptyLast(chapter);
  return { chapters, marks };
}

/** Drops a chapter's last section when it is untitled and empty (its text became something else). */
function dropEmptyLast(chapter: Chapter): void {
  const last = chapter.sections.at(-1);
  if (last && !last.title && last.intro.length === 0 && last.measures.length === 0) chapter.sections.pop();
}
