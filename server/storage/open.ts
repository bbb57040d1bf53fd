import { databaseFile } from '../config.js';
import { openPostgresStorage } from './postgres.js';
import { openSqliteStorage } from './sqlite.js';
import type { Storage } from './storage.js';

/** The PostgreSQL database to use (DATABASE_URL), or null for the embedded SQLite file. */
export function databaseUrl(env: NodeJS.ProcessEnv = process.env): string | null {
  const url = env.DATABASE_URL?.trim();
  if (!url) return null;
  if (!/^postgres(ql)?:\/\//.test(url))
    throw new RangeError(
      'DATABASE_URL moet een PostgreSQL-adres zijn (postgres://gebruiker@host:5432/database).',
    );
  return url;
}

/**
 * Opens the store this instance uses: PostgreSQL when DATABASE_URL is set (then the instance keeps no state
 * of its own), else the SQLite file in the data folder. The server and every command open it this way.
 */
export async function openStorage(dataDir: string, env: NodeJS.ProcessEnv = process.env): Promise<Storage> {
  const url = databaseUrl(env);
  return url ? await openPostgresStorage(url) : openSqliteStorage(databaseFile(dataDir));
}
