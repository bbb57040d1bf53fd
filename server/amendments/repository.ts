import type Database from 'better-sqlite3';
import type {
  Amendment,
  AmendmentStatus,
  Decision,
  MeasurePositions,
  MeasureStatus,
  MeasureStatusRecord,
  PositionRecord,
} from '../../shared/amendments/types.js';

/**
 * The tables of amendments, positions and measure statuses: the source of truth for the API and lists (the
 * meta room mirrors them live for browsers). Indexed for the lookups the API makes: by document and
 * measure, party or status.
 */
const SCHEMA = `
CREATE TABLE IF NOT EXISTS amendment_counters (
  document_id TEXT PRIMARY KEY,
  last INTEGER NOT NULL
);
CREATE TABLE IF NOT EXISTS amendments (
  id TEXT PRIMARY KEY,
  document_id TEXT NOT NULL,
  seq INTEGER NOT NULL,
  number TEXT NOT NULL,
  measure_id TEXT NOT NULL,
  kind TEXT NOT NULL,
  party TEXT NOT NULL,
  status TEXT NOT NULL,
  text TEXT,
  rationale TEXT NOT NULL,
  authors TEXT NOT NULL,
  base_text TEXT,
  grp TEXT,
  created_at TEXT NOT NULL,
  submitted_at TEXT,
  decided_at TEXT,
  decided_by TEXT,
  UNIQUE (document_id, seq)
);
CREATE INDEX IF NOT EXISTS amendments_measure ON amendments (document_id, measure_id, seq);
CREATE INDEX IF NOT EXISTS amendments_party ON amendments (document_id, party, seq);
CREATE INDEX IF NOT EXISTS amendments_status ON amendments (document_id, status, seq);
CREATE TABLE IF NOT EXISTS amendment_positions (
  document_id TEXT NOT NULL,
  amendment_id TEXT NOT NULL,
  party TEXT NOT NULL,
  position TEXT NOT NULL,
  note TEXT,
  by TEXT NOT NULL,
  at TEXT NOT NULL,
  PRIMARY KEY (amendment_id, party)
);
CREATE INDEX IF NOT EXISTS amendment_positions_document ON amendment_positions (document_id);
CREATE TABLE IF NOT EXISTS measure_positions (
  document_id TEXT NOT NULL,
  measure_id TEXT NOT NULL,
  party TEXT NOT NULL,
  position TEXT NOT NULL,
  note TEXT,
  by TEXT NOT NULL,
  at TEXT NOT NULL,
  PRIMARY KEY (document_id, measure_id, party)
);
CREATE TABLE IF NOT EXISTS measure_statuses (
  document_id TEXT NOT NULL,
  measure_id TEXT NOT NULL,
  status TEXT NOT NULL,
  by TEXT NOT NULL,
  at TEXT NOT NULL,
  PRIMARY KEY (document_id, measure_id)
);
`;

// migration: table amendment_settings — per document, whether the secretariat is a party to the agreement.
// migration: table amendment_decisions — the history of decisions (accept, reject, per change, reopen) with
// their notes, and its index amendment_decisions_amendment.
const DECISIONS_SCHEMA = `
CREATE TABLE IF NOT EXISTS amendment_settings (
  document_id TEXT PRIMARY KEY,
  secretariat_is_party INTEGER NOT NULL DEFAULT 0
);
CREATE TABLE IF NOT EXISTS amendment_decisions (
  seq INTEGER PRIMARY KEY AUTOINCREMENT,
  document_id TEXT NOT NULL,
  amendment_id TEXT NOT NULL,
  move TEXT NOT NULL,
  note TEXT,
  detail TEXT,
  by TEXT NOT NULL,
  at TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS amendment_decisions_amendment ON amendment_decisions (document_id, amendment_id, seq);
`;

