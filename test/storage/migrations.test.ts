import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { LATEST_VERSION, MIGRATIONS, type Migration } from '../../server/storage/migrations.js';
import { SERVER_FEATURES } from '../../server/features.js';
import { DEFAULT_PARTIES } from '../../shared/auth/person.js';
import { migrateSqlite } from '../../server/storage/sqlite/migrate.js';
import { openSqliteStore, StorageError } from '../../server/storage/sqlite.js';
import { akkoord } from '../helpers/cli.js';
import { startTestServer, type TestServer } from '../helpers/server.js';

/** Made by test/fixtures/make-main-database.ts at commit 1cd2620, before the schema had versions. */
const FIXTURE = path.resolve(import.meta.dirname, '../fixtures/main-before-migrations.sqlite');

const dirs: string[] = [];
let server: TestServer | null = null;
afterEach(async () => {
  await server?.stop();
  server = null;
  for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

/**
 * A copy of the fixture as `akkoord.sqlite` in a fresh data directory. Tests never open the fixture itself:
 * SQLite would leave its WAL files beside it, even when reading only.
 */
function copyOfFixture(): { dir: string; file: string } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'akkoord-migrate-'));
  dirs.push(dir);
  const file = path.join(dir, 'akkoord.sqlite');
  fs.copyFileSync(FIXTURE, file);
  return { dir, file };
}

/** Every table, column, index and trigger of a database, as SQLite describes them. */
function schemaOf(db: Database.Database) {
  const objects = db
    .prepare("SELECT type, name, tbl_name FROM sqlite_master WHERE name NOT LIKE 'sqlite_%' ORDER BY name")
    .all() as { type: string; name: string; tbl_name: string }[];
  return objects.map((o) => ({
    ...o,
    columns: o.type === 'table' ? db.pragma(`table_info(${o.name})`) : null,
    indexed: o.type === 'index' ? db.pragma(`index_xinfo(${o.name})`) : null,
    keys: o.type === 'table' ? db.pragma(`foreign_key_list(${o.name})`) : null,
  }));
}

/** Every row of every table, in storage order, with blobs as base64. */
function rowsOf(db: Database.Database, tables: string[]): Record<string, unknown[]> {
  const out: Record<string, unknown[]> = {};
  for (const table of tables) {
    const columns = (db.pragma(`table_info(${table})`) as { name: string }[]).map((c) => c.name);
    out[table] = (db.prepare(`SELECT * FROM ${table} ORDER BY rowid`).all() as Record<string, unknown>[]).map(
      (row) =>
        Object.fromEntries(
          columns.map((c) => [c, Buffer.isBuffer(row[c]) ? (row[c] as Buffer).toString('base64') : row[c]]),
        ),
    );
  }
  return out;
}

const tablesOf = (db: Database.Database) =>
  (
    db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'").all() as {
      name: string;
    }[]
  ).map((t) => t.name);

describe('the migrations list', () => {
  it('numbers its migrations 1, 2, 3, … without gaps, each with SQL for SQLite and PostgreSQL', () => {
    expect(MIGRATIONS.map((m) => m.version)).toEqual(MIGRATIONS.map((_, i) => i + 1));
    expect(LATEST_VERSION).toBe(MIGRATIONS.length);
    for (const m of MIGRATIONS) {
      expect(m.sql.sqlite.trim()).not.toBe('');
      expect(m.sql.postgres.trim()).not.toBe('');
    }
  });

  it('belongs, entry by entry, to exactly one feature of the server’s feature list', () => {
    const owners = MIGRATIONS.map((m) =>
      SERVER_FEATURES.filter((f) => f.migrations?.includes(m)).map((f) => f.name),
    );
    for (const names of owners) expect(names).toHaveLength(1);
  });

  it('gives a new database exactly the tables, columns, indexes and trigger that main made before versions', () => {
    // Versions 1–7 are that schema; later entries add to it.
    const fresh = new Database(':memory:');
    const unversioned = MIGRATIONS.filter((m) => m.version <= 7);
    expect(migrateSqlite(fresh, unversioned)).toEqual({ from: 0, to: 7, adopted: false });
    const old = new Database(copyOfFixture().file, { readonly: true });
    expect(schemaOf(fresh)).toEqual(schemaOf(old));
    old.close();
    fresh.close();
  });
});

