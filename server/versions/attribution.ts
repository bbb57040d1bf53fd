import type Database from 'better-sqlite3';

/** Who last changed a measure, as the audit trail knows it. */
export interface Attribution {
  /** The person's name. */
  person: string;
  /** Their party's short name. */
  party: string;
  /** When (ISO 8601). */
  at: string;
}

/** Looks up who last changed a measure of a document; null when nobody is known. */
export type AttributionOf = (documentId: string, measureId: string) => Attribution | null;

const NOBODY: AttributionOf = () => null;

/**
 * Attribution from the audit trail (issue 3, built elsewhere). Until it is connected this reads, defensively,
 * the newest row with a person of a table `audit (document_id, measure_ids TEXT JSON array, person_name, party,
 * at)` that mentions the measure (of the text room, when the table has a `room` column), at or before `before` when given (so a comparison up to a version does not credit
 * later edits). When the table or its columns are not there, every answer is null.
 */
export function auditAttribution(db: Database.Database, before?: string): AttributionOf {
  let statement: Database.Statement;
  try {
    const exists = db
      .prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'audit'")
      .get() as unknown;
    if (!exists) return NOBODY;
    const columns = new Set((db.pragma('table_info(audit)') as { name: string }[]).map((c) => c.name));
    // Where the trail records rooms, only changes to the text room count (not private party notes).
    const textRoomOnly = columns.has('room') ? 'AND room = document_id' : '';
    statement = db.prepare(
      `SELECT person_name AS person, party, at FROM audit
       WHERE document_id = @documentId ${textRoomOnly}
         AND person_name IS NOT NULL
         AND (@before IS NULL OR at <= @before)
         AND EXISTS (SELECT 1 FROM json_each(audit.measure_ids) WHERE value = @measureId)
       ORDER BY at DESC LIMIT 1`,
    );
  } catch {
    // The table is there but not (yet) in the expected shape.
    return NOBODY;
  }
  return (documentId, measureId) => {
    try {
      const row = statement.get({ documentId, measureId, before: before ?? null }) as
        { person: unknown; party: unknown; at: unknown } | undefined;
      if (!row || typeof row.person !== 'string' || typeof row.at !== 'string') return null;
      return { person: row.person, party: typeof row.party === 'string' ? row.party : '', at: row.at };
    } catch {
      // A row whose measure_ids is not JSON: nothing known, rather than a failed comparison.
      return null;
    }
  };
}
