/**
 * Reads a text or Markdown agenda into source lines. Text is taken as printed (an extraction from a PDF, or
 * typed); Markdown loses its markup (`#` before a heading, `**` around bold, `*`/`-` list markers stay and
 * are read as bullets), the words decide the structure as for text.
 */
import type { AgendaSource } from '../../../shared/agenda/source.js';
import { textLines } from '../../../shared/agenda/parse/lines.js';
import { ImportError } from '../errors.js';

/** Decodes the bytes of an agenda text, or throws an `ImportError` that says why they are not one. */
export function decodeText(bytes: Uint8Array): string {
  if (bytes.byteLength === 0) throw new ImportError('no-text', 'Het bestand is leeg.');
  if (bytes.includes(0)) {
    throw new ImportError(
      'unsupported',
      'Het bestand is binair, geen tekst: lever de agenda aan als PDF, Word (.docx) of platte tekst.',
    );
  }
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new ImportError(
      'unreadable',
      'Het bestand is geen UTF-8-tekst: sla het op als UTF-8 en probeer het opnieuw.',
    );
  }
  if (text.trim().length === 0) throw new ImportError('no-text', 'Het bestand bevat alleen witruimte.');
  return text.replace(/^\uFEFF/u, '');
}

/** Reads plain text. */
export function readText(bytes: Uint8Array): AgendaSource {
  return { format: 'txt', lines: textLines(decodeText(bytes)) };
}

/** Reads Markdown: heading marks and bold markers are taken off, the rest is read as text. */
export function readMarkdown(bytes: Uint8Array): AgendaSource {
  const lines = textLines(decodeText(bytes)).map((line) => ({
    text: line.text.replace(/^#{1,6}\s+/u, '').replace(/\*\*|__/gu, ''),
  }));
  return { format: 'md', lines };
}
