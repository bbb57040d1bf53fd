/**
 * The agenda importer for text: from text extracted from a party agenda PDF (or typed) to the agenda
 * JSON. Pure and deterministic. The recognition itself, shared by every format, is `recogniseAgenda`.
 */
import type { Agenda } from './types.js';
import { textLines } from './parse/lines.js';
import { recogniseAgenda } from './recognise.js';

export { AgendaParseError } from './parse/errors.js';
export { recogniseAgenda } from './recognise.js';

/**
 * Parses the text of an agenda. Throws `AgendaParseError` when the text is empty or has no chapter
 * heading.
 */
export function parseAgenda(text: string): Agenda {
  return recogniseAgenda({ format: 'txt', lines: textLines(text) }).agenda;
}
