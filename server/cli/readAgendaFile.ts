import fs from 'node:fs';
import { NotFound } from '../domain/errors.js';
import { CliError } from './args.js';

/** An agenda as text is tens of kilobytes; 5 MB is far beyond any real one and keeps a wrong file out. */
export const MAX_AGENDA_BYTES = 5 * 1024 * 1024;

/**
 * Reads an agenda text file, refusing with one sentence what cannot be one: a missing, empty, binary,
 * non-UTF-8 or oversized file.
 */
export function readAgendaFile(file: string): string {
  let stat: fs.Stats;
  try {
    stat = fs.statSync(file);
  } catch {
    throw new NotFound('file', `Bestand ${file} bestaat niet of is niet leesbaar.`);
  }
  if (!stat.isFile()) throw new CliError(`${file} is geen bestand.`);
  if (stat.size > MAX_AGENDA_BYTES) {
    throw new CliError(
      `Bestand ${file} is groter dan 5 MB (${(stat.size / 1024 / 1024).toFixed(1).replace('.', ',')} MB); dat is geen agenda.`,
    );
  }
  const bytes = fs.readFileSync(file);
  return decodeAgendaText(bytes, file);
}

/** Decodes the bytes of an agenda text, or throws a CliError that says why they are not one. */
export function decodeAgendaText(bytes: Uint8Array, name: string): string {
  if (bytes.byteLength === 0) throw new CliError(`Bestand ${name} is leeg.`);
  if (bytes.includes(0))
    throw new CliError(`Bestand ${name} is binair, geen tekst (exporteer de agenda eerst als platte tekst).`);
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new CliError(`Bestand ${name} is geen UTF-8-tekst; sla het op als UTF-8 en probeer opnieuw.`);
  }
  if (text.trim().length === 0) throw new CliError(`Bestand ${name} bevat alleen witruimte.`);
  return text.replace(/^\uFEFF/, '');
}
