/**
 * From the positioned text of PDF pages to source lines with hints: lines rebuilt by their position on
 * the page, page furniture (running headers and footers, page numbers) found by position and repetition
 * across pages, headings found by typography (font size and bold), vertical gaps and lines that end short
 * of the margin measured on the page. Pure: the PDF reader (server/import/readers/pdf.ts) only extracts the
 * items.
 */
import type { LineHints, SourceLine } from '../source.js';

/** One run of text on a page, in PDF units (points, y upwards), as a PDF library gives it. */
export interface PdfItem {
  text: string;
  x: number;
  /** Baseline. */
  y: number;
  width: number;
  /** Font size. */
  size: number;
  bold: boolean;
}

export interface PdfPage {
  width: number;
  height: number;
  items: PdfItem[];
}

interface Row {
  page: number;
  items: PdfItem[];
  y: number;
  size: number;
  left: number;
  right: number;
  text: string;
  bold: boolean;
  boldLead?: string;
  furniture?: LineHints['furniture'];
}

/** Page furniture lives in the top and bottom band of this share of the page height. */
const MARGIN_BAND = 0.1;
/** A heading's font is at least this much larger than the body's. */
const HEADING_RATIO = 1.15;
/** A vertical gap is this much more than the usual distance between lines. */
const GAP_RATIO = 1.35;

const PAGE_NUMBER =
  /^(?:[-–—]\s*)?(?:pagina\s+|page\s+|blz\.?\s*)?\d{1,4}(?:\s*(?:\/|van|of)\s*\d{1,4})?(?:\s*[-–—])?$/iu;

/** The size most characters have (rounded to half a point). */
function dominantSize(items: readonly PdfItem[]): number {
  const weight = new Map<number, number>();
  for (const item of items) {
    const size = Math.round(item.size * 2) / 2;
    weight.set(size, (weight.get(size) ?? 0) + item.text.replace(/\s/gu, '').length);
  }
  return [...weight.entries()].sort((a, b) => b[1] - a[1] || b[0] - a[0])[0]?.[0] ?? 0;
}

/** The items of one row, left to right, as text: a space where the gap between two items is a space wide. */
function rowText(items: readonly PdfItem[]): string {
  let text = '';
  let end = -Infinity;
  for (const item of items) {
    const gap = item.x - end;
    if (text && gap > 0.15 * item.size && !/\s$/u.test(text) && !/^\s/u.test(item.text)) text += ' ';
    text += item.text;
    end = Math.max(end, item.x + item.width);
  }
  return text.replace(/\s+/gu, ' ').trim();
}

/** Rows of a page: items whose baselines lie within half a font size (a superscript joins its line). */
function rowsOf(page: PdfPage, index: number): Row[] {
  const items = page.items
    .filter((i) => i.text.trim() !== '' || i.text === ' ')
    .sort((a, b) => b.y - a.y || a.x - b.x);
  const groups: PdfItem[][] = [];
  for (const item of items) {
    const group = groups.find((g) =>
      g.some((o) => Math.abs(o.y - item.y) < 0.5 * Math.max(o.size, item.size)),
    );
    if (group) group.push(item);
    else groups.push([item]);
  }
  return groups
    .map((group) => {
      const sorted = [...group].sort((a, b) => a.x - b.x);
      const size = dominantSize(sorted);
      const main = sorted.filter((i) => Math.round(i.size * 2) / 2 === size);
      const visible = sorted.filter((i) => i.text.trim());
      const row: Row = {
        page: index + 1,
        items: sorted,
        y: Math.min(...main.map((i) => i.y)),
        size,
        left: Math.min(...visible.map((i) => i.x)),
        right: Math.max(...visible.map((i) => i.x + i.width)),
        text: rowText(sorted),
        bold: visible.every((i) => i.bold),
      };
      const firstPlain = visible.findIndex((i) => !i.bold);
      if (firstPlain > 0) row.boldLead = rowText(visible.slice(0, firstPlain));
      return row;
    })
    .filter((r) => r.text !== '')
    .sort((a, b) => b.y - a.y);
}

/**
 * Marks page furniture: in the top or bottom band of the page, a page number, or a line that (digits aside)
 * recurs in that band on at least half the pages (and on two or more).
 */
