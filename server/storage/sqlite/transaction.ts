import type Database from 'better-sqlite3';

/**
 * Runs an asynchronous `fn` in one SQLite transaction. better-sqlite3's own transactions take synchronous
 * functions only; the SQLite repositories answer with promises that are already resolved, so `fn` runs to
 * its end within one turn of the event loop and nothing else can write in between. Transactions of several
 * callers are queued, and one inside another becomes a savepoint. Each begins IMMEDIATE (takes the write lock
 * first): with several processes on one file (instances sharing it), a deferred one that read first could not
 * write after another's commit.
 */
export function sqliteTransaction(db: Database.Database): <T>(fn: () => Promise<T>) => Promise<T> {
  let depth = 0;
  let tail: Promise<unknown> = Promise.resolve();
  const run = async <T>(fn: () => Promise<T>): Promise<T> => {
    const name = `tx${depth}`;
    db.exec(depth === 0 ? 'BEGIN IMMEDIATE' : `SAVEPOINT ${name}`);
    depth++;
    try {
      const result = await fn();
      depth--;
      db.exec(depth === 0 ? 'COMMIT' : `RELEASE ${name}`);
      return result;
    } catch (err) {
      depth--;
      db.exec(depth === 0 ? 'ROLLBACK' : `ROLLBACK TO ${name}; RELEASE ${name}`);
      throw err;
    }
  };
  return <T>(fn: () => Promise<T>): Promise<T> => {
    if (depth > 0) return run(fn);
    const result = tail.then(() => run(fn));
    tail = result.catch(() => undefined);
    return result;
  };
}
