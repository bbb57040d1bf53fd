import fs from 'node:fs';
import { Rooms } from '../sync/rooms.js';
import { buildExportInput, type ExportSources } from '../export/input.js';
import { renderExport } from '../export/render.js';
import { parseExportRequest, REQUEST_FORMAT_NAMES } from '../export/request.js';
import { documentOrNotFound } from '../documents/lookup.js';
import { CliError, option, type Args } from './args.js';
import { withStorage } from './storage.js';

/** The usage line of `export`. */
export const EXPORT_USAGE = `akkoord export <document-id> --format ${REQUEST_FORMAT_NAMES.join('|')} [--version <id|live>] [--changes marked|clean] [--lang nl|en] [--parked 0|1] [--disputed 0|1] [--comments] [--numbering final] -o <bestand>`;

/** Takes `-o <file>` out of the positional words (the argument parser knows only `--` options). */
function outputOf(args: Args): { file: string | undefined; rest: string[] } {
  const rest = [...args.positional];
  const at = rest.indexOf('-o');
  if (at >= 0) {
    const file = rest[at + 1];
    if (file === undefined) throw new CliError('Optie -o verwacht een bestandsnaam.');
    rest.splice(at, 2);
    return { file, rest };
  }
  return { file: option(args, 'output'), rest };
}

/**
 * Opens the database with what an export reads (the repositories, and rooms loaded from them), runs
 * `work`, and closes it again.
 */
export function withSources<T>(work: (src: ExportSources) => T | Promise<T>): Promise<T> {
  return withStorage(async (storage) => {
    const rooms = new Rooms(storage.store);
    try {
      return await work({ ...storage, rooms });
    } finally {
      await rooms.closeAll();
    }
  });
}

/**
 * `akkoord export <docId> --format … -o <file>`: the same export as the API's, written to a file. Reads
 * the database directly, so it works with the server running (SQLite in WAL mode) or stopped; live edits
 * are in it as far as they are stored, which is every acknowledged one.
 */
export async function exportCommand(args: Args, out: (line: string) => void): Promise<void> {
  const { file, rest } = outputOf(args);
  const id = rest[0];
  if (!id) throw new CliError(`Geef het document op: npx ${EXPORT_USAGE}`);
  if (!file) throw new CliError('Geef het bestand op waarin de export komt, met -o <bestand>.');
  const request = parseExportRequest({
    format: option(args, 'format'),
    version: option(args, 'version'),
    changes: option(args, 'changes'),
    lang: option(args, 'lang'),
    parked: option(args, 'parked'),
    disputed: option(args, 'disputed'),
    comments: args.options.has('comments') ? '1' : undefined,
    numbering: option(args, 'numbering'),
  });
  const exported = await withSources(async (src) => {
    documentOrNotFound(src.store, id);
    return renderExport(id, request.format, buildExportInput(src, id, request, new Date()));
  });
  try {
    fs.writeFileSync(file, exported.bytes);
  } catch (err) {
    throw new CliError(`Kan ${file} niet schrijven: ${(err as Error).message}.`);
  }
  out(
    `Export geschreven naar ${file} (${exported.bytes.byteLength.toLocaleString('nl-NL')} bytes; voorgestelde naam ${exported.fileName}).`,
  );
}
