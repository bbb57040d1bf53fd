/**
 * Corrections of an imported agenda before a negotiation starts from it: what a person does when the
 * structure recognition got a line wrong. Each is a pure function of the import result (agenda, warnings,
 * source lines with what they became) to a new one, so a page can keep a history to undo and the server
 * never sees anything but the final agenda.
 *
 * - `retitle`: the agenda's, a chapter's or a section's title;
 * - `line-to-heading`: a source line becomes a chapter or section heading (splitting the paragraph or
 *   measure it was in; what follows it moves under the new heading), or a heading changes level;
 * - `line-to-measure`: a source line starts a measure (splitting the paragraph or measure it was in), or a
 *   heading becomes a measure;
 * - `merge-measures`: a measure and the one after it in the same section become one;
 * - `split-measure`: a measure becomes two at a character offset.
 *
 * Chapters, sections and measures are numbered again by position after each, as the importer numbers them.
 */
import type { ImportResult, SourceEntry } from '../source.js';
import { chapterTitle } from '../parse/headings.js';
import { SECTION_NUMBER } from '../parse/blocks.js';
import { flatten, rebuild, type OutlineItem } from './outline.js';
import { startsOf } from './lines.js';
import { reviewWarnings } from './warnings.js';

/** One correction of an import result. */
export type Correction =
  | { kind: 'retitle'; target: 'agenda' | { id: string }; title: string }
  | { kind: 'line-to-heading'; line: number; level: 'chapter' | 'section' }
  | { kind: 'line-to-measure'; line: number }
  | { kind: 'merge-measures'; measure: string }
  | { kind: 'split-measure'; measure: string; at: number };

/** The body's items, each with the id it has in the result. */
function itemsOf(result: ImportResult): OutlineItem[] {
  return flatten(result.agenda.chapters, result.source);
}

/** The result with a new body: agenda chapters, what each source line became, and warnings, all anew. */
function withItems(
  result: ImportResult,
  items: readonly OutlineItem[],
  title = result.agenda.title,
): ImportResult {
  const { chapters, marks } = rebuild(items);
  const agenda = { ...result.agenda, title, chapters };
  const bodyRoles = new Set(['chapter', 'chapter-intro', 'section', 'section-intro', 'measure']);
  const source: SourceEntry[] = result.source.map((entry) => {
    const mark = marks.get(entry.line);
    if (mark) return { ...entry, role: mark.role, ref: mark.ref };
    if (!bodyRoles.has(entry.role)) return entry;
    // A body line no item holds any more (its words were merged into a neighbour's title): not lost, shown
    // as part of the item before it.
    const { ref: _ref, ...rest } = entry;
    return rest;
  });
  const next: ImportResult = { agenda, warnings: [], source };
  return { ...next, warnings: reviewWarnings(result, next) };
}

/** The index of the item holding source line `line`, or a RangeError naming the line. */
function itemOfLine(items: readonly OutlineItem[], line: number): number {
  const index = items.findIndex((item) => item.lines.includes(line));
  if (index < 0)
    throw new RangeError(`Line ${line} is not part of a chapter (title, intro, footnote or blank)`);
  return index;
}

/** The text of a paragraph or measure item split where source line `line` begins: before, from it on. */
function splitAtLine(
  result: ImportResult,
  item: Extract<OutlineItem, { text: string }>,
  line: number,
): { before: string; from: string; linesBefore: number[]; linesFrom: number[]; next: number | null } {
  const printed = new Map(result.source.map((e) => [e.line, e.text]));
  const starts = startsOf(
    item.text,
    item.lines.map((l) => printed.get(l) ?? ''),
  );
  const position = item.lines.indexOf(line);
  const at = position === 0 ? 0 : starts[position];
  if (at === null || at === undefined) throw new RangeError(`Line ${line} cannot be found in its text`);
  const nextLine = item.lines[position + 1];
  const nextStart = position + 1 < item.lines.length ? starts[position + 1] : null;
  return {
    before: item.text.slice(0, at).trim(),
    from: item.text.slice(at).trim(),
    linesBefore: item.lines.slice(0, position),
    linesFrom: item.lines.slice(position),
    next: nextLine !== undefined && nextStart !== null && nextStart !== undefined ? nextStart - at : null,
  };
}

/** A heading's title from the words of a line: without a chapter's or section's own number. */
function titleOf(text: string, level: 'chapter' | 'section'): string {
  const title = level === 'chapter' ? chapterTitle(text) : text.replace(SECTION_NUMBER, '').trim();
  return title || text.trim();
}

function lineToHeading(result: ImportResult, line: number, level: 'chapter' | 'section'): ImportResult {
  const items = itemsOf(result);
  const index = itemOfLine(items, line);
  const item = items[index]!;
  if (item.kind === 'chapter' || item.kind === 'section') {
    if (item.kind === level) throw new RangeError(`Line ${line} is a ${level} heading already`);
    if (index === 0) throw new RangeError('The first chapter heading stays a chapter heading');
    const changed: OutlineItem =
      level === 'chapter'
        ? { kind: 'chapter', title: item.title, lines: item.lines }
        : { kind: 'section', title: item.title, runIn: false, lines: item.lines };
    return withItems(result, items.toSpliced(index, 1, changed));
  }
  const split = splitAtLine(result, item, line);
  // The heading is the line itself; the rest of the text after it stays what it was.
  const headingText = split.next === null ? split.from : split.from.slice(0, split.next).trim();
  const rest = split.next === null ? '' : split.from.slice(split.next).trim();
  const heading: OutlineItem =
    level === 'chapter'
      ? { kind: 'chapter', title: titleOf(headingText, level), lines: [line] }
      : { kind: 'section', title: titleOf(headingText, level), runIn: false, lines: [line] };
  const replacement: OutlineItem[] = [
    ...(split.before ? [{ ...item, text: split.before, lines: split.linesBefore }] : []),
    heading,
    ...(rest ? [{ ...item, text: rest, lines: split.linesFrom.slice(1) }] : []),
  ];
  return withItems(result, items.toSpliced(index, 1, ...replacement));
}

