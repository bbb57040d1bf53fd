/** File names and content types of the exports. */
import { isoDay } from './dates.js';
import type { ExportFormat } from './types.js';

/** The HTTP `Content-Type` of each format. */
export const CONTENT_TYPES: Readonly<Record<ExportFormat, string>> = {
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  markdown: 'text/markdown; charset=utf-8',
  html: 'text/html; charset=utf-8',
  json: 'application/json; charset=utf-8',
  'amendments-csv': 'text/csv; charset=utf-8',
  'amendments-docx': 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
};

/** The file extension of each format, without the dot. */
export const FILE_EXTENSIONS: Readonly<Record<ExportFormat, string>> = {
  docx: 'docx',
  markdown: 'md',
  html: 'html',
  json: 'json',
  'amendments-csv': 'csv',
  'amendments-docx': 'docx',
};

const CHANGES_WORDS = {
  nl: { marked: 'gemarkeerd', clean: 'schoon', amendments: 'amendementen' },
  en: { marked: 'marked', clean: 'clean', amendments: 'amendments' },
} as const;

/** Lower case ASCII words joined by `-`: "Na ronde 2" → "na-ronde-2", "Één" → "een"; "export" when empty. */
function slug(text: string): string {
  const out = text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return out || 'export';
}

/**
 * A safe, sortable download name: document id, version, changes (or "amendementen" for the reports) and
 * the day in the Netherlands, such as `d66-cda_live_gemarkeerd_2026-11-26.docx`. Only `a-z`, `0-9`, `-`,
 * `_` and the extension's dot, so it needs no quoting in a `Content-Disposition` header.
 */
export function exportFileName(
  docId: string,
  format: ExportFormat,
  versionLabel: string,
  changes: 'marked' | 'clean',
  date: Date,
  language: 'nl' | 'en' = 'nl',
): string {
  const words = CHANGES_WORDS[language];
  const kind =
    format === 'amendments-csv' || format === 'amendments-docx' ? words.amendments : words[changes];
  return `${slug(docId)}_${slug(versionLabel)}_${kind}_${isoDay(date)}.${FILE_EXTENSIONS[format]}`;
}
