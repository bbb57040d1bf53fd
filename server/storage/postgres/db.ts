import { AsyncLocalStorage } from 'node:async_hooks';
import pg from 'pg';

/** A transaction's connection, as the repositories inside it find it. */
interface Transaction {
  client: pg.PoolClient;
  done: boolean;
}

/**
 * Numbers as numbers: COUNT(*) and BIGSERIAL columns are int8, which node-postgres hands out as strings (they
 * may pass 2^53); Akkoord's counts and sequence numbers stay far below it.
 */
const types = {
  getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
    oid === pg.types.builtins.INT8
      ? (value: string) => Number(value)
      : pg.types.getTypeParser(oid, format)) as typeof pg.types.getTypeParser,
};

/** Turns SQLite-style `?` placeholders into PostgreSQL's `$1, $2, …` (none of Akkoord's SQL has a `?` in a string). */
export function numbered(sql: string): string {
  let n = 0;
  return sql.replace(/\?/g, () => `$${++n}`);
}

/**
 * The PostgreSQL database of one instance: a pool of connections, and transactions that the repositories
 * called inside them join (found through AsyncLocalStorage, so a repository's method needs no client
 * parameter). Every SQL string stays in the repositories of `storage/postgres/`.
 */
export class PgDatabase {
  readonly pool: pg.Pool;
  private readonly current = new AsyncLocalStorage<Transaction>();

  constructor(url: string, options: { max?: number } = {}) {
    this.pool = new pg.Pool({ connectionString: url, max: options.max ?? 20, types });
    // An idle connection that breaks (the server restarted) is dropped from the pool; the next query opens a
    // new one. Without a listener the error would end the process.
    this.pool.on('error', (err) => console.error(`PostgreSQL: ${err.message}`));
  }

  /** Runs one statement (`?` placeholders), inside the caller's transaction if there is one. */
  async query<R extends pg.QueryResultRow = Record<string, unknown>>(
    sql: string,
    params: unknown[] = [],
  ): Promise<pg.QueryResult<R>> {
    const tx = this.current.getStore();
    const client = tx && !tx.done ? tx.client : this.pool;
    return client.query<R>(numbered(sql), params);
  }

  /** Runs one statement on a connection of its own, outside any transaction of the caller. */
  async queryOutside(sql: string, params: unknown[] = []): Promise<pg.QueryResult> {
    return this.pool.query(numbered(sql), params);
  }

  /** The rows of a query. */
  async rows<R extends pg.QueryResultRow>(sql: string, params: unknown[] = []): Promise<R[]> {
    return (await this.query<R>(sql, params)).rows;
  }

  /** The first row of a query, or null. */
  async row<R extends pg.QueryResultRow>(sql: string, params: unknown[] = []): Promise<R | null> {
    return (await this.query<R>(sql, params)).rows[0] ?? null;
  }

  /**
   * Runs `fn` in one transaction: every query of the repositories inside it (awaited within `fn`) goes
   * through its connection. `join`: inside another transaction, become part of it (else a transaction of
   * its own on a connection of its own — the update log's, which must commit whatever the caller does).
   */
  async transaction<T>(fn: () => Promise<T>, options: { join?: boolean } = {}): Promise<T> {
    const outer = this.current.getStore();
    if (options.join && outer && !outer.done) return fn();
    const client = await this.pool.connect();
    const tx: Transaction = { client, done: false };
    try {
      await client.query('BEGIN');
      const result = await this.current.run(tx, fn);
      await client.query('COMMIT');
      return result;
    } catch (err) {
      await client.query('ROLLBACK').catch(() => {});
      throw err;
    } finally {
      tx.done = true;
      client.release();
    }
  }

  async close(): Promise<void> {
    await this.pool.end();
  }
}
