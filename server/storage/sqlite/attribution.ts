import type Database from 'better-sqlite3';
import type { ItemRanges } from '../../authorship/ranges.js';
import type { AttributionRepository, AttributionRow, ChangeAuthor } from '../../authorship/repository.js';

const COLUMNS = `kind, client, clock, len, update_seq AS updateSeq, person_id AS personId,
  person_name AS personName, party, on_behalf_of AS onBehalfOf, decided_by AS decidedBy,
  decided_by_name AS decidedByName, at`;

/** The attribution index on SQLite (table `attribution`, made by migration 10). */
export class SqliteAttribution implements AttributionRepository {
  private readonly q;

  constructor(db: Database.Database) {
    this.q = {
      insert: db.prepare(
        `INSERT INTO attribution (document_id, kind, client, clock, len, update_seq, person_id, person_name,
           party, on_behalf_of, decided_by, decided_by_name, at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      ),
      rows: db.prepare(`SELECT ${COLUMNS} FROM attribution WHERE document_id = ?`),
      ofUpdate: db.prepare(
        `SELECT ${COLUMNS} FROM attribution WHERE document_id = ? AND update_seq = ? LIMIT 1`,
      ),
      remove: db.prepare('DELETE FROM attribution WHERE document_id = ?'),
    };
  }

  record(documentId: string, updateSeq: number, ranges: ItemRanges, a: ChangeAuthor): void {
    const write = (kind: 'insert' | 'delete', [client, clock, len]: readonly number[]) =>
      this.q.insert.run(
        documentId,
        kind,
        client,
        clock,
        len,
        updateSeq,
        a.personId,
        a.personName,
        a.party,
        a.onBehalfOf,
        a.decidedBy,
        a.decidedByName,
        a.at,
      );
    for (const range of ranges.inserted) write('insert', range);
    for (const range of ranges.deleted) write('delete', range);
  }

  rows(documentId: string): AttributionRow[] {
    return this.q.rows.all(documentId) as AttributionRow[];
  }

  authorsOfUpdates(documentId: string, updateSeqs: readonly number[]): Map<number, ChangeAuthor> {
    const out = new Map<number, ChangeAuthor>();
    for (const seq of new Set(updateSeqs)) {
      const row = this.q.ofUpdate.get(documentId, seq) as AttributionRow | undefined;
      if (row) out.set(seq, row);
    }
    return out;
  }

  removeDocument(documentId: string): void {
    this.q.remove.run(documentId);
  }
}
