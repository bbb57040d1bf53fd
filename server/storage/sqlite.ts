import Database from 'better-sqlite3';
import fs from 'node:fs';
import path from 'node:path';
import type { Agenda } from '../../shared/agenda/types.js';
import type { DocumentRecord, Store, UpdateMeta } from './store.js';
import { AuditLog } from './audit.js';
import { migrateSqlite, SchemaTooNewError } from './sqlite/migrate.js';

/**
 * The SQLite store, with its database handle: feature repositories (people, versions, amendments, audit)
 * keep their own tables in the same file, so one backup holds everything.
 */
export interface SqliteStore extends Store {
  readonly db: Database.Database;
  readonly audit: AuditLog;
}

/** Thrown when the database file cannot be used: damaged, truncated, or not an Akkoord database. */
export class StorageError extends Error {
  override name = 'StorageError';
}

/**
 * Opens (or creates) the SQLite store at `file`. The database runs in WAL mode with synchronous=NORMAL: an
 * appended update is in the write-ahead log the moment `appendUpdate` returns, so it survives the process
 * being killed at any moment (SIGKILL, a crash). Only a power cut or kernel crash can lose the last few
 * commits. FULL would fsync every keystroke: ~5 ms each here, which blocks the event loop and, at 200
 * updates a second, saturates it (measured in bench/sync-load.ts).
 * A damaged file is detected here, with a sentence that says so, instead of being served half.
 */
export function openSqliteStore(file: string): SqliteStore {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  let db: Database.Database;
  try {
    db = new Database(file);
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = NORMAL');
    db.pragma('foreign_keys = ON');
    const check = db.pragma('quick_check', { simple: true });
    if (check !== 'ok') throw new Error(String(check));
  } catch (err) {
    throw new StorageError(
      `De database ${file} is beschadigd of geen Akkoord-database (${(err as Error).message}). ` +
        `Zet een reservekopie terug met 'npx akkoord restore <bestand>'.`,
    );
  }
  try {
    migrateSqlite(db);
  } catch (err) {
    db.close();
    if (err instanceof SchemaTooNewError) throw new StorageError(`${file}: ${err.message}`);
    throw new StorageError(`De database ${file} kon niet worden bijgewerkt: ${(err as Error).message}.`);
  }

  const audit = new AuditLog(db);
  const q = {
    list: db.prepare('SELECT id, title, created_at AS createdAt FROM documents ORDER BY created_at, id'),
    get: db.prepare('SELECT id, title, created_at AS createdAt FROM documents WHERE id = ?'),
    baseline: db.prepare('SELECT baseline FROM documents WHERE id = ?'),
    insertDoc: db.prepare('INSERT INTO documents (id, title, baseline, created_at) VALUES (?, ?, ?, ?)'),
    deleteDoc: db.prepare('DELETE FROM documents WHERE id = ?'),
    deleteRooms: db.prepare("DELETE FROM updates WHERE room = ? OR room LIKE ? ESCAPE '\\'"),
    fetch: db.prepare('SELECT data FROM updates WHERE room = ? ORDER BY seq'),
    fetchSeqs: db.prepare('SELECT seq FROM updates WHERE room = ? ORDER BY seq LIMIT ?'),
    append: db.prepare('INSERT INTO updates (room, data, person_id, created_at) VALUES (?, ?, ?, ?)'),
    count: db.prepare('SELECT COUNT(*) AS n FROM updates WHERE room = ?'),
    deleteUpTo: db.prepare('DELETE FROM updates WHERE room = ? AND seq <= ?'),
  };

  const now = () => new Date().toISOString();
  /** A room's document: the part of the room name before the first slash. */
  const documentOf = (room: string) => room.split('/')[0] ?? room;

  // Names are recorded as they were at the time of the change.
  const personLookup = db.prepare('SELECT name, party FROM people WHERE id = ?');
  const personOf = (id: string | null): { name: string; party: string } | null =>
    id ? ((personLookup.get(id) as { name: string; party: string } | undefined) ?? null) : null;

  const append = db.transaction(
    (room: string, update: Uint8Array, meta: UpdateMeta, kind: 'import' | 'update' | 'compact') => {
      const at = now();
      const person = meta.personName === undefined ? personOf(meta.personId) : null;
      const info = q.append.run(room, update, meta.personId, at);
      audit.record(
        {
          kind,
          room,
          documentId: documentOf(room),
          updateSeq: Number(info.lastInsertRowid),
          personId: meta.personId,
          personName: meta.personName ?? person?.name ?? null,
          party: meta.party ?? person?.party ?? null,
          onBehalfOf: meta.onBehalfOf ?? null,
          measureIds: meta.measureIds ?? [],
          at,
        },
        update,
      );
    },
  );

  const createDocument = db.transaction(
    (doc: { id: string; title: string; baseline: Agenda; initialUpdate: Uint8Array }, replace: boolean) => {
      if (q.get.get(doc.id)) {
        if (!replace) throw new RangeError(`Document ${doc.id} bestaat al`);
        q.deleteDoc.run(doc.id);
        q.deleteRooms.run(doc.id, `${doc.id.replace(/[\\%_]/g, '\\$&')}/%`);
      }
      q.insertDoc.run(doc.id, doc.title, JSON.stringify(doc.baseline), now());
      append(doc.id, doc.initialUpdate, { personId: null }, 'import');
    },
  );

  const compact = db.transaction((room: string, merged: Uint8Array, upTo: number) => {
    const seqs = q.fetchSeqs.all(room, upTo) as { seq: number }[];
    const last = seqs.at(-1);
    if (!last) return;
    q.deleteUpTo.run(room, last.seq);
    // The merged update takes a new, higher seq; updates appended after the read stay after it. Yjs updates
    // commute, so their order in the log does not change the document.
    append(room, merged, { personId: null }, 'compact');
  });

  return {
    db,
    audit,
    listDocuments: () => q.list.all() as DocumentRecord[],
    getDocument: (id) => (q.get.get(id) as DocumentRecord | undefined) ?? null,
    getBaseline: (id) => {
      const row = q.baseline.get(id) as { baseline: string } | undefined;
      return row ? (JSON.parse(row.baseline) as Agenda) : null;
    },
    createDocument: (doc, replace = false) => createDocument(doc, replace),
    fetchUpdates: (room) => (q.fetch.all(room) as { data: Buffer }[]).map((r) => new Uint8Array(r.data)),
    appendUpdate: (room, update, meta: UpdateMeta) => append(room, update, meta, 'update'),
    countUpdates: (room) => (q.count.get(room) as { n: number }).n,
    compact: (room, merged, upTo) => compact(room, merged, upTo),
    close: () => db.close(),
  };
}
