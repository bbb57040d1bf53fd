import fs from 'node:fs';
import path from 'node:path';
import { checkSqliteCopy } from '../storage/sqlite.js';
import { dataDir, databaseFile } from '../config.js';
import { Conflict, NotFound } from '../domain/errors.js';
import { CliError, type Args } from './args.js';
import { serverRunning } from '../pidfile.js';
import { DATA_FILE_MODE } from '../storage/fileModes.js';
import { withStorage } from './storage.js';
import { databaseUrl } from '../storage/open.js';

/** backup and restore copy the SQLite file; a PostgreSQL database is backed up with its own tools. */
function refuseOnPostgres(command: string): void {
  if (databaseUrl())
    throw new CliError(
      `${command} werkt op het SQLite-bestand; met DATABASE_URL maakt u een reservekopie met pg_dump en zet u die terug met pg_restore (zie de README, "Meerdere servers").`,
    );
}

/** `akkoord backup <file>`: a consistent copy made with SQLite's online backup, while the server runs. */
export async function backup(args: Args, out: (line: string) => void): Promise<void> {
  const target = args.positional[0];
  refuseOnPostgres('backup');
  if (!target) throw new CliError('Geef het bestand voor de reservekopie op.');
  if (fs.existsSync(target)) throw new Conflict('file', `${target} bestaat al; kies een nieuw bestand.`);
  await withStorage((storage) => storage.backup(target));
  // The copy holds every party's drafts, like the database itself: readable by its owner only.
  if (process.platform !== 'win32') fs.chmodSync(target, DATA_FILE_MODE);
  out(`Reservekopie gemaakt: ${target} (${fs.statSync(target).size.toLocaleString('nl-NL')} bytes).`);
}

/**
 * `akkoord restore <file>`: checks the copy, then puts it in place of the database. Refuses while the server
 * runs (it would keep writing to the old file).
 */
export function restore(args: Args, out: (line: string) => void): void {
  const source = args.positional[0];
  refuseOnPostgres('restore');
  if (!source) throw new CliError('Geef de reservekopie op die teruggezet moet worden.');
  if (!fs.existsSync(source)) throw new NotFound('file', `Reservekopie ${source} bestaat niet.`);
  const dir = dataDir();
  if (serverRunning(dir))
    throw new Conflict('running server', 'Akkoord draait nog op deze gegevens; stop de server eerst.');
  try {
    checkSqliteCopy(source);
  } catch (err) {
    throw new CliError(
      `${source} is geen bruikbare Akkoord-reservekopie (${(err as Error).message}); er is niets gewijzigd.`,
    );
  }
  const file = databaseFile(dir);
  fs.mkdirSync(dir, { recursive: true });
  const temp = path.join(dir, `.restore-${process.pid}.sqlite`);
  fs.copyFileSync(source, temp);
  for (const suffix of ['-wal', '-shm']) fs.rmSync(file + suffix, { force: true });
  fs.renameSync(temp, file);
  out(`Reservekopie ${source} teruggezet in ${file}. Start Akkoord opnieuw met npm start.`);
}

/** `akkoord verify`: checks the hash chain of the audit log and every stored update against it. */
export async function verify(_args: Args, out: (line: string) => void): Promise<void> {
  const problems = await withStorage((storage) => storage.audit.verify());
  if (problems.length > 0)
    throw new CliError(`Het auditlog klopt niet:\n  ${problems.slice(0, 20).join('\n  ')}`);
  out('Auditlog en opgeslagen wijzigingen zijn onaangetast.');
}
