/**
 * Page furniture in text: page numbers and running headers or footers that an extraction leaves between
 * the pages ("12", "- 12 -", "Pagina 3 van 12", "3/12"). They are left out and read as a page break (a blank
 * line), so a paragraph broken by them joins up again. PDF readers mark furniture themselves (by position
 * and repetition across pages); this is for text that lost its pages.
 */
import type { Line } from './lines.js';

/** A page number by its words ("Pagina 3 van 12"): furniture wherever it stands. */
const PAGE_WORDS = /^(?:pagina|page|blz\.?)\s*\d{1,3}(?:\s*(?:van|of|\/)\s*\d{1,3})?$/iu;
/** A bare page number ("12", "- 12 -", "3/12"): furniture only beside a page break. */
const PAGE_NUMBER = [/^[-–—]?\s*\d{1,3}\s*[-–—]?$/u, /^\d{1,3}\s*(?:\/|van|of)\s*\d{1,3}$/iu];

/** How often a line must repeat beside page numbers to be a running header or footer. */
const MIN_REPEATS = 3;

/** The non-blank line before or after `i`, skipping blank lines. */
function neighbour(lines: readonly Line[], i: number, step: 1 | -1): Line | undefined {
  for (let j = i + step; j >= 0 && j < lines.length; j += step) if (!lines[j]!.blank) return lines[j];
  return undefined;
}

/** Whether a blank line (a page break) or the start or end of the text lies next to line `i`. */
function besideBreak(lines: readonly Line[], i: number): boolean {
  return i === 0 || i === lines.length - 1 || lines[i - 1]!.blank || lines[i + 1]?.blank === true;
}

/**
 * Finds page furniture: lines the format marked, page numbers standing apart (beside a blank line), and
 * short lines repeated at least three times right next to such page numbers. Returns their indices and
 * makes them blank lines in place (a page break, never a real gap).
 */
export function dropFurniture(lines: Line[]): number[] {
  const dropped = new Set<number>();
  lines.forEach((line, i) => {
    if (line.blank) return;
    const bare = PAGE_NUMBER.some((re) => re.test(line.text)) && besideBreak(lines, i);
    if (line.hints.furniture || PAGE_WORDS.test(line.text) || bare) dropped.add(i);
  });
  const beside = new Map<string, number[]>();
  lines.forEach((line, i) => {
    if (line.blank || dropped.has(i) || line.text.length > 80) return;
    const before = neighbour(lines, i, -1);
    const after = neighbour(lines, i, 1);
    if ((before && dropped.has(before.index)) || (after && dropped.has(after.index)))
      beside.set(line.text, [...(beside.get(line.text) ?? []), i]);
  });
  for (const indices of beside.values())
    if (indices.length >= MIN_REPEATS) for (const i of indices) dropped.add(i);
  for (const i of dropped) {
    const line = lines[i]!;
    lines[i] = { ...line, raw: '', text: '', blank: true, spaceOnly: false, indented: false };
  }
  return [...dropped].sort((a, b) => a - b);
}
