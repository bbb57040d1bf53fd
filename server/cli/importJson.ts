import fs from 'node:fs';
import { importJsonExport, JsonExportError, type JsonExport } from '../export/json.js';
import { restoreJsonExport } from '../export/restore.js';
import { DOCUMENT_ID } from '../documents/import.js';
import { Conflict, NotFound } from '../domain/errors.js';
import { CliError, option, type Args } from './args.js';
import { withSources } from './export.js';
import { refuseReplaceWhileServing } from './running.js';

/** A JSON export with many amendments is a few megabytes; 50 MB keeps a wrong file out. */
const MAX_JSON_BYTES = 50 * 1024 * 1024;

function readExport(file: string | undefined): JsonExport {
  if (!file) throw new CliError('Geef het JSON-exportbestand op.');
  let stat: fs.Stats;
  try {
    stat = fs.statSync(file);
  } catch {
    throw new NotFound('file', `Bestand ${file} bestaat niet of is niet leesbaar.`);
  }
  if (!stat.isFile()) throw new CliError(`${file} is geen bestand.`);
  if (stat.size > MAX_JSON_BYTES)
    throw new CliError(`Bestand ${file} is groter dan 50 MB; dat is geen export.`);
  try {
    return importJsonExport(fs.readFileSync(file, 'utf8'));
  } catch (err) {
    if (err instanceof JsonExportError) throw new CliError(`${file}: ${err.message}`);
    throw err;
  }
}

/**
 * `akkoord import <file.json> --json --id <id> [--replace]`: a JSON export as a new document (see
 * `restoreJsonExport` for what goes where: the export's original becomes the baseline, its agenda the
 * live text).
 */
export async function importJsonCommand(args: Args, out: (line: string) => void): Promise<void> {
  const id = option(args, 'id');
  if (!id) throw new CliError('Geef een document-id op met --id, bijvoorbeeld --id d66-cda-kopie.');
  if (!DOCUMENT_ID.test(id))
    throw new CliError(`Ongeldige document-id "${id}": gebruik kleine letters, cijfers en streepjes.`);
  const replace = args.options.has('replace');
  if (replace) refuseReplaceWhileServing(id, false);
  const data = readExport(args.positional[0]);
  const summary = await withSources(async (src) => {
    if ((await src.store.getDocument(id)) && !replace)
      throw new Conflict('document', `Document ${id} bestaat al; gebruik --replace om het te vervangen.`);
    return restoreJsonExport(src, { id, data, replace });
  });
  out(
    `Document ${id} opgeslagen uit de export: "${data.agenda.title}", ${summary.measures} maatregelen, ` +
      `${summary.amendments} amendementen, ${summary.statuses} statussen; origineel ` +
      `${summary.baselineFromOriginal ? 'uit de export' : 'gelijk aan de tekst (schone export)'}.`,
  );
}