describe('migrating a database made by main before the schema had versions', () => {
  it('brings it to the latest version in place with every row of every table intact', () => {
    const { file } = copyOfFixture();
    const old = new Database(file, { readonly: true });
    const tables = tablesOf(old);
    const before = rowsOf(old, tables);
    expect(old.pragma('user_version', { simple: true })).toBe(0);
    old.close();
    // Rows in every table: the fixture shows each feature's data survives.
    for (const table of tables) expect(before[table]!.length, table).toBeGreaterThan(0);

    const store = openSqliteStore(file);
    expect(store.db.pragma('user_version', { simple: true })).toBe(LATEST_VERSION);
    // Every row with every value it had; columns added later (as null or their default) may come beside them.
    // The one change of a value: default parties still in their former colour get the new one (migration 16).
    const recoloured = new Map(DEFAULT_PARTIES.map((p) => [p.short, p.color]));
    const expected = (table: string, row: Record<string, unknown>, now: Record<string, unknown>) =>
      table === 'parties' && row.color !== now.color
        ? { ...row, color: recoloured.get(String(row.short)) }
        : row;
    const after = rowsOf(store.db, tables);
    for (const table of tables) {
      expect(after[table], table).toHaveLength(before[table]!.length);
      after[table]!.forEach((row, i) => {
        const was = before[table]![i] as Record<string, unknown>;
        expect(row, table).toMatchObject(expected(table, was, row as Record<string, unknown>));
      });
    }
    // The original's Yjs state comes from the import's update where the log still holds it ('ander'); a
    // compacted log ('oud') no longer does.
    const ander = store.db
      .prepare(
        "SELECT u.data FROM audit a JOIN updates u ON u.seq = a.update_seq WHERE a.room = 'ander' AND a.kind = 'import'",
      )
      .get() as { data: Buffer };
    expect(Buffer.from(store.getOriginalState('ander')!)).toEqual(ander.data);
    expect(store.getOriginalState('oud')).toBeNull();
    expect(store.audit.verify()).toEqual([]);
    store.close();

    // Opened again, nothing is left to run.
    const db = new Database(file);
    expect(migrateSqlite(db)).toEqual({ from: LATEST_VERSION, to: LATEST_VERSION, adopted: false });
    db.close();
  });

  it('adds the audit log’s on_behalf_of column to a database from before it, keeping the chain verifiable', () => {
    const { file } = copyOfFixture();
    const db = new Database(file);
    db.exec('ALTER TABLE audit DROP COLUMN on_behalf_of');
    const entries = (db.prepare('SELECT COUNT(*) AS n FROM audit').get() as { n: number }).n;
    expect(migrateSqlite(db)).toEqual({ from: 0, to: LATEST_VERSION, adopted: true });
    const columns = (db.pragma('table_info(audit)') as { name: string }[]).map((c) => c.name);
    expect(columns.at(-1)).toBe('on_behalf_of');
    expect((db.prepare('SELECT COUNT(*) AS n FROM audit').get() as { n: number }).n).toBe(entries);
    db.close();
    const store = openSqliteStore(file);
    expect(store.audit.verify()).toEqual([]);
    store.close();
  });

  it('serves the migrated amendments, threads, versions and people through the API, and verify passes', async () => {
    const { dir } = copyOfFixture();
    server = await startTestServer({ dir });
    const chair = await server.invite({ party: 'SEC', role: 'chair', documentId: 'oud' });
    const get = async (url: string) => {
      const res = await server!.api(chair.token, 'GET', `/api/documents/oud${url}`);
      expect(res.status, url).toBe(200);
      return res.body;
    };
    const amendments = await get('/amendments');
    expect(amendments.map((a: any) => [a.number, a.status])).toEqual([
      ['A-2', 'accepted'],
      ['A-3', 'rejected'],
      ['A-4', 'submitted'],
    ]);
    expect(amendments[2].positions).toMatchObject({
      D66: { position: 'oppose' },
      VVD: { position: 'support' },
    });
    expect(amendments[2].group).toBe('Defensie');
    const negotiation = await get('/negotiation');
    expect(negotiation.statuses).toMatchObject({
      'm-1-1-2': { status: 'disputed' },
      'm-2-1-1': { status: 'parked' },
    });

    const threads = await get('/comments');
    expect(threads.map((t: any) => [t.anchor.quote, t.status, t.messages.length])).toEqual([
      ['regels', 'open', 2],
      ['defensie', 'resolved', 1],
    ]);

    const versions = await get('/versions');
    expect(versions.filter((v: any) => v.kind === 'named').map((v: any) => v.name)).toEqual([
      'Na de eerste ronde',
      'Na de amendementen',
    ]);
    const diff = await get(`/diff?from=${versions[0].id}&to=live`);
    expect(diff.total.changed).toBeGreaterThan(0);
    const measures = await get('/measures');
    expect(JSON.stringify(measures)).toContain('We bouwen 100.000 woningen per jaar.');

    const people = (await get('/people')) as { name: string; revokedAt: string | null }[];
    expect(people.find((p) => p.name === 'Jan Weg')?.revokedAt).not.toBeNull();
    expect(((await get('/parties')) as { short: string }[]).map((p) => p.short)).toContain('BBB');

    await server.stop();
    server = null;
    const verified = akkoord(['verify'], dir);
    expect(verified.stderr).toBe('');
    expect(verified.code).toBe(0);
  });
});

describe('the migrations runner', () => {
  it('refuses a database of a newer schema and leaves it untouched', () => {
    const { file } = copyOfFixture();
    const db = new Database(file);
    db.pragma(`user_version = ${LATEST_VERSION + 1}`);
    db.close();
    expect(() => openSqliteStore(file)).toThrow(StorageError);
    const after = new Database(file, { readonly: true });
    expect(after.pragma('user_version', { simple: true })).toBe(LATEST_VERSION + 1);
    after.close();
  });

  it('leaves a database at the step before a migration that fails, without its half-made tables', () => {
    const db = new Database(':memory:');
    const failing: Migration = {
      version: LATEST_VERSION + 1,
      name: 'a step that fails halfway',
      feature: 'documents',
      sql: { sqlite: 'CREATE TABLE half (a TEXT); SELECT * FROM nowhere;', postgres: '' },
    };
    expect(() => migrateSqlite(db, [...MIGRATIONS, failing])).toThrow(/Schemastap \d+ \(a step that fails/);
    expect(db.pragma('user_version', { simple: true })).toBe(LATEST_VERSION);
    expect(tablesOf(db)).not.toContain('half');
    db.close();
  });
});