interface AmendmentRow {
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

/** One move in an amendment's decision history. */
export interface DecisionRecord {
  amendmentId: string;
  /** accept, accept-with-changes, reject, accept-change, reject-change or reopen. */
  move: string;
  note: string | null;
  /** What the move changed, in words (the change's words, the compromise text, what reopening undid). */
  detail: string | null;
  by: string;
  at: string;
}

// migration: amendments.parent (TEXT, the amendment an amendment changes) and amendments.decision (TEXT,
// the JSON of `Decision`): added to existing databases by `addColumns` below.
const NEW_COLUMNS = [
  ['parent', 'TEXT'],
  ['decision', 'TEXT'],
] as const;

/**
 * The `seq` of an amendment's row, from its number: "A-7" → 7; an amendment to an amendment sorts right
 * after its parent and before the next one, "A-7.1" → 7.001 (SQLite keeps the non-integer value as REAL in
 * the INTEGER column, so the document's numbers stay unique and `ORDER BY seq` lists
 * without a table rebuild; a parent has at most 999 amendments to it).
 */
export function seqOfNumber(number: string): number {
  const [whole = 0, sub = 0] = (number.match(/\d+/g) ?? []).map(Number);
  return whole + sub / 1000;
}

interface PositionRow {
  key: string;
  party: string;
  position: PositionRecord['position'];
  note: string | null;
  by: string;
  at: string;
}

/** Which amendments to list. Drafts are listed only for `draftsOf` (the caller's own party). */
export interface AmendmentFilter {
  measure?: string;
  party?: string;
  status?: AmendmentStatus;
  draftsOf: string | null;
}

function fromRow(row: AmendmentRow, positions: Record<string, PositionRecord>): Amendment {
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

function group(rows: PositionRow[]): Map<string, Record<string, PositionRecord>> {
  const out = new Map<string, Record<string, PositionRecord>>();
  for (const r of rows) {
    let record = out.get(r.key);
    if (!record) out.set(r.key, (record = {}));
    record[r.party] = { position: r.position, note: r.note, by: r.by, at: r.at };
  }
  return out;
}

/** Amendments, positions and measure statuses in the Akkoord database. */
export class AmendmentsRepository {
  private readonly q;

  constructor(private readonly db: Database.Database) {
    db.exec(SCHEMA);
    db.exec(DECISIONS_SCHEMA);
    const columns = new Set(
      (db.prepare('PRAGMA table_info(amendments)').all() as { name: string }[]).map((c) => c.name),
    );
    for (const [name, type] of NEW_COLUMNS)
      if (!columns.has(name)) db.exec(`ALTER TABLE amendments ADD COLUMN ${name} ${type}`);
    this.q = {
      bump: db.prepare(
        `INSERT INTO amendment_counters (document_id, last) VALUES (?, 1)
         ON CONFLICT (document_id) DO UPDATE SET last = last + 1 RETURNING last`,
      ),
      insert: db.prepare(
        `INSERT INTO amendments (id, document_id, seq, number, measure_id, kind, party, status, text, rationale,
           authors, base_text, grp, created_at, submitted_at, decided_at, decided_by, parent, decision)
         VALUES (@id, @documentId, @seq, @number, @measureId, @kind, @party, @status, @text, @rationale,
           @authors, @baseText, @group, @createdAt, @submittedAt, @decidedAt, @decidedBy, @parent, @decision)`,
      ),
      update: db.prepare(
        `UPDATE amendments SET status = @status, text = @text, rationale = @rationale, authors = @authors,
           base_text = @baseText, grp = @group, submitted_at = @submittedAt, decided_at = @decidedAt,
           decided_by = @decidedBy, decision = @decision WHERE id = @id AND document_id = @documentId`,
      ),
      get: db.prepare('SELECT * FROM amendments WHERE document_id = ? AND id = ?'),
      pending: db.prepare(
        "SELECT id, number, measure_id, party FROM amendments WHERE document_id = ? AND status = 'submitted' ORDER BY seq",
      ),
      positionsOf: db.prepare(
        `SELECT amendment_id AS key, party, position, note, by, at FROM amendment_positions
         WHERE amendment_id = ?`,
      ),
      allPositions: db.prepare(
        `SELECT amendment_id AS key, party, position, note, by, at FROM amendment_positions
         WHERE document_id = ?`,
      ),
      setPosition: db.prepare(
        `INSERT INTO amendment_positions (document_id, amendment_id, party, position, note, by, at)
         VALUES (?, ?, ?, ?, ?, ?, ?)
         ON CONFLICT (amendment_id, party) DO UPDATE SET position = excluded.position,
           note = excluded.note, by = excluded.by, at = excluded.at`,
      ),
      measurePositions: db.prepare(
        `SELECT measure_id AS key, party, position, note, by, at FROM measure_positions
         WHERE document_id = ? AND measure_id = ?`,
      ),
      allMeasurePositions: db.prepare(
        `SELECT measure_id AS key, party, position, note, by, at FROM measure_positions WHERE document_id = ?`,
      ),
      setMeasurePosition: db.prepare(
        `INSERT INTO measure_positions (document_id, measure_id, party, position, note, by, at)
         VALUES (?, ?, ?, ?, ?, ?, ?)
         ON CONFLICT (document_id, measure_id, party) DO UPDATE SET position = excluded.position,
           note = excluded.note, by = excluded.by, at = excluded.at`,
      ),
      subAmendments: db.prepare('SELECT * FROM amendments WHERE document_id = ? AND parent = ? ORDER BY seq'),
      secretariatIsParty: db.prepare(
        'SELECT secretariat_is_party AS value FROM amendment_settings WHERE document_id = ?',
      ),
      setSecretariatIsParty: db.prepare(
        `INSERT INTO amendment_settings (document_id, secretariat_is_party) VALUES (?, ?)
         ON CONFLICT (document_id) DO UPDATE SET secretariat_is_party = excluded.secretariat_is_party`,
      ),
      recordDecision: db.prepare(
        `INSERT INTO amendment_decisions (document_id, amendment_id, move, note, detail, by, at)
         VALUES (?, ?, ?, ?, ?, ?, ?)`,
      ),
      decisions: db.prepare(
        `SELECT amendment_id AS amendmentId, move, note, detail, by, at FROM amendment_decisions
         WHERE document_id = ? AND amendment_id = ? ORDER BY seq`,
      ),
      statuses: db.prepare('SELECT measure_id, status, by, at FROM measure_statuses WHERE document_id = ?'),
      setStatus: db.prepare(
        `INSERT INTO measure_statuses (document_id, measure_id, status, by, at) VALUES (?, ?, ?, ?, ?)
         ON CONFLICT (document_id, measure_id) DO UPDATE SET status = excluded.status, by = excluded.by,
           at = excluded.at`,
      ),
    };
  }

  /** The next number of a document's amendments (1, 2, …): never reused, even when one is withdrawn. */
  nextSeq(documentId: string): number {
    return (this.q.bump.get(documentId) as { last: number }).last;
  }

  /**
   * The next number of the amendments to one amendment (1, 2, …, for "A-7.1", "A-7.2"): a counter per
   * parent, in the same table under the key "<document>/<parent id>", never reused.
   */
  nextSubSeq(documentId: string, parentId: string): number {
    return (this.q.bump.get(`${documentId}/${parentId}`) as { last: number }).last;
  }

  /** The amendments to one amendment (drafts included), by number. */
  subAmendments(documentId: string, parentId: string): Amendment[] {
    return (this.q.subAmendments.all(documentId, parentId) as AmendmentRow[]).map((r) =>
      fromRow(r, group(this.q.positionsOf.all(r.id) as PositionRow[]).get(r.id) ?? {}),
    );
  }

  /** Whether the secretariat is a party to the agreement of a document (and so records positions). */
  secretariatIsParty(documentId: string): boolean {
    return (this.q.secretariatIsParty.get(documentId) as { value: number } | undefined)?.value === 1;
  }

  /** Sets whether the secretariat is a party to the agreement. */
  setSecretariatIsParty(documentId: string, value: boolean): void {
    this.q.setSecretariatIsParty.run(documentId, value ? 1 : 0);
  }

  /** Adds a move to an amendment's decision history. */
  recordDecision(documentId: string, record: DecisionRecord): void {
    this.q.recordDecision.run(
      documentId,
      record.amendmentId,
      record.move,
      record.note,
      record.detail,
      record.by,
      record.at,
    );
  }

  /** An amendment's decision history, oldest first. */
  decisions(documentId: string, amendmentId: string): DecisionRecord[] {
    return this.q.decisions.all(documentId, amendmentId) as DecisionRecord[];
  }

  /** Stores a new amendment; `seq` orders it (see `seqOfNumber`). */
  insert(amendment: Amendment, seq: number): void {
    this.q.insert.run({
      ...this.params(amendment),
      seq,
      number: amendment.number,
      measureId: amendment.measureId,
      kind: amendment.kind,
      party: amendment.party,
      createdAt: amendment.createdAt,
      parent: amendment.parent,
    });
  }

  /** Saves the changing fields of an amendment (status, texts, group, dates). */
  save(amendment: Amendment): void {
    this.q.update.run(this.params(amendment));
  }

  private params(a: Amendment) {
    return {
      id: a.id,
      documentId: a.documentId,
      status: a.status,
      text: a.text,
      rationale: a.rationale,
      authors: JSON.stringify(a.authors),
      baseText: a.baseText,
      group: a.group,
      submittedAt: a.submittedAt,
      decidedAt: a.decidedAt,
      decidedBy: a.decidedBy,
      decision: a.decision ? JSON.stringify(a.decision) : null,
    };
  }

  /** One amendment with its positions, or null. */
  get(documentId: string, id: string): Amendment | null {
    const row = this.q.get.get(documentId, id) as AmendmentRow | undefined;
    if (!row) return null;
    return fromRow(row, group(this.q.positionsOf.all(id) as PositionRow[]).get(id) ?? {});
  }

  /** Amendments by number, filtered; other parties' drafts are never listed. */
  list(documentId: string, filter: AmendmentFilter): Amendment[] {
    const where = ['document_id = ?'];
    const args: unknown[] = [documentId];
    const add = (clause: string, value: string | undefined) => {
      if (value === undefined) return;
      where.push(clause);
      args.push(value);
    };
    add('measure_id = ?', filter.measure);
    add('party = ?', filter.party);
    add('status = ?', filter.status);
    where.push("(status != 'draft' OR party = ?)");
    args.push(filter.draftsOf ?? '');
    const rows = this.db
      .prepare(`SELECT * FROM amendments WHERE ${where.join(' AND ')} ORDER BY seq`)
      .all(...args) as AmendmentRow[];
    const positions =
      rows.length <= 50
        ? group(rows.flatMap((r) => this.q.positionsOf.all(r.id) as PositionRow[]))
        : group(this.q.allPositions.all(documentId) as PositionRow[]);
    return rows.map((r) => fromRow(r, positions.get(r.id) ?? {}));
  }

  /**
   * The pending (submitted) amendments without their texts: what the dashboard and the positions matrix
   * need, read without the texts that make up most of a row.
   */
  pending(
    documentId: string,
  ): Pick<Amendment, 'id' | 'number' | 'measureId' | 'party' | 'status' | 'positions'>[] {
    const rows = this.q.pending.all(documentId) as {
      id: string;
      number: string;
      measure_id: string;
      party: string;
    }[];
    const positions = group(this.q.allPositions.all(documentId) as PositionRow[]);
    return rows.map((r) => ({
      id: r.id,
      number: r.number,
      measureId: r.measure_id,
      party: r.party,
      status: 'submitted',
      positions: positions.get(r.id) ?? {},
    }));
  }

  /** Records a party's position on an amendment. */
  setPosition(documentId: string, amendmentId: string, party: string, record: PositionRecord): void {
    this.q.setPosition.run(
      documentId,
      amendmentId,
      party,
      record.position,
      record.note,
      record.by,
      record.at,
    );
  }

  /** The parties' positions on one measure. */
  measurePositions(documentId: string, measureId: string): MeasurePositions {
    return group(this.q.measurePositions.all(documentId, measureId) as PositionRow[]).get(measureId) ?? {};
  }

  /** The parties' positions on every measure that has one: measure id → positions. */
  allMeasurePositions(documentId: string): Record<string, MeasurePositions> {
    return Object.fromEntries(group(this.q.allMeasurePositions.all(documentId) as PositionRow[]));
  }

  /** Records a party's position on a measure. */
  setMeasurePosition(documentId: string, measureId: string, party: string, record: PositionRecord): void {
    this.q.setMeasurePosition.run(
      documentId,
      measureId,
      party,
      record.position,
      record.note,
      record.by,
      record.at,
    );
  }

  /** Every measure status set so far: measure id → record (measures without one are open). */
  statuses(documentId: string): Record<string, MeasureStatusRecord> {
    const rows = this.q.statuses.all(documentId) as {
      measure_id: string;
      status: MeasureStatus;
      by: string;
      at: string;
    }[];
    return Object.fromEntries(rows.map((r) => [r.measure_id, { status: r.status, by: r.by, at: r.at }]));
  }

  /** Sets a measure's negotiation status. */
  setStatus(documentId: string, measureId: string, record: MeasureStatusRecord): void {
    this.q.setStatus.run(documentId, measureId, record.status, record.by, record.at);
  }

  /** Runs `fn` in one database transaction. */
  transaction<T>(fn: () => T): T {
    return this.db.transaction(fn)();
  }
}
