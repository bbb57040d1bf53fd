import type {
  Amendment,
  AmendmentStatus,
  Decision,
  PositionRecord,
} from '../../../shared/amendments/types.js';

/**
 * The rows of the amendments tables as both stores read them, and how they become amendments: one mapping
 * for SQLite and PostgreSQL.
 */
export interface AmendmentRow {
  id: string;
  document_id: string;
  number: string;
  measure_id: string;
  kind: Amendment['kind'];
  party: string;
  status: AmendmentStatus;
  text: string | null;
  rationale: string;
  authors: string;
  base_text: string | null;
  grp: string | null;
  created_at: string;
  submitted_at: string | null;
  decided_at: string | null;
  decided_by: string | null;
  parent: string | null;
  decision: string | null;
}

export interface PositionRow {
  key: string;
  party: string;
  position: PositionRecord['position'];
  note: string | null;
  by: string;
  at: string;
}

export function fromRow(row: AmendmentRow, positions: Record<string, PositionRecord>): Amendment {
  return {
    id: row.id,
    number: row.number,
    documentId: row.document_id,
    measureId: row.measure_id,
    kind: row.kind,
    text: row.text,
    rationale: row.rationale,
    party: row.party,
    authors: JSON.parse(row.authors) as string[],
    status: row.status,
    baseText: row.base_text,
    group: row.grp,
    positions,
    createdAt: row.created_at,
    submittedAt: row.submitted_at,
    decidedAt: row.decided_at,
    decidedBy: row.decided_by,
    parent: row.parent ?? null,
    decision: row.decision ? (JSON.parse(row.decision) as Decision) : null,
  };
}

export function group(rows: PositionRow[]): Map<string, Record<string, PositionRecord>> {
  const out = new Map<string, Record<string, PositionRecord>>();
  for (const r of rows) {
    let record = out.get(r.key);
    if (!record) out.set(r.key, (record = {}));
    record[r.party] = { position: r.position, note: r.note, by: r.by, at: r.at };
  }
  return out;
}
