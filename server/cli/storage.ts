import { dataDir, databaseFile } from '../config.js';
import { openSqliteStorage } from '../storage/sqlite.js';
import type { Storage } from '../storage/storage.js';

/**
 * Opens the data directory's database with every repository (as the server does), runs `work` on it and
 * closes it again, also when `work` fails. Every command of `npx akkoord` that reads or writes data uses it.
 */
export async function withStorage<T>(work: (storage: Storage) => T | Promise<T>): Promise<T> {
  const storage = openSqliteStorage(databaseFile(dataDir()));
  try {
    return await work(storage);
  } finally {
    await storage.close();
  }
}
