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
  /** Opens the same database once more, as a second instance does (closed by `dispose`). */
  another(): Promise<Storage>;
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
      const others: Storage[] = [];
      return {
        storage,
        another: async () => {
          const other = openSqliteStorage(path.join(dir, 'akkoord.sqlite'));
          others.push(other);
          return other;
        },
        dispose: async () => {
          for (const other of others) await other.close();
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
      const others: Storage[] = [];
      return {
        storage,
        another: async () => {
          const other = await openPostgresStorage(database.url);
          others.push(other);
          return other;
        },
        dispose: async () => {
          for (const other of others) await other.close();
          await storage.close();
          await database.drop();
        },
      };
    },
  },
];
