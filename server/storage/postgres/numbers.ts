import type { GivenNumber, NumberStore } from '../../documents/numberStore.js';
import type { PgDatabase } from './db.js';

/** The numbers given, on PostgreSQL (table `node_numbers`). */
export class PgNumbers implements NumberStore {
  constructor(private readonly db: PgDatabase) {}

  async given(documentId: string, importSeq: number): Promise<GivenNumber[]> {
    return this.db.rows<GivenNumber & Record<string, unknown>>(
      'SELECT node_id AS id, number FROM node_numbers WHERE document_id = ? AND import_seq = ?',
      [documentId, importSeq],
    );
  }

  async any(documentId: string, importSeq: number): Promise<boolean> {
    return (
      (await this.db.row('SELECT 1 FROM node_numbers WHERE document_id = ? AND import_seq = ? LIMIT 1', [
        documentId,
        importSeq,
      ])) !== null
    );
  }

  async add(documentId: string, importSeq: number, entries: GivenNumber[], at: string): Promise<void> {
    if (entries.length === 0) return;
    // One statement: all or none.
    await this.db.query(
      `INSERT INTO node_numbers (document_id, import_seq, node_id, number, assigned_at)
       SELECT ?, ?, id, number, ? FROM unnest(?::text[], ?::text[]) AS given (id, number)`,
      [documentId, importSeq, at, entries.map((e) => e.id), entries.map((e) => e.number)],
    );
  }

  async removeDocument(documentId: string): Promise<void> {
    await this.db.query('DELETE FROM node_numbers WHERE document_id = ?', [documentId]);
  }
}
