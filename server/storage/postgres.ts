import { documentRows, type Storage } from './storage.js';
import { PgDatabase } from './postgres/db.js';
import { migratePostgres } from './postgres/migrate.js';
import { signingKeyOf } from './postgres/secrets.js';
import { PgStore } from './postgres/store.js';
import { PgAuditLog } from './postgres/audit.js';
import { PgPeople } from './postgres/people.js';
import { PgAdministrators } from './postgres/administrators.js';
import { PgAmendments } from './postgres/amendments.js';
import { PgComments } from './postgres/comments.js';
import { PgVersions } from './postgres/versions.js';
import { PgSessions } from './postgres/sessions.js';
import { PgNumbers } from './postgres/numbers.js';
import { PgClientIds } from './postgres/clientIds.js';
import { PgAttribution } from './postgres/attribution.js';
import { PgNotifications } from './postgres/notifications.js';
import { SchemaTooNewError } from './sqlite/migrate.js';
import { StorageError } from './sqlite.js';

/** Every repository on one PostgreSQL database, with the pool they share (for tests and tools). */
export interface PostgresStorage extends Storage {
  db: PgDatabase;
  /** The instance's signing key, kept in the database (made once, by the first instance). */
  signingKey: Uint8Array;
}

/** The address of a database without its password, for messages. */
export function redactedUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '***';
    return parsed.toString();
  } catch {
    return 'DATABASE_URL';
  }
}

/**
 * Opens the PostgreSQL database at `url` (DATABASE_URL): brings its schema up to date under an advisory lock
 * (`postgres/migrate.ts`), reads or makes the signing key under the same lock, and builds every repository on
 * one pool. With it an instance keeps no state of its own: several can serve the same database. A database
 * that cannot be reached, or cannot be brought up to date, is a `StorageError` with a sentence.
 */
export async function openPostgresStorage(url: string): Promise<PostgresStorage> {
  const db = new PgDatabase(url);
  let signingKey!: Uint8Array;
  try {
    await migratePostgres(db.pool, undefined, async (client) => {
      signingKey = await signingKeyOf(client);
    });
  } catch (err) {
    await db.close().catch(() => {});
    const where = redactedUrl(url);
    if (err instanceof SchemaTooNewError) throw new StorageError(`${where}: ${err.message}`);
    throw new StorageError(
      `De PostgreSQL-database ${where} is niet bruikbaar: ${(err as Error).message}. ` +
        'Controleer DATABASE_URL en of PostgreSQL draait.',
    );
  }
  const audit = new PgAuditLog(db);
  const people = new PgPeople(db);
  const clientIds = new PgClientIds(db);
  const repositories = {
    audit,
    people,
    administrators: new PgAdministrators(db),
    amendments: new PgAmendments(db),
    comments: new PgComments(db),
    versions: new PgVersions(db),
    sessions: new PgSessions(db),
    numbers: new PgNumbers(db),
    clientIds,
    attribution: new PgAttribution(db),
    notifications: new PgNotifications(db),
  };
  const store = new PgStore(db, audit, people, repositories.attribution, documentRows(repositories));
  return {
    store,
    ...repositories,
    db,
    signingKey,
    backup: () =>
      Promise.reject(
        new Error('Een PostgreSQL-database wordt bewaard met pg_dump (zie de README, "Meerdere servers").'),
      ),
    close: async () => {
      await clientIds.settled();
      await db.close();
    },
  };
}
