import type Database from 'better-sqlite3';
import type { GivenNumber, NumberStore } from '../../documents/numberStore.js';

/** The numbers given, on SQLite (table `node_numbers`, made by migration 9). */
export class SqliteNumbers implements NumberStore {
  private readonly q;
  private readonly insertAll;

  constructor(db: Database.Database) {
    this.q = {
      load: db.prepare(
        'SELECT node_id AS id, number FROM node_numbers WHERE document_id = ? AND import_seq = ?',
      ),
      any: db.prepare('SELECT 1 FROM node_numbers WHERE document_id = ? AND import_seq = ? LIMIT 1'),
      insert: db.prepare(
        'INSERT INTO node_numbers (document_id, import_seq, node_id, number, assigned_at) VALUES (?, ?, ?, ?, ?)',
      ),
      remove: db.prepare('DELETE FROM node_numbers WHERE document_id = ?'),
    };
    this.insertAll = db.transaction(
      (documentId: string, importSeq: number, entries: GivenNumber[], at: string) => {
        for (const e of entries) this.q.insert.run(documentId, importSeq, e.id, e.number, at);
      },
    );
  }

  async given(documentId: string, importSeq: number): Promise<GivenNumber[]> {
    return this.q.load.all(documentId, importSeq) as GivenNumber[];
  }

  async any(documentId: string, importSeq: number): Promise<boolean> {
    return this.q.any.get(documentId, importSeq) !== undefined;
  }

  async add(documentId: string, importSeq: number, entries: GivenNumber[], at: string): Promise<void> {
    this.insertAll(documentId, importSeq, entries, at);
  }

  async removeDocument(documentId: string): Promise<void> {
    this.removeRows(documentId);
  }

  /** Removes a document's rows, synchronously (inside the store's transaction that replaces it). */
  removeRows(documentId: string): void {
    this.q.remove.run(documentId);
  }
}
