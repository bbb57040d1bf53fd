/**
 * Dates in exports. Days are the day in the Netherlands (Europe/Amsterdam), so an export made at 00:30
 * Dutch time carries that day, not the previous one in UTC.
 */

const ZONE = 'Europe/Amsterdam';

/** Made once: building a formatter costs far more than using one. */
const DAY_FORMAT = new Intl.DateTimeFormat('en-GB', {
  timeZone: ZONE,
  day: '2-digit',
  month: '2-digit',
  year: 'numeric',
});

function dayParts(date: Date): { day: string; month: string; year: string } {
  const parts = DAY_FORMAT.formatToParts(date);
  const get = (type: string): string => parts.find((p) => p.type === type)?.value ?? '';
  return { day: get('day'), month: get('month'), year: get('year') };
}

/** "26-11-2026": the Dutch dd-mm-jjjj form, used in both languages (the issue asks for Dutch dates). */
export function dutchDate(date: Date): string {
  const { day, month, year } = dayParts(date);
  return `${day}-${month}-${year}`;
}

/** "2026-11-26": the day as in file names (sorts by date). */
export function isoDay(date: Date): string {
  const { day, month, year } = dayParts(date);
  return `${year}-${month}-${day}`;
}

/**
 * Reads an ISO 8601 date ("2026-11-20") or date-time; `fallback` when the text is not one. A date
 * without a time is midnight UTC, as `Date` reads it.
 */
export function parseDate(text: string | null | undefined, fallback: Date): Date {
  if (!text) return fallback;
  const date = new Date(text);
  return Number.isNaN(date.getTime()) ? fallback : date;
}

/** "26-11-2026" for an ISO date text, or `''` when it is missing or not a date. */
export function dutchDateOf(text: string | null | undefined): string {
  if (!text) return '';
  const date = new Date(text);
  return Number.isNaN(date.getTime()) ? '' : dutchDate(date);
}

/** A date-time as Word wants it in `w:date`: "2026-11-20T14:03:00Z" (no milliseconds). */
export function wordDateTime(date: Date): string {
  return date.toISOString().replace(/\.\d{3}Z$/, 'Z');
}
