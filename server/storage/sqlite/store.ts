import type Database from 'better-sqlite3';
import { withTextNumbers } from '../../../shared/agenda/read.js';
import type { Agenda } from '../../../shared/agenda/types.js';
import type { Appended, DocumentRecord, NewDocument, Store, StoredUpdate, UpdateMeta } from '../store.js';
import type { PersonRecord } from '../../people/repository.js';
import type { SqliteAuditLog } from './audit.js';
import type { SqliteAttribution } from './attribution.js';
import { changeAuthor } from '../../authorship/authors.js';

/** A SQLite repository with rows of a document, removed synchronously inside the store's transaction. */
export interface SqliteDocumentRows {
  removeRows(documentId: string): void;
}

/** The name and party of a person, read synchronously inside the store's transaction. */
export type PersonLookup = (id: string) => PersonRecord | null;

type Kind = 'import' | 'update' | 'compact';

/** A room's document: the part of the room name before the first slash. */
const documentOf = (room: string) => room.split('/')[0] ?? room;

/** A transaction function that begins IMMEDIATE (takes the write lock first). */
function immediate<A extends unknown[], R>(tx: Database.Transaction<(...args: A) => R>): (...args: A) => R {
  return (...args) => tx.immediate(...args);
}

/**
 * The updates repository in SQLite (tables `documents` and `updates`), writing each update's audit entry and
 * its rows of the attribution index in the same transaction. Its database handle is public for tests and tools that inspect or damage the file on
 * purpose; server code sees only `Store`.
 */
export class SqliteStore implements Store {
  private readonly q;
  private readonly appendTx;
  private readonly appendManyTx;
  private readonly createTx;
  private readonly compactTx;

  constructor(
    readonly db: Database.Database,
    readonly audit: SqliteAuditLog,
    /** Who a person is, for the name and party recorded with their updates. */
    private readonly personOf: PersonLookup = () => null,
    /** The attribution index, written with every update that carries its item ranges. */
    private readonly attribution: { recordNow: SqliteAttribution['recordNow'] } | null = null,
    /** The other repositories' rows of a document, removed when it is replaced. */
    private readonly documentRows: readonly SqliteDocumentRows[] = [],
  ) {
    const q = (this.q = {
      list: db.prepare('SELECT id, title, created_at AS createdAt FROM documents ORDER BY created_at, id'),
      get: db.prepare('SELECT id, title, created_at AS createdAt FROM documents WHERE id = ?'),
      baseline: db.prepare('SELECT baseline FROM documents WHERE id = ?'),
      originalState: db.prepare('SELECT original_state AS state FROM documents WHERE id = ?'),
      insertDoc: db.prepare(
        'INSERT INTO documents (id, title, baseline, created_at, original_state) VALUES (?, ?, ?, ?, ?)',
      ),
      deleteDoc: db.prepare('DELETE FROM documents WHERE id = ?'),
      deleteRooms: db.prepare("DELETE FROM updates WHERE room = ? OR room LIKE ? ESCAPE '\\'"),
      fetch: db.prepare('SELECT data FROM updates WHERE room = ? ORDER BY seq'),
      fetchLog: db.prepare('SELECT seq, data FROM updates WHERE room = ? AND seq > ? ORDER BY seq'),
      last: db.prepare('SELECT MAX(seq) AS seq FROM updates WHERE room = ?'),
      countThrough: db.prepare('SELECT COUNT(*) AS n FROM updates WHERE room = ? AND seq <= ?'),
      append: db.prepare('INSERT INTO updates (room, data, person_id, created_at) VALUES (?, ?, ?, ?)'),
      count: db.prepare('SELECT COUNT(*) AS n FROM updates WHERE room = ?'),
      lastAt: db.prepare('SELECT MAX(created_at) AS at FROM updates WHERE room = ?'),
      deleteUpTo: db.prepare('DELETE FROM updates WHERE room = ? AND seq <= ?'),
    });
    const now = () => new Date().toISOString();

    const lastSeq = (room: string) => (q.last.get(room) as { seq: number | null }).seq ?? 0;
    const append = (
      room: string,
      update: Uint8Array,
      meta: UpdateMeta,
      kind: Kind,
      prev = lastSeq(room),
    ): Appended => {
      const at = now();
      // Names are recorded as they were at the time of the change.
      const person = meta.personName === undefined && meta.personId ? this.personOf(meta.personId) : null;
      const info = q.append.run(room, update, meta.personId, at);
      const updateSeq = Number(info.lastInsertRowid);
      if (meta.ranges && (meta.ranges.inserted.length > 0 || meta.ranges.deleted.length > 0)) {
        const proposer = meta.authorId ? this.personOf(meta.authorId) : null;
        const name = meta.personName ?? person?.name ?? null;
        this.attribution?.recordNow(
          documentOf(room),
          updateSeq,
          meta.ranges,
          changeAuthor({
            sender:
              meta.personId && name !== null
                ? { id: meta.personId, name, party: meta.party ?? person?.party ?? null }
                : null,
            senderId: meta.personId,
            onBehalfOf: meta.onBehalfOf ?? null,
            proposer,
            at,
          }),
        );
      }
      audit.record(
        {
          kind,
          room,
          documentId: documentOf(room),
          updateSeq,
          personId: meta.personId,
          personName: meta.personName ?? person?.name ?? null,
          party: meta.party ?? person?.party ?? null,
          onBehalfOf: meta.onBehalfOf ?? null,
          measureIds: meta.measureIds ?? [],
          at,
        },
        update,
      );
      return { seq: updateSeq, prev };
    };
    // Every write transaction takes the write lock at its start (IMMEDIATE): with several processes on one
    // file (instances sharing it), a deferred one that read first could not write after another's commit.
    this.appendTx = immediate(db.transaction(append));

    this.appendManyTx = immediate(
      db.transaction((room: string, entries: readonly { update: Uint8Array; meta: UpdateMeta }[]) =>
        entries.map((e) => append(room, e.update, e.meta, 'update')),
      ),
    );

    this.createTx = immediate(
      db.transaction((doc: NewDocument, replace: boolean) => {
        if (q.get.get(doc.id)) {
          if (!replace) throw new RangeError(`Document ${doc.id} bestaat al`);
          q.deleteDoc.run(doc.id);
          q.deleteRooms.run(doc.id, `${doc.id.replace(/[\\%_]/g, '\\$&')}/%`);
          for (const rows of this.documentRows) rows.removeRows(doc.id);
        }
        const original = doc.originalState === undefined ? doc.initialUpdate : doc.originalState;
        q.insertDoc.run(doc.id, doc.title, JSON.stringify(doc.baseline), now(), original);
        append(doc.id, doc.initialUpdate, { personId: null }, 'import');
      }),
    );

    this.compactTx = immediate(
      db.transaction((room: string, merged: Uint8Array, throughSeq: number): Appended | null => {
        if ((q.countThrough.get(room, throughSeq) as { n: number }).n === 0) return null;
        const prev = lastSeq(room);
        q.deleteUpTo.run(room, throughSeq);
        // The merged update takes a new, higher seq; updates appended after the read stay after it. Yjs
        // updates commute, so their order in the log does not change the document.
        return append(room, merged, { personId: null }, 'compact', prev);
      }),
    );
  }

