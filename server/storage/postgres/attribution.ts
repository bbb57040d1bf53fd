import type { ItemRanges } from '../../authorship/ranges.js';
import type { AttributionRepository, AttributionRow, ChangeAuthor } from '../../authorship/repository.js';
import type { PgDatabase } from './db.js';

const COLUMNS = `kind, client, clock, len, update_seq AS "updateSeq", person_id AS "personId",
  person_name AS "personName", party, on_behalf_of AS "onBehalfOf", decided_by AS "decidedBy",
  decided_by_name AS "decidedByName", at`;

/** The attribution index on PostgreSQL (table `attribution`, made by migration 13). */
export class PgAttribution implements AttributionRepository {
  constructor(private readonly db: PgDatabase) {}

  async record(documentId: string, updateSeq: number, ranges: ItemRanges, a: ChangeAuthor): Promise<void> {
    const rows = [
      ...ranges.inserted.map((r) => ['insert', ...r] as const),
      ...ranges.deleted.map((r) => ['delete', ...r] as const),
    ];
    if (rows.length === 0) return;
    // One statement for all ranges of the update.
    await this.db.query(
      `INSERT INTO attribution (document_id, kind, client, clock, len, update_seq, person_id, person_name,
         party, on_behalf_of, decided_by, decided_by_name, at)
       SELECT ?, kind, client, clock, len, ?, ?, ?, ?, ?, ?, ?, ?
       FROM unnest(?::text[], ?::bigint[], ?::bigint[], ?::bigint[]) AS r (kind, client, clock, len)`,
      [
        documentId,
        updateSeq,
        a.personId,
        a.personName,
        a.party,
        a.onBehalfOf,
        a.decidedBy,
        a.decidedByName,
        a.at,
        rows.map((r) => r[0]),
        rows.map((r) => r[1]),
        rows.map((r) => r[2]),
        rows.map((r) => r[3]),
      ],
    );
  }

  async rows(documentId: string): Promise<AttributionRow[]> {
    return this.db.rows<AttributionRow & Record<string, unknown>>(
      `SELECT ${COLUMNS} FROM attribution WHERE document_id = ?`,
      [documentId],
    );
  }

  async authorsOfUpdates(
    documentId: string,
    updateSeqs: readonly number[],
  ): Promise<Map<number, ChangeAuthor>> {
    const out = new Map<number, ChangeAuthor>();
    if (updateSeqs.length === 0) return out;
    // One row per update (its rows share their author).
    const rows = await this.db.rows<AttributionRow & Record<string, unknown>>(
      `SELECT DISTINCT ON (update_seq) ${COLUMNS} FROM attribution
       WHERE document_id = ? AND update_seq = ANY(?::bigint[]) ORDER BY update_seq`,
      [documentId, [...new Set(updateSeqs)]],
    );
    for (const row of rows) out.set(row.updateSeq, row);
    return out;
  }

  async removeDocument(documentId: string): Promise<void> {
    await this.db.query('DELETE FROM attribution WHERE document_id = ?', [documentId]);
  }
}
