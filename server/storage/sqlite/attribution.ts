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
      // One row per update (its rows share their author), for a list of updates passed as JSON.
      ofUpdates: db.prepare(
        `SELECT ${COLUMNS}, MIN(rowid) FROM attribution
         WHERE document_id = ? AND update_seq IN (SELECT value FROM json_each(?))
         GROUP BY update_seq`,
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
    if (updateSeqs.length === 0) return out;
    const rows = this.q.ofUpdates.all(
      documentId,
      JSON.stringify([...new Set(updateSeqs)]),
    ) as AttributionRow[];
    for (const row of rows) out.set(row.updateSeq, row);
    return out;
  }

  removeDocument(documentId: string): void {
    this.q.remove.run(documentId);
  }
}
