import type Database from 'better-sqlite3';
import type { AuditEntry, AuditLog, LastChange } from '../audit.js';
import { entryHash, GENESIS, sha256, verifyChain } from '../auditChain.js';

import { toEntry, toStored, type AuditRow as Row } from '../rows/audit.js';

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

  async forMeasure(documentId: string, measureId: string, limit = 200): Promise<AuditEntry[]> {
    return (this.q.forMeasure.all(documentId, measureId, limit) as Row[]).map(toEntry);
  }

  async lastChanges(documentId: string, until: string | null = null): Promise<LastChange[]> {
    return (this.q.lastPerMeasure.all({ documentId, until }) as (LastChange & { seq: number })[]).map(
      ({ seq: _seq, ...change }) => change,
    );
  }

  async lastImport(documentId: string): Promise<number | null> {
    return (this.q.lastImport.get(documentId) as { seq: number | null } | undefined)?.seq ?? null;
  }

  async verify(): Promise<string[]> {
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

  async removeDocument(documentId: string): Promise<void> {
    this.removeRows(documentId);
  }

  /** Removes a document's rows, synchronously (inside the store's transaction that replaces it). */
  removeRows(documentId: string): void {
    this.q.removeDocument.run(documentId);
  }
}
