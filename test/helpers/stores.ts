import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openSqliteStorage } from '../../server/storage/sqlite.js';
import { openPostgresStorage } from '../../server/storage/postgres.js';
import type { Storage } from '../../server/storage/storage.js';
import { createTestDatabase } from './postgres.js';

/** An opened store for one test, and how to close and remove it again. */
export interface OpenedStore {
  storage: Storage;
  dispose(): Promise<void>;
}

/** One kind of store the repository suites run against. */
export interface StoreKind {
  name: 'SQLite' | 'PostgreSQL';
  open(): Promise<OpenedStore>;
}

/**
 * Both stores, for `describe.each(STORES)`: SQLite in a fresh temporary folder, PostgreSQL in a fresh
 * database of the machine's server (see `postgres.ts`), each migrated from empty.
 */
export const STORES: StoreKind[] = [
  {
    name: 'SQLite',
    open: async () => {
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'akkoord-store-'));
      const storage = openSqliteStorage(path.join(dir, 'akkoord.sqlite'));
      return {
        storage,
        dispose: async () => {
          await storage.close();
          fs.rmSync(dir, { recursive: true, force: true });
        },
      };
    },
  },
  {
    name: 'PostgreSQL',
    open: async () => {
      const database = await createTestDatabase();
      const storage = await openPostgresStorage(database.url);
      return {
        storage,
        dispose: async () => {
          await storage.close();
          await database.drop();
        },
      };
    },
  },
];
