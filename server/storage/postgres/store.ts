import { withTextNumbers } from '../../../shared/agenda/read.js';
import type { Agenda } from '../../../shared/agenda/types.js';
import type { Appended, DocumentRecord, NewDocument, Store, StoredUpdate, UpdateMeta } from '../store.js';
import type { AttributionRepository } from '../../authorship/repository.js';
import { changeAuthor } from '../../authorship/authors.js';
import type { DocumentRows } from '../storage.js';
import type { PeopleRepository, PersonRecord } from '../../people/repository.js';
import { AUDIT_CHAIN_LOCK, type ChainHead, type PgAuditLog } from './audit.js';
import type { PgDatabase } from './db.js';

type Kind = 'import' | 'update' | 'compact';

/** A room's document: the part of the room name before the first slash. */
const documentOf = (room: string) => room.split('/')[0] ?? room;

/** What one transaction of appends knows once: the chain's lock and head, and the people it looked up. */
interface Batch {
  locked: boolean;
  chain: ChainHead;
  person(id: string): Promise<PersonRecord | null>;
}

const DOCUMENT_COLUMNS = 'id, title, created_at AS "createdAt"';

/**
 * The updates repository in PostgreSQL (tables `documents` and `updates`): each update is stored with its
 * audit entry in one transaction of its own, which holds the room's lock and the audit chain's (so the chain
 * stays whole with several instances writing at once, and one room's appends commit in the order of their
 * sequence numbers: `prev` is read under the lock). A document is created or replaced in one transaction too.
 */
export class PgStore implements Store {
  constructor(
    private readonly db: PgDatabase,
    private readonly audit: PgAuditLog,
    /** Who a person is, for the name and party recorded with their updates. */
    private readonly people: Pick<PeopleRepository, 'person'>,
    /** The attribution index, written with every update that carries its item ranges. */
    private readonly attribution: Pick<AttributionRepository, 'record'>,
    /** The other repositories' rows of a document, removed when it is replaced. */
    private readonly documentRows: readonly DocumentRows[] = [],
  ) {}

  /** A new transaction's knowledge: nothing locked or read yet. */
  private newBatch(): Batch {
    const people = new Map<string, Promise<PersonRecord | null>>();
    return {
      locked: false,
      chain: {},
      person: (id) => {
        let found = people.get(id);
        if (!found) people.set(id, (found = this.people.person(id)));
        return found;
      },
    };
  }

  /** Takes the room's lock for the rest of the transaction; returns the room's highest seq (0: none). */
  private async lockRoom(room: string): Promise<number> {
    await this.db.query('SELECT pg_advisory_xact_lock(hashtext(?))', [room]);
    const last = await this.db.row<{ seq: number | null }>(
      'SELECT MAX(seq) AS seq FROM updates WHERE room = ?',
      [room],
    );
    return last?.seq ?? 0;
  }

