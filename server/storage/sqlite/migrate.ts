import type Database from 'better-sqlite3';
import { MIGRATIONS, type Migration } from '../migrations.js';

/** What a migration run did: the schema version before and after. */
export interface MigrationRun {
  from: number;
  to: number;
  /** True when the database had tables but no version: made before the schema was versioned. */
  adopted: boolean;
}

/** A database made by a newer Akkoord than this one: its schema is not known here. */
export class SchemaTooNewError extends Error {
  override name = 'SchemaTooNewError';
}

const userVersion = (db: Database.Database) => db.pragma('user_version', { simple: true }) as number;

const tableExists = (db: Database.Database, name: string) =>
  db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?").get(name) !== undefined;

/**
 * A database made before the schema was versioned has version 0 and (some of) the tables of migrations 1–7,
 * which say `IF NOT EXISTS` and so run on it unharmed. The one change made then outside a CREATE was
 * `audit.on_behalf_of`, added by ALTER TABLE when missing; it is made here the same way, so that migration 2
 * finds the table as it would have made it.
 */
function adoptUnversioned(db: Database.Database): boolean {
  if (!tableExists(db, 'documents') && !tableExists(db, 'updates')) return false;
  if (tableExists(db, 'audit')) {
    const columns = db.prepare('PRAGMA table_info(audit)').all() as { name: string }[];
    if (!columns.some((c) => c.name === 'on_behalf_of'))
      db.exec('ALTER TABLE audit ADD COLUMN on_behalf_of TEXT');
  }
  return true;
}

/**
 * Brings a SQLite database to the latest schema: runs each migration it has not had, in order, each in one
 * transaction together with the new `PRAGMA user_version` — so a failed step leaves the database at the step
 * before, whole. A database of a newer schema is refused (`SchemaTooNewError`), never written to.
 */
export function migrateSqlite(
  db: Database.Database,
  migrations: readonly Migration[] = MIGRATIONS,
): MigrationRun {
  const from = userVersion(db);
  const latest = migrations.at(-1)?.version ?? 0;
  if (from > latest)
    throw new SchemaTooNewError(
      `De database heeft schemaversie ${from}, nieuwer dan deze Akkoord kent (${latest}); werk Akkoord bij.`,
    );
  const adopted = from === 0 && db.transaction(() => adoptUnversioned(db))();
  for (const migration of migrations) {
    if (migration.version <= from) continue;
    try {
      // IMMEDIATE takes the write lock first: a second process opening the same file at the same moment
      // (the server and a command) waits, then sees the step done and skips it.
      db.transaction(() => {
        if (userVersion(db) >= migration.version) return;
        db.exec(migration.sql.sqlite);
        db.pragma(`user_version = ${migration.version}`);
      }).immediate();
    } catch (err) {
      throw new Error(
        `Schemastap ${migration.version} (${migration.name}) mislukt: ${(err as Error).message}`,
        { cause: err },
      );
    }
  }
  return { from, to: userVersion(db), adopted };
}
