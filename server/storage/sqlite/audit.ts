import type Database from 'better-sqlite3';
import type { AuditEntry, AuditLog, LastChange } from '../audit.js';
import { entryHash, GENESIS, sha256, verifyChain, type StoredAuditEntry } from '../auditChain.js';

interface Row {
  seq: number;
  kind: AuditEntry['kind'];
  room: string;
  document_id: string;
  update_seq: number;
  person_id: string | null;
  person_name: string | null;
  party: string | null;
  on_behalf_of: string | null;
  measure_ids: string;
  at: string;
  update_hash: string;
  prev_hash: string;
  hash: string;
}

const toEntry = (r: Row): AuditEntry => ({
  seq: r.seq,
  kind: r.kind,
  room: r.room,
  documentId: r.document_id,
  updateSeq: r.update_seq,
  personId: r.person_id,
  personName: r.person_name,
  party: r.party,
  onBehalfOf: r.on_behalf_of ?? null,
  measureIds: JSON.parse(r.measure_ids) as string[],
  at: r.at,
});

const toStored = (r: Row): StoredAuditEntry => ({
  ...toEntry(r),
  updateHash: r.update_hash,
  prevHash: r.prev_hash,
  hash: r.hash,
});

/** The audit log in SQLite (tables `audit` and `audit_measures`). */
export class SqliteAuditLog implements AuditLog {
  private readonly q;

  constructor(db: Database.Database) {
    this.q = {
      last: db.prepare('SELECT hash FROM audit ORDER BY seq DESC LIMIT 1'),
      insert: db.prepare(
        'INSERT INTO audit (kind, room, document_id, update_seq, person_id, person_name, party, on_behalf_of, measure_ids, at, update_hash, prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
      ),
      insertMeasure: db.prepare(
        'INSERT INTO audit_measures (document_id, measure_id, audit_seq) VALUES (?, ?, ?)',
      ),
      forMeasure: db.prepare(
        'SELECT a.* FROM audit_measures m JOIN audit a ON a.seq = m.audit_seq WHERE m.document_id = ? AND m.measure_id = ? ORDER BY a.seq DESC LIMIT ?',
      ),
      // SQLite takes the bare columns of an aggregate query from the row that gave MAX(seq): the last change.
      lastPerMeasure: db.prepare(
        `SELECT m.measure_id AS measureId, MAX(a.seq) AS seq, a.person_id AS personId, a.person_name AS personName,
                a.party AS party, a.on_behalf_of AS onBehalfOf, a.at AS at,
                a.update_seq AS updateSeq
         FROM audit_measures m JOIN audit a ON a.seq = m.audit_seq
         WHERE m.document_id = @documentId AND a.room = @documentId AND a.person_id IS NOT NULL
           AND (@until IS NULL OR a.at <= @until)
         GROUP BY m.measure_id`,
      ),
      all: db.prepare('SELECT * FROM audit ORDER BY seq'),
      updates: db.prepare('SELECT seq, data FROM updates'),
      lastImport: db.prepare(
        "SELECT MAX(seq) AS seq FROM audit WHERE document_id = ? AND room = document_id AND kind = 'import'",
      ),
      removeDocument: db.prepare('DELETE FROM audit_measures WHERE document_id = ?'),
    };
  }

  /** Records one stored update; the store calls it inside the transaction that stored the update. */
  record(entry: Omit<AuditEntry, 'seq'>, update: Uint8Array): void {
    const prevHash = (this.q.last.get() as { hash: string } | undefined)?.hash ?? GENESIS;
    const updateHash = sha256(update);
    const hash = entryHash({ ...entry, updateHash, prevHash });
    const info = this.q.insert.run(
      entry.kind,
      entry.room,
      entry.documentId,
      entry.updateSeq,
      entry.personId,
      entry.personName,
      entry.party,
      entry.onBehalfOf,
      JSON.stringify(entry.measureIds),
      entry.at,
      updateHash,
      prevHash,
      hash,
    );
    for (const id of entry.measureIds) this.q.insertMeasure.run(entry.documentId, id, info.lastInsertRowid);
  }

  forMeasure(documentId: string, measureId: string, limit = 200): AuditEntry[] {
    return (this.q.forMeasure.all(documentId, measureId, limit) as Row[]).map(toEntry);
  }

  lastChanges(documentId: string, until: string | null = null): LastChange[] {
    return (this.q.lastPerMeasure.all({ documentId, until }) as (LastChange & { seq: number })[]).map(
      ({ seq: _seq, ...change }) => change,
    );
  }

  lastImport(documentId: string): number | null {
    return (this.q.lastImport.get(documentId) as { seq: number | null } | undefined)?.seq ?? null;
  }

  verify(): string[] {
    const { all, updates } = this.q;
    // Generators start reading only when verifyChain reaches them: one open query at a time.
    const entries = function* () {
      for (const row of all.iterate() as Iterable<Row>) yield toStored(row);
    };
    const stored = function* () {
      yield* updates.iterate() as Iterable<{ seq: number; data: Buffer }>;
    };
    return verifyChain(entries(), stored());
  }

  removeDocument(documentId: string): void {
    this.q.removeDocument.run(documentId);
  }
}
