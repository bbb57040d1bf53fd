import fs from 'node:fs';
import { NotFound } from '../domain/errors.js';
import type { ImportResult } from '../../shared/agenda/source.js';
import { importFile, ImportError, MAX_IMPORT_BYTES, tooLargeMessage } from '../import/index.js';
import { CliError } from './args.js';

/**
 * Reads and imports an agenda file of any format (.pdf, .docx, .txt, .md), refusing with one sentence what
 * cannot be one: a missing, empty, oversized, damaged, encrypted or image-only file, or one without chapters.
 */
export async function importAgendaFile(file: string): Promise<ImportResult> {
  let stat: fs.Stats;
  try {
    stat = fs.statSync(file);
  } catch {
    throw new NotFound('file', `Bestand ${file} bestaat niet of is niet leesbaar.`);
  }
  if (!stat.isFile()) throw new CliError(`${file} is geen bestand.`);
  if (stat.size > MAX_IMPORT_BYTES) throw new CliError(`${file}: ${tooLargeMessage(stat.size)}`);
  try {
    return await importFile(file, fs.readFileSync(file));
  } catch (err) {
    if (err instanceof ImportError) throw new CliError(`${file}: ${err.message}`);
    throw err;
  }
}
