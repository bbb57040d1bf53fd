import Database from 'better-sqlite3';
import fs from 'node:fs';
import path from 'node:path';
import { protectDataFiles } from './fileModes.js';
import { documentRows, type Storage } from './storage.js';
import { migrateSqlite, SchemaTooNewError } from './sqlite/migrate.js';
import { SqliteStore } from './sqlite/store.js';
import { SqliteAuditLog } from './sqlite/audit.js';
import { SqlitePeople } from './sqlite/people.js';
import { SqliteAmendments } from './sqlite/amendments.js';
import { SqliteComments } from './sqlite/comments.js';
import { SqliteVersions } from './sqlite/versions.js';
import { SqliteSessions } from './sqlite/sessions.js';
import { SqliteNumbers } from './sqlite/numbers.js';
import { SqliteClientIds } from './sqlite/clientIds.js';
import { SqliteAdministrators } from './sqlite/administrators.js';
import { SqliteAttribution } from './sqlite/attribution.js';
import { SqliteNotifications } from './sqlite/notifications.js';

export { SqliteStore } from './sqlite/store.js';

/** Thrown when the database file cannot be used: damaged, truncated, or not an Akkoord database. */
export class StorageError extends Error {
  override name = 'StorageError';
}

/** Every repository on one SQLite file; `store` keeps its database handle, for tests and tools. */
export interface SqliteStorage extends Storage {
  store: SqliteStore;
}

/**
 * Opens (or creates) the SQLite database at `file`, brings its schema up to date (`sqlite/migrate.ts`) and
 * builds every repository on it: the one way the server and each command of the command line get at the
 * data. The database runs in WAL mode with synchronous=NORMAL: an appended update is in the write-ahead log
 * the moment `appendUpdate` returns, so it survives the process being killed at any moment (SIGKILL, a
 * crash). Only a power cut or kernel crash can lose the last few commits. FULL would fsync every keystroke:
 * ~5 ms each here, which blocks the event loop and, at 200 updates a second, saturates it (measured in
 * bench/sync-load.ts). A damaged file is detected here, with a sentence that says so, instead of being
 * served half.
 */
export function openSqliteStorage(file: string): SqliteStorage {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  protectDataFiles(file);
  let db: Database.Database;
  try {
    db = new Database(file);
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = NORMAL');
    db.pragma('foreign_keys = ON');
    const check = db.pragma('quick_check', { simple: true });
    if (check !== 'ok') throw new Error(String(check));
  } catch (err) {
    throw new StorageError(
      `De database ${file} is beschadigd of geen Akkoord-database (${(err as Error).message}). ` +
        `Zet een reservekopie terug met 'npx akkoord restore <bestand>'.`,
    );
  }
  try {
    migrateSqlite(db);
  } catch (err) {
    db.close();
    if (err instanceof SchemaTooNewError) throw new StorageError(`${file}: ${err.message}`);
    throw new StorageError(`De database ${file} kon niet worden bijgewerkt: ${(err as Error).message}.`);
  }

  const audit = new SqliteAuditLog(db);
  const people = new SqlitePeople(db);
  const attribution = new SqliteAttribution(db);
  const repositories = {
    audit,
    people,
    administrators: new SqliteAdministrators(db),
    amendments: new SqliteAmendments(db),
    comments: new SqliteComments(db),
    versions: new SqliteVersions(db),
    sessions: new SqliteSessions(db),
    numbers: new SqliteNumbers(db),
    clientIds: new SqliteClientIds(db),
    attribution,
    notifications: new SqliteNotifications(db),
  };
  const store = new SqliteStore(db, audit, people, attribution, documentRows(repositories));
  return {
    store,
    ...repositories,
    backup: async (target) => {
      await db.backup(target);
    },
    close: () => db.close(),
  };
}

/** The update store of `openSqliteStorage(file)`, for tests and tools that need no other repository. */
export function openSqliteStore(file: string): SqliteStore {
  return openSqliteStorage(file).store;
}

/**
 * Checks that `file` is a whole SQLite database with Akkoord's documents in it (for restoring a backup),
 * without changing it. Throws an Error that says what is wrong.
 */
export function checkSqliteCopy(file: string): void {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    if (db.pragma('integrity_check', { simple: true }) !== 'ok')
      throw new Error('integriteitscontrole faalt');
    db.prepare('SELECT COUNT(*) FROM documents').get();
  } finally {
    db.close();
  }
}
