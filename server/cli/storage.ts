import { dataDir } from '../config.js';
import { openStorage } from '../storage/open.js';
import type { Storage } from '../storage/storage.js';

/**
 * Opens the instance's database with every repository (as the server does: PostgreSQL when DATABASE_URL is
 * set, else the data directory's SQLite file), runs `work` on it and closes it again, also when `work`
 * fails. Every command of `npx akkoord` that reads or writes data uses it.
 */
export async function withStorage<T>(work: (storage: Storage) => T | Promise<T>): Promise<T> {
  const storage = await openStorage(dataDir());
  try {
    return await work(storage);
  } finally {
    await storage.close();
  }
}
