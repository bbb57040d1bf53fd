import Database from 'better-sqlite3';
import type { PgDatabase } from './db.js';

/** The tables whose keys come from a sequence: after rows are copied with their keys, the sequence continues past them. */
const SERIAL_KEYS: Record<string, string> = {
  updates: 'seq',
  audit: 'seq',
  amendment_decisions: 'seq',
};

/** Rows sent in one INSERT (PostgreSQL takes at most 65,535 parameters a statement). */
const BATCH = 400;

/** What was copied: rows per table. */
export type CopyReport = Record<string, number>;

/** Thrown when the PostgreSQL database already holds Akkoord's data: nothing is copied over it. */
export class NotEmptyError extends Error {
  override name = 'NotEmptyError';
}

/** The tables in an order that copies a row's referenced row before it (foreign keys, e.g. a comment's thread). */
function parentsFirst(sqlite: Database.Database, tables: string[]): string[] {
  const ordered: string[] = [];
  const visit = (table: string, path: Set<string>) => {
    if (ordered.includes(table) || path.has(table)) return;
    path.add(table);
    const parents = sqlite.prepare(`PRAGMA foreign_key_list(${quote(table)})`).all() as { table: string }[];
    for (const parent of parents) if (tables.includes(parent.table)) visit(parent.table, path);
    ordered.push(table);
  };
  for (const table of tables) visit(table, new Set());
  return ordered;
}

const quote = (name: string) => `"${name.replace(/"/g, '""')}"`;

/**
 * Copies every table of a SQLite database of the current schema into a PostgreSQL database with the same
 * schema and no rows yet, in one transaction: all of it, or (on any error) nothing. Keys are kept, so the
 * audit chain's references to stored updates hold, and sequences continue after the highest key copied.
 */
export async function copySqliteToPostgres(file: string, db: PgDatabase): Promise<CopyReport> {
  const sqlite = new Database(file, { readonly: true, fileMustExist: true });
  try {
    const names = (
      sqlite
        .prepare(
          "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name",
        )
        .all() as { name: string }[]
    ).map((t) => t.name);
    const tables = parentsFirst(sqlite, names);
    const report: CopyReport = {};
    await db.transaction(async () => {
      // One copy at a time, and none while another instance writes: the tables are locked for the transaction.
      const pgTables = new Set(
        (
          await db.rows<{ tablename: string }>(
            'SELECT tablename FROM pg_tables WHERE schemaname = current_schema()',
          )
        ).map((t) => t.tablename),
      );
      for (const table of tables) {
        if (!pgTables.has(table))
          throw new Error(
            `De PostgreSQL-database heeft geen tabel ${table}: is zij van dezelfde Akkoord-versie?`,
          );
        const filled = await db.row(`SELECT 1 FROM ${quote(table)} LIMIT 1`);
        if (filled)
          throw new NotEmptyError(
            `De PostgreSQL-database is niet leeg (tabel ${table} heeft rijen); er is niets gekopieerd.`,
          );
      }
      for (const table of tables) {
        const columns = (
          sqlite.prepare(`PRAGMA table_info(${quote(table)})`).all() as { name: string }[]
        ).map((c) => c.name);
        const list = columns.map(quote).join(', ');
        let batch: unknown[][] = [];
        let count = 0;
        const flush = async () => {
          if (batch.length === 0) return;
          const row = `(${columns.map(() => '?').join(', ')})`;
          const values = batch.map(() => row).join(', ');
          await db.query(`INSERT INTO ${quote(table)} (${list}) VALUES ${values}`, batch.flat());
          count += batch.length;
          batch = [];
        };
        const rows = sqlite
          .prepare(`SELECT ${list} FROM ${quote(table)}`)
          .raw(true)
          .iterate() as Iterable<unknown[]>;
        for (const row of rows) {
          batch.push(row.map((v) => (typeof v === 'bigint' ? Number(v) : v)));
          if (batch.length >= BATCH) await flush();
        }
        await flush();
        report[table] = count;
        const key = SERIAL_KEYS[table];
        if (key)
          await db.query(
            `SELECT setval(pg_get_serial_sequence('${table}', '${key}'), COALESCE(MAX(${key}), 1), MAX(${key}) IS NOT NULL) FROM ${quote(table)}`,
          );
      }
    });
    return report;
  } finally {
    sqlite.close();
  }
}
