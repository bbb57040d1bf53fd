/**
 * Importing an agenda file of any format: the size limit, the format (by name and by content), the reader,
 * then the structure recognition shared by all formats. Stores nothing: the caller decides.
 */
import path from 'node:path';
import { AgendaParseError } from '../../shared/agenda/parse/errors.js';
import { recogniseAgenda } from '../../shared/agenda/recognise.js';
import type { AgendaFormat, AgendaSource, ImportResult } from '../../shared/agenda/source.js';
import { ImportError } from './errors.js';
import { readDocx } from './readers/docx.js';
import { readPdf } from './readers/pdf.js';
import { readMarkdown, readText } from './readers/text.js';

export { ImportError, type ImportErrorKind } from './errors.js';

/** An agenda is at most a few megabytes even as a PDF with pictures; 20 MB keeps a wrong file out. */
export const MAX_IMPORT_BYTES = 20 * 1024 * 1024;

/** The sentence for a file over the limit. */
export function tooLargeMessage(bytes: number): string {
  const mb = (bytes / 1024 / 1024).toFixed(1).replace('.', ',');
  return `Het bestand is groter dan 20 MB (${mb} MB): lever de agenda aan zonder afbeeldingen, of als Word- of tekstbestand.`;
}

/** The format of a file, by its content where that is certain (%PDF, a zip) and otherwise by its name. */
export function formatOf(name: string, bytes: Uint8Array): AgendaFormat {
  const ext = path.extname(name).toLowerCase();
  const head = Buffer.from(bytes.subarray(0, 5)).toString('latin1');
  if (head.startsWith('%PDF')) return 'pdf';
  if (ext === '.pdf') return 'pdf';
  if (ext === '.docx' || ext === '.doc' || head.startsWith('PK\u0003\u0004')) return 'docx';
  if (ext === '.md' || ext === '.markdown') return 'md';
  return 'txt';
}

/** Reads a file into source lines with the reader for its format. */
export async function readSource(name: string, bytes: Uint8Array): Promise<AgendaSource> {
  if (bytes.byteLength > MAX_IMPORT_BYTES)
    throw new ImportError('too-large', tooLargeMessage(bytes.byteLength));
  const format = formatOf(name, bytes);
  switch (format) {
    case 'pdf':
      return readPdf(bytes);
    case 'docx':
      return readDocx(bytes);
    case 'md':
      return readMarkdown(bytes);
    case 'txt':
      return readText(bytes);
  }
}

/**
 * Imports a file: the agenda, warnings and what each source line became. Throws an `ImportError` (one Dutch
 * sentence) for a file that cannot become an agenda.
 */
export async function importFile(name: string, bytes: Uint8Array): Promise<ImportResult> {
  const source = await readSource(name, bytes);
  try {
    return recogniseAgenda(source);
  } catch (err) {
    if (err instanceof AgendaParseError) throw new ImportError('no-structure', err.message);
    throw err;
  }
}
