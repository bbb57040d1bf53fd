import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import * as Y from 'yjs';
import { afterEach, describe, expect, it } from 'vitest';
import { LATEST_VERSION } from '../../server/storage/migrations.js';
import { openPostgresStorage } from '../../server/storage/postgres.js';
import { openSqliteStorage } from '../../server/storage/sqlite.js';
import { akkoord } from '../helpers/cli.js';
import { connectClient, eventually, findMeasure, synced } from '../helpers/clients.js';
import { createTestDatabase, type TestDatabase } from '../helpers/postgres.js';
import { chairTokenFrom, startServerProcess, type ServerProcess } from '../helpers/process.js';

/** A database with two documents and every feature's rows, made before migrations (see make-main-database.ts). */
const FIXTURE = path.resolve(import.meta.dirname, '../fixtures/main-before-migrations.sqlite');

const databases: TestDatabase[] = [];
const dirs: string[] = [];
const servers: ServerProcess[] = [];
afterEach(async () => {
  for (const server of servers.splice(0)) await server.kill();
  for (const db of databases.splice(0)) await db.drop();
  for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

async function database(): Promise<TestDatabase> {
  const db = await createTestDatabase();
  databases.push(db);
  return db;
}

function tempDir(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'akkoord-pg-'));
  dirs.push(dir);
  return dir;
}

async function query<R extends pg.QueryResultRow>(url: string, sql: string): Promise<R[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<R>(sql)).rows;
  } finally {
    await client.end();
  }
}

