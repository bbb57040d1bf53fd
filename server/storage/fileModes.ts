import fs from 'node:fs';
import path from 'node:path';

/** The data folder: only the server's own user may list or enter it. */
export const DATA_DIR_MODE = 0o700;
/** The database, its WAL and shared-memory files and the signing key: only the server's own user reads them. */
export const DATA_FILE_MODE = 0o600;

/** SQLite's companion files of a database file (they hold recent, not yet checkpointed, writes). */
const SQLITE_SUFFIXES = ['', '-wal', '-shm', '-journal'];
/** The signing key's file name in the data folder (server/auth/tokens.ts writes it, already 0600). */
const KEY_FILE = 'signing.key';

/**
 * Makes the data folder of `databaseFile` and the files in it that hold the negotiation private to the user
 * the server runs as, before the database is opened: the folder becomes 0700 and the database, WAL, SHM and
 * key files 0600, whether they are new (the database file is created empty with 0600, so SQLite gives its
 * WAL and SHM files the same mode) or were made looser by hand or by an older version. Does nothing on
 * Windows, which has no such modes.
 */
export function protectDataFiles(databaseFile: string): void {
  if (process.platform === 'win32') return;
  const dir = path.dirname(databaseFile);
  fs.mkdirSync(dir, { recursive: true, mode: DATA_DIR_MODE });
  tighten(dir, DATA_DIR_MODE);
  // 'a' creates the file if absent and leaves an existing one as it is.
  fs.closeSync(fs.openSync(databaseFile, 'a', DATA_FILE_MODE));
  for (const suffix of SQLITE_SUFFIXES) tighten(databaseFile + suffix, DATA_FILE_MODE);
  tighten(path.join(dir, KEY_FILE), DATA_FILE_MODE);
}

/** Takes away every permission bit beyond `mode` from an existing file or folder; a missing one is fine. */
function tighten(file: string, mode: number): void {
  let current: number;
  try {
    current = fs.statSync(file).mode & 0o777;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return;
    throw err;
  }
  if ((current & ~mode) !== 0) fs.chmodSync(file, current & mode);
}
