import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import * as Y from 'yjs';
import Database from 'better-sqlite3';
import pg from 'pg';
import { createTestDatabase, ensurePostgres } from '../helpers/postgres.js';
import { connectClient, firstMeasure, synced } from '../helpers/clients.js';
import { startServerProcess, type ServerProcess } from '../helpers/process.js';

/** The numbered words with a letter in a client's first measure, as a set: `a17` → 17. */
export function words(client: { fragment: Y.XmlFragment }, letter: string): Set<number> {
  const re = new RegExp(`\\b${letter}(\\d+)\\b`, 'g');
  return new Set([...firstMeasure(client.fragment).toString().matchAll(re)].map((m) => Number(m[1])));
}

/** Appends a word to a client's first measure. */
export function type(client: { fragment: Y.XmlFragment }, word: string): void {
  const text = firstMeasure(client.fragment);
  text.insert(text.length, ` ${word}`);
}

/** The websocket address of a server process's sync. */
export const wsOf = (server: ServerProcess) => `${server.url.replace('http', 'ws')}/sync`;

/** A stock y-websocket client of the d66-cda text room on a server, synced. */
export async function textClient(server: ServerProcess, token: string) {
  const client = connectClient(wsOf(server), 'd66-cda', { token });
  await synced(client.provider);
  return client;
}

/** Where the instances of a test keep their data: one PostgreSQL database, or one SQLite file. */
export type SharedDatabase = 'PostgreSQL' | 'SQLite';

/** Both, for `describe.each`: PostgreSQL is what several instances run on; one SQLite file works too. */
export const SHARED_DATABASES: { database: SharedDatabase }[] = [
  { database: 'PostgreSQL' },
  { database: 'SQLite' },
];

/** Instances that share one database and keep their rooms in step through Redis, and how to look inside. */
export interface SharedSetting {
  dir: string;
  env: Record<string, string>;
  /** Starts one more instance (its own data folder on PostgreSQL; the one shared folder on SQLite). */
  start(): Promise<ServerProcess>;
  /** How many rows a room's log holds in the shared database now. */
  storedUpdates(room: string): Promise<number>;
  /** Removes the database (the caller has stopped the instances). */
  dispose(): Promise<void>;
}

/**
 * Instances on one database — a fresh PostgreSQL database of their own (`DATABASE_URL`), or one data folder
 * (one SQLite file, WAL) — that keep their rooms in step through Redis, under a channel prefix of this test's
 * own. The second and later instances start only after the first is up, so the first alone seeds (and
 * prints the chair's link).
 */
export async function sharedSetting(
  redisUrl: string,
  more: Record<string, string> = {},
  database: SharedDatabase = 'PostgreSQL',
): Promise<SharedSetting> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'akkoord-instances-'));
  const env: Record<string, string> = {
    REDIS_URL: redisUrl,
    AKKOORD_REDIS_PREFIX: `akkoord-test-${randomUUID()}`,
    ...more,
  };
  if (database === 'SQLite') {
    const file = path.join(dir, 'akkoord.sqlite');
    return {
      dir,
      env,
      start: () => startServerProcess(dir, 'built', env),
      storedUpdates: async (room) => {
        const db = new Database(file, { readonly: true });
        try {
          return (db.prepare('SELECT COUNT(*) AS n FROM updates WHERE room = ?').get(room) as { n: number })
            .n;
        } finally {
          db.close();
        }
      },
      dispose: async () => fs.rmSync(dir, { recursive: true, force: true }),
    };
  }
  await ensurePostgres();
  const db = await createTestDatabase();
  env.DATABASE_URL = db.url;
  let instances = 0;
  return {
    dir,
    env,
    // Each instance a data folder of its own: with DATABASE_URL it keeps nothing there but its pid file.
    start: () => {
      const own = path.join(dir, `instance-${++instances}`);
      fs.mkdirSync(own, { recursive: true });
      return startServerProcess(own, 'built', env);
    },
    storedUpdates: async (room) => {
      const client = new pg.Client({ connectionString: db.url });
      await client.connect();
      try {
        const res = await client.query('SELECT COUNT(*)::int AS n FROM updates WHERE room = $1', [room]);
        return (res.rows[0] as { n: number }).n;
      } finally {
        await client.end();
      }
    },
    dispose: async () => {
      await db.drop();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}