describe('PostgreSQL', () => {
  it('migrates an empty database once when three instances start together, and they share one signing key', async () => {
    const db = await database();
    const opened = await Promise.all([1, 2, 3].map(() => openPostgresStorage(db.url)));
    try {
      expect(await query(db.url, 'SELECT version FROM schema_version')).toEqual([
        { version: LATEST_VERSION },
      ]);
      const keys = opened.map((s) => Buffer.from(s.signingKey).toString('hex'));
      expect(new Set(keys).size).toBe(1);
      expect(await opened[0]!.store.listDocuments()).toEqual([]);
    } finally {
      for (const s of opened) await s.close();
    }
  });

  it('refuses a database of a newer schema with a sentence, and changes nothing', async () => {
    const db = await database();
    await (await openPostgresStorage(db.url)).close();
    await query(db.url, `UPDATE schema_version SET version = ${LATEST_VERSION + 1}`);
    await expect(openPostgresStorage(db.url)).rejects.toThrow(/nieuwer dan deze Akkoord kent/);
  });

  it('says so in one sentence when PostgreSQL cannot be reached', async () => {
    await expect(openPostgresStorage('postgres://postgres@127.0.0.1:1/test')).rejects.toThrow(
      /niet bruikbaar.*Controleer DATABASE_URL/,
    );
  });

  it('migrate-to-postgres copies a SQLite database of the current schema, its key included, and verify passes there', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'akkoord.sqlite');
    fs.copyFileSync(FIXTURE, file);
    fs.writeFileSync(path.join(dir, 'signing.key'), Buffer.alloc(32, 7).toString('base64'));
    const sqlite = openSqliteStorage(file); // brings it to the current schema, as a start of the server does
    const tables = (
      sqlite.store.db
        .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'")
        .all() as { name: string }[]
    ).map((t) => t.name);
    const counts = Object.fromEntries(
      tables.map((t) => [
        t,
        (sqlite.store.db.prepare(`SELECT COUNT(*) AS n FROM "${t}"`).get() as { n: number }).n,
      ]),
    );
    await sqlite.close();
    expect(counts.updates).toBeGreaterThan(0);
    expect(counts.audit).toBeGreaterThan(0);

    const db = await database();
    const copied = akkoord(['migrate-to-postgres', file, '--database-url', db.url], tempDir());
    expect(copied.stderr).toBe('');
    expect(copied.code).toBe(0);
    expect(copied.stdout).toMatch(/auditlog en opgeslagen wijzigingen kloppen/);
    for (const table of tables) {
      const [row] = await query<{ n: number }>(db.url, `SELECT COUNT(*)::int AS n FROM "${table}"`);
      expect([table, row!.n]).toEqual([table, counts[table]]);
    }
    const env = { DATABASE_URL: db.url };
    const verified = akkoord(['verify'], tempDir(), undefined, env);
    expect(verified.code).toBe(0);
    // Sequences go on after the copied keys, and the chain with them.
    const pgStorage = await openPostgresStorage(db.url);
    try {
      expect(Buffer.from(pgStorage.signingKey)).toEqual(Buffer.alloc(32, 7));
      const [doc] = await pgStorage.store.listDocuments();
      await pgStorage.store.appendUpdate(doc!.id, new Uint8Array([0, 0]), { personId: null });
      expect(await pgStorage.audit.verify()).toEqual([]);
    } finally {
      await pgStorage.close();
    }
    const again = akkoord(['migrate-to-postgres', file, '--database-url', db.url], tempDir());
    expect(again.code).toBe(73);
    expect(again.stderr).toMatch(/niet leeg/);
  });

  it('serves the agenda from DATABASE_URL to stock y-websocket clients: an edit outlives the instance that stored it, its link signs in on a second one, and the command line invites, revokes and exports there', async () => {
    const db = await database();
    const env = { DATABASE_URL: db.url };
    const dataDir = tempDir();
    const first = await startServerProcess(dataDir, 'built', env);
    servers.push(first);
    const token = chairTokenFrom(first.output());
    const ws = (server: ServerProcess) => `${server.url.replace('http', 'ws')}/sync`;

    const writer = connectClient(ws(first), 'd66-cda', { token });
    await synced(writer.provider);
    const measure = () => findMeasure(writer.fragment, 'm-1-1-1')!.get(0) as Y.XmlText;
    measure().insert(0, 'Op PostgreSQL: ');
    // A second instance on the same database, with a data folder of its own: the same link signs in there.
    const second = await startServerProcess(tempDir(), 'built', env);
    servers.push(second);
    await eventually(async () => {
      const rows = await query<{ n: number }>(
        db.url,
        "SELECT COUNT(*)::int AS n FROM updates WHERE room = 'd66-cda'",
      );
      return rows[0]!.n > 1;
    });
    writer.provider.destroy();
    await first.kill();

    const reader = connectClient(ws(second), 'd66-cda', { token });
    await synced(reader.provider);
    const text = (findMeasure(reader.fragment, 'm-1-1-1')!.get(0) as Y.XmlText).toString();
    expect(text.startsWith('Op PostgreSQL: ')).toBe(true);
    reader.provider.destroy();

    // The command line works on the same database: a person it invites signs in, and is shut out when revoked.
    const invited = akkoord(
      ['invite', '--doc', 'd66-cda', '--party', 'VVD', '--role', 'observer', '--name', 'Vera', '--json'],
      tempDir(),
      undefined,
      env,
    );
    expect(invited.code).toBe(0);
    const vera = JSON.parse(invited.stdout) as { token: string; person: string };
    const observer = connectClient(ws(second), 'd66-cda', { token: vera.token });
    await synced(observer.provider);
    let closedWith = 0;
    observer.provider.ws?.addEventListener('close', (e) => (closedWith = e.code));
    expect(akkoord(['revoke', '--doc', 'd66-cda', '--name', 'Vera'], tempDir(), undefined, env).code).toBe(0);
    await eventually(() => closedWith === 4401);
    observer.provider.destroy();
    const exported = path.join(tempDir(), 'akkoord.md');
    const exportRun = akkoord(
      ['export', 'd66-cda', '--format', 'md', '-o', exported],
      tempDir(),
      undefined,
      env,
    );
    expect(exportRun.code).toBe(0);
    // The edit is in the export (marked as a change: in bold).
    expect(fs.readFileSync(exported, 'utf8')).toContain('Op PostgreSQL:');
    // The instances keep nothing of their own: no database file, no key file in their data folders.
    expect(fs.readdirSync(dataDir).filter((f) => f !== 'server.pid')).toEqual([]);
  });
});
