import type pg from 'pg';
import { MIGRATIONS, type Migration } from '../migrations.js';
import type { MigrationRun } from '../sqlite/migrate.js';
import { SchemaTooNewError } from '../sqlite/migrate.js';

/**
 * The advisory lock every instance takes while it brings the schema up to date (and makes the signing key),
 * so instances that start together run each step once: the others wait, then find it done. Any constant
 * does; this one is "akko" in ASCII.
 */
export const MIGRATION_LOCK = 0x616b6b6f;

/**
 * Brings a PostgreSQL database to the latest schema, under `MIGRATION_LOCK`: the version reached is the one
 * row of `schema_version`; each migration it has not had runs in its own transaction together with the new
 * version, so a failed step leaves the database at the step before. A database of a newer schema is refused.
 * `whileLocked` runs last, still under the lock (making the signing key once).
 */
export async function migratePostgres(
  pool: pg.Pool,
  migrations: readonly Migration[] = MIGRATIONS,
  whileLocked?: (client: pg.PoolClient) => Promise<void>,
): Promise<MigrationRun> {
  const client = await pool.connect();
  try {
    await client.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK]);
    try {
      await client.query('CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL)');
      const row = (await client.query<{ version: number }>('SELECT version FROM schema_version')).rows[0];
      if (!row) await client.query('INSERT INTO schema_version (version) VALUES (0)');
      const from = row?.version ?? 0;
      const latest = migrations.at(-1)?.version ?? 0;
      if (from > latest)
        throw new SchemaTooNewError(
          `De database heeft schemaversie ${from}, nieuwer dan deze Akkoord kent (${latest}); werk Akkoord bij.`,
        );
      let to = from;
      for (const migration of migrations) {
        if (migration.version <= from) continue;
        try {
          await client.query('BEGIN');
          await client.query(migration.sql.postgres);
          await client.query('UPDATE schema_version SET version = $1', [migration.version]);
          await client.query('COMMIT');
          to = migration.version;
        } catch (err) {
          await client.query('ROLLBACK').catch(() => {});
          throw new Error(
            `Schemastap ${migration.version} (${migration.name}) mislukt: ${(err as Error).message}`,
            { cause: err },
          );
        }
      }
      await whileLocked?.(client);
      return { from, to, adopted: false };
    } finally {
      await client.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK]);
    }
  } finally {
    client.release();
  }
}