  /**
   * Stores one update and its audit entry; called inside a transaction that holds the room's lock (`prev`:
   * the room's highest seq before it).
   */
  private async append(
    room: string,
    update: Uint8Array,
    meta: UpdateMeta,
    kind: Kind,
    prev: number,
    tx: Batch = this.newBatch(),
  ): Promise<Appended> {
    // Names are recorded as they were at the time of the change.
    const person = meta.personName === undefined && meta.personId ? await tx.person(meta.personId) : null;
    if (!tx.locked) await this.db.query('SELECT pg_advisory_xact_lock(?)', [AUDIT_CHAIN_LOCK]);
    tx.locked = true;
    const at = new Date().toISOString();
    const row = await this.db.row<{ seq: number }>(
      'INSERT INTO updates (room, data, person_id, created_at) VALUES (?, ?, ?, ?) RETURNING seq',
      [room, Buffer.from(update.buffer, update.byteOffset, update.byteLength), meta.personId, at],
    );
    if (meta.ranges && (meta.ranges.inserted.length > 0 || meta.ranges.deleted.length > 0)) {
      const proposer = meta.authorId ? await tx.person(meta.authorId) : null;
      const name = meta.personName ?? person?.name ?? null;
      await this.attribution.record(
        documentOf(room),
        row!.seq,
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
    await this.audit.record(
      {
        kind,
        room,
        documentId: documentOf(room),
        updateSeq: row!.seq,
        personId: meta.personId,
        personName: meta.personName ?? person?.name ?? null,
        party: meta.party ?? person?.party ?? null,
        onBehalfOf: meta.onBehalfOf ?? null,
        measureIds: meta.measureIds ?? [],
        at,
      },
      update,
      tx.chain,
    );
    return { seq: row!.seq, prev };
  }

  async listDocuments(): Promise<DocumentRecord[]> {
    return this.db.rows<DocumentRecord & Record<string, unknown>>(
      `SELECT ${DOCUMENT_COLUMNS} FROM documents ORDER BY created_at, id`,
    );
  }

  async getDocument(id: string): Promise<DocumentRecord | null> {
    return this.db.row<DocumentRecord & Record<string, unknown>>(
      `SELECT ${DOCUMENT_COLUMNS} FROM documents WHERE id = ?`,
      [id],
    );
  }

  async getBaseline(id: string): Promise<Agenda | null> {
    const row = await this.db.row<{ baseline: string }>('SELECT baseline FROM documents WHERE id = ?', [id]);
    return row ? withTextNumbers(JSON.parse(row.baseline) as Agenda) : null;
  }

  async getOriginalState(id: string): Promise<Uint8Array | null> {
    const row = await this.db.row<{ state: Buffer | null }>(
      'SELECT original_state AS state FROM documents WHERE id = ?',
      [id],
    );
    return row?.state ? new Uint8Array(row.state) : null;
  }

  async createDocument(doc: NewDocument, replace = false): Promise<void> {
    await this.db.transaction(async () => {
      // The row lock keeps two instances from creating (or replacing) the same document at once.
      const existing = await this.db.row('SELECT 1 FROM documents WHERE id = ? FOR UPDATE', [doc.id]);
      if (existing) {
        if (!replace) throw new RangeError(`Document ${doc.id} bestaat al`);
        await this.db.query('DELETE FROM documents WHERE id = ?', [doc.id]);
        await this.db.query("DELETE FROM updates WHERE room = ? OR room LIKE ? ESCAPE '\\'", [
          doc.id,
          `${doc.id.replace(/[\\%_]/g, '\\$&')}/%`,
        ]);
        for (const rows of this.documentRows) await rows.removeDocument(doc.id);
      }
      const original = doc.originalState === undefined ? doc.initialUpdate : doc.originalState;
      await this.db.query(
        'INSERT INTO documents (id, title, baseline, created_at, original_state) VALUES (?, ?, ?, ?, ?)',
        [
          doc.id,
          doc.title,
          JSON.stringify(doc.baseline),
          new Date().toISOString(),
          original ? Buffer.from(original.buffer, original.byteOffset, original.byteLength) : null,
        ],
      );
      const prev = await this.lockRoom(doc.id);
      await this.append(doc.id, doc.initialUpdate, { personId: null }, 'import', prev);
    });
  }

  async fetchUpdates(room: string): Promise<Uint8Array[]> {
    const rows = await this.db.rows<{ data: Buffer }>(
      'SELECT data FROM updates WHERE room = ? ORDER BY seq',
      [room],
    );
    return rows.map((r) => new Uint8Array(r.data));
  }

  async fetchLog(room: string, afterSeq: number): Promise<StoredUpdate[]> {
    const rows = await this.db.rows<{ seq: number; data: Buffer }>(
      'SELECT seq, data FROM updates WHERE room = ? AND seq > ? ORDER BY seq',
      [room, afterSeq],
    );
    return rows.map((r) => ({ seq: r.seq, data: new Uint8Array(r.data) }));
  }

  async appendUpdates(
    room: string,
    entries: readonly { update: Uint8Array; meta: UpdateMeta }[],
  ): Promise<Appended[]> {
    return this.db.transaction(async () => {
      const batch = this.newBatch();
      let prev = await this.lockRoom(room);
      const out: Appended[] = [];
      for (const e of entries) {
        const at = await this.append(room, e.update, e.meta, 'update', prev, batch);
        out.push(at);
        prev = at.seq;
      }
      return out;
    });
  }

  async appendUpdate(room: string, update: Uint8Array, meta: UpdateMeta): Promise<Appended> {
    return (await this.appendUpdates(room, [{ update, meta }]))[0]!;
  }

  async countUpdates(room: string): Promise<number> {
    return (await this.db.row<{ n: number }>('SELECT COUNT(*) AS n FROM updates WHERE room = ?', [room]))!.n;
  }

  async lastUpdateAt(room: string): Promise<string | null> {
    return (await this.db.row<{ at: string | null }>(
      'SELECT MAX(created_at) AS at FROM updates WHERE room = ?',
      [room],
    ))!.at;
  }

  async compact(room: string, merged: Uint8Array, throughSeq: number): Promise<Appended | null> {
    return this.db.transaction(async () => {
      const prev = await this.lockRoom(room);
      const n = await this.db.row<{ n: number }>(
        'SELECT COUNT(*) AS n FROM updates WHERE room = ? AND seq <= ?',
        [room, throughSeq],
      );
      if (!n || Number(n.n) === 0) return null;
      await this.db.query('DELETE FROM updates WHERE room = ? AND seq <= ?', [room, throughSeq]);
      // The merged update takes a new, higher seq; updates appended after the read stay after it. Yjs updates
      // commute, so their order in the log does not change the document.
      return this.append(room, merged, { personId: null }, 'compact', prev);
    });
  }

  async close(): Promise<void> {
    await this.db.close();
  }
}