function markFurniture(rows: Row[], pages: readonly PdfPage[]): void {
  const inBand = (row: Row): 'header' | 'footer' | null => {
    const height = pages[row.page - 1]!.height;
    if (row.y > height * (1 - MARGIN_BAND)) return 'header';
    if (row.y < height * MARGIN_BAND) return 'footer';
    return null;
  };
  const key = (row: Row) => row.text.replace(/\d+/gu, '#').toLowerCase();
  const seen = new Map<string, Set<number>>();
  for (const row of rows) {
    if (!inBand(row)) continue;
    const pagesWith = seen.get(key(row)) ?? new Set<number>();
    pagesWith.add(row.page);
    seen.set(key(row), pagesWith);
  }
  const repeatedOn = Math.max(2, Math.ceil(pages.length / 2));
  for (const row of rows) {
    const band = inBand(row);
    if (!band) continue;
    if (PAGE_NUMBER.test(row.text)) row.furniture = 'page-number';
    else if ((seen.get(key(row))?.size ?? 0) >= repeatedOn) row.furniture = band;
  }
}

/** The median of some numbers, or undefined for none. */
function median(values: number[]): number | undefined {
  if (values.length === 0) return undefined;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

/**
 * Heading levels by typography: lines in a font clearly larger than the body's, and bold lines in the body's
 * size that read as a heading (no sentence end, a few words). The sizes in use, largest first, are the
 * levels; a largest size used once, before any other heading, is the document title; the next is the
 * chapters, any smaller ones the sections.
 */
function headingLevels(rows: readonly Row[], body: number): Map<Row, 0 | 1 | 2> {
  const candidates = rows.filter(
    (r) =>
      !r.furniture &&
      (r.size >= body * HEADING_RATIO ||
        (r.bold &&
          Math.abs(r.size - body) < 0.5 &&
          !/[.;:,]$/u.test(r.text) &&
          r.text.split(' ').length <= 14)),
  );
  const rank = (r: Row) => (r.size >= body * HEADING_RATIO ? r.size : body);
  const sizes = [...new Set(candidates.map(rank))].sort((a, b) => b - a);
  const levels = new Map<Row, 0 | 1 | 2>();
  if (sizes.length === 0) return levels;
  const top = candidates.filter((r) => rank(r) === sizes[0]);
  const titleFirst = top.length === 1 && candidates[0] === top[0] && (sizes.length > 1 || top.length === 1);
  const order = titleFirst ? sizes : [undefined, ...sizes];
  for (const row of candidates) {
    const level = order.indexOf(rank(row));
    levels.set(row, Math.min(level, 2) as 0 | 1 | 2);
  }
  return levels;
}

/** Source lines from the items of PDF pages. */
export function pdfLines(pages: readonly PdfPage[]): SourceLine[] {
  const rows = pages.flatMap((page, i) => rowsOf(page, i));
  markFurniture(rows, pages);
  const content = rows.filter((r) => !r.furniture);
  const body = dominantSize(content.flatMap((r) => r.items));
  const levels = headingLevels(content, body);

  const bodyRows = content.filter((r) => Math.abs(r.size - body) < 0.5);
  const pitches: number[] = [];
  for (let i = 1; i < bodyRows.length; i++) {
    const [a, b] = [bodyRows[i - 1]!, bodyRows[i]!];
    if (a.page === b.page && a.y > b.y) pitches.push(a.y - b.y);
  }
  const pitch = median(pitches) ?? body * 1.2;
  const margin =
    median(
      bodyRows
        .map((r) => r.right)
        .sort((a, b) => b - a)
        .slice(0, Math.ceil(bodyRows.length / 10)),
    ) ?? 0;

  const lines: SourceLine[] = [];
  let previous: Row | undefined;
  for (let i = 0; i < rows.length; i++) {
    const row = rows[i]!;
    const hints: LineHints = { fontSize: row.size };
    if (row.furniture) {
      hints.furniture = row.furniture;
      lines.push({ text: row.text, page: row.page, hints });
      continue;
    }
    const level = levels.get(row);
    const merge =
      previous &&
      level !== undefined &&
      levels.get(previous) === level &&
      previous.page === row.page &&
      previous.y - row.y < 1.5 * row.size;
    if (merge) {
      // A heading wrapped over two lines is one heading.
      lines.at(-1)!.text += ` ${row.text}`;
      previous = row;
      continue;
    }
    if (level !== undefined) hints.heading = level;
    if (row.bold) hints.bold = true;
    if (row.boldLead) hints.boldLead = row.boldLead;
    if (
      previous &&
      previous.page === row.page &&
      previous.y - row.y > GAP_RATIO * Math.max(pitch, row.size * 1.1)
    )
      hints.gapBefore = true;
    const next = content[content.indexOf(row) + 1];
    if (next && Math.abs(row.size - body) < 0.5) {
      const charWidth = (row.right - row.left) / Math.max(1, row.text.length);
      const firstWord = /^\S+/u.exec(next.text)?.[0].length ?? 0;
      hints.endedEarly = margin - row.right > (firstWord + 2) * charWidth;
    }
    lines.push({ text: row.text, page: row.page, hints });
    previous = row;
  }
  return lines;
}