  async listDocuments(): Promise<DocumentRecord[]> {
    return this.q.list.all() as DocumentRecord[];
  }

  async getDocument(id: string): Promise<DocumentRecord | null> {
    return (this.q.get.get(id) as DocumentRecord | undefined) ?? null;
  }

  async getBaseline(id: string): Promise<Agenda | null> {
    const row = this.q.baseline.get(id) as { baseline: string } | undefined;
    return row ? withTextNumbers(JSON.parse(row.baseline) as Agenda) : null;
  }

  async createDocument(doc: NewDocument, replace = false): Promise<void> {
    this.createTx(doc, replace);
  }

  async getOriginalState(id: string): Promise<Uint8Array | null> {
    const row = this.q.originalState.get(id) as { state: Buffer | null } | undefined;
    return row?.state ? new Uint8Array(row.state) : null;
  }

  async fetchUpdates(room: string): Promise<Uint8Array[]> {
    return (this.q.fetch.all(room) as { data: Buffer }[]).map((r) => new Uint8Array(r.data));
  }

  async fetchLog(room: string, afterSeq: number): Promise<StoredUpdate[]> {
    return (this.q.fetchLog.all(room, afterSeq) as { seq: number; data: Buffer }[]).map((r) => ({
      seq: r.seq,
      data: new Uint8Array(r.data),
    }));
  }

  async appendUpdates(
    room: string,
    entries: readonly { update: Uint8Array; meta: UpdateMeta }[],
  ): Promise<Appended[]> {
    return this.appendManyTx(room, entries);
  }

  async appendUpdate(room: string, update: Uint8Array, meta: UpdateMeta): Promise<Appended> {
    return this.appendTx(room, update, meta, 'update');
  }

  async countUpdates(room: string): Promise<number> {
    return (this.q.count.get(room) as { n: number }).n;
  }

  async lastUpdateAt(room: string): Promise<string | null> {
    return (this.q.lastAt.get(room) as { at: string | null }).at;
  }

  async compact(room: string, merged: Uint8Array, throughSeq: number): Promise<Appended | null> {
    return this.compactTx(room, merged, throughSeq);
  }

  async close(): Promise<void> {
    this.db.close();
  }
}