function lineToMeasure(result: ImportResult, line: number): ImportResult {
  const items = itemsOf(result);
  const index = itemOfLine(items, line);
  const item = items[index]!;
  if (item.kind === 'chapter' || item.kind === 'section') {
    if (index === 0) throw new RangeError('The first chapter heading stays a chapter heading');
    // A run-in title and the paragraph it led were one paragraph: they become one measure again.
    const following = items[index + 1];
    const joined = item.kind === 'section' && item.runIn && following?.kind === 'paragraph';
    const measure: OutlineItem = {
      kind: 'measure',
      text: joined ? `${item.title} ${following.text}` : item.title,
      lines: joined ? [...item.lines, ...following.lines] : item.lines,
    };
    return withItems(result, items.toSpliced(index, joined ? 2 : 1, measure));
  }
  const split = splitAtLine(result, item, line);
  if (item.kind === 'measure' && !split.before) throw new RangeError(`Line ${line} starts a measure already`);
  const replacement: OutlineItem[] = [
    ...(split.before ? [{ ...item, text: split.before, lines: split.linesBefore }] : []),
    { kind: 'measure', text: split.from, lines: split.linesFrom },
  ];
  return withItems(result, items.toSpliced(index, 1, ...replacement));
}

function measureIndex(result: ImportResult, measure: string): { items: OutlineItem[]; index: number } {
  const items = itemsOf(result);
  const index = items.findIndex((item) => item.ref === measure && item.kind === 'measure');
  if (index < 0) throw new RangeError(`Unknown measure ${measure}`);
  return { items, index };
}

function mergeMeasures(result: ImportResult, measure: string): ImportResult {
  const { items, index } = measureIndex(result, measure);
  const item = items[index] as Extract<OutlineItem, { kind: 'measure' }>;
  const next = items[index + 1];
  if (next?.kind !== 'measure') throw new RangeError(`Measure ${measure} is the last of its section`);
  const merged: OutlineItem = {
    kind: 'measure',
    text: `${item.text} ${next.text}`,
    lines: [...item.lines, ...next.lines],
  };
  return withItems(result, items.toSpliced(index, 2, merged));
}

function splitMeasure(result: ImportResult, measure: string, at: number): ImportResult {
  const { items, index } = measureIndex(result, measure);
  const item = items[index] as Extract<OutlineItem, { kind: 'measure' }>;
  const first = item.text.slice(0, at).trim();
  const second = item.text.slice(at).trim();
  if (!Number.isInteger(at) || !first || !second)
    throw new RangeError(`Offset ${at} does not split measure ${measure} into two texts`);
  const printed = new Map(result.source.map((e) => [e.line, e.text]));
  const starts = startsOf(
    item.text,
    item.lines.map((l) => printed.get(l) ?? ''),
  );
  // A line goes with the half its beginning is in (the first line always with the first half).
  const cut = item.lines.findIndex((_, i) => i > 0 && (starts[i] ?? 0) >= at);
  const linesFirst = cut < 0 ? item.lines : item.lines.slice(0, cut);
  const linesSecond = cut < 0 ? [] : item.lines.slice(cut);
  return withItems(
    result,
    items.toSpliced(
      index,
      1,
      { kind: 'measure', text: first, lines: linesFirst },
      { kind: 'measure', text: second, lines: linesSecond },
    ),
  );
}

function retitle(result: ImportResult, target: 'agenda' | { id: string }, title: string): ImportResult {
  const trimmed = title.replace(/\s+/gu, ' ').trim();
  if (target === 'agenda') return withItems(result, itemsOf(result), trimmed);
  const items = itemsOf(result);
  const item = items.find((i) => i.ref === target.id && i.kind !== 'paragraph');
  if (item && (item.kind === 'chapter' || item.kind === 'section'))
    return withItems(result, items.toSpliced(items.indexOf(item), 1, { ...item, title: trimmed }));
  // An untitled section (no item of its own) gets a heading before its first paragraph or measure.
  const section = result.agenda.chapters.flatMap((c) => c.sections).find((s) => s.id === target.id);
  const first = section && items.findIndex((i) => i.ref === section.id || i.ref === section.measures[0]?.id);
  if (!section || first === undefined || first < 0 || !trimmed)
    throw new RangeError(`Unknown chapter or section ${target.id}`);
  return withItems(
    result,
    items.toSpliced(first, 0, { kind: 'section', title: trimmed, runIn: false, lines: [] }),
  );
}

/**
 * Applies a correction. Throws `RangeError` for one that does not apply (a line outside the chapters, a
 * measure without a next one to merge with, the first chapter heading made something else).
 */
export function applyCorrection(result: ImportResult, correction: Correction): ImportResult {
  switch (correction.kind) {
    case 'retitle':
      return retitle(result, correction.target, correction.title);
    case 'line-to-heading':
      return lineToHeading(result, correction.line, correction.level);
    case 'line-to-measure':
      return lineToMeasure(result, correction.line);
    case 'merge-measures':
      return mergeMeasures(result, correction.measure);
    case 'split-measure':
      return splitMeasure(result, correction.measure, correction.at);
  }
}

/** The corrected result, or null when the correction does not apply (so a page can offer only those that do). */
export function corrected(result: ImportResult, correction: Correction): ImportResult | null {
  try {
    return applyCorrection(result, correction);
  } catch (err) {
    if (err instanceof RangeError) return null;
    throw err;
  }
}
