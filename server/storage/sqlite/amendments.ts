import type Database from 'better-sqlite3';
import type {
  Amendment,
  MeasurePositions,
  MeasureStatus,
  MeasureStatusRecord,
  PositionRecord,
} from '../../../shared/amendments/types.js';
import type { AmendmentFilter, AmendmentsRepository, DecisionRecord } from '../../amendments/repository.js';
import { sqliteTransaction } from './transaction.js';

import { fromRow, group, type AmendmentRow, type PositionRow } from '../rows/amendments.js';

/**
 * Amendments, positions and measure statuses in SQLite (tables `amendments`, `amendment_counters`,
 * `amendment_positions`, `measure_positions`, `measure_statuses`), indexed for the lookups the API makes: by
 * document and measure, party or status.
 */
export class SqliteAmendments implements AmendmentsRepository {
  private readonly q;
  private readonly tx;

  constructor(private readonly db: Database.Database) {
    this.tx = sqliteTransaction(db);
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
      hasId: db.prepare('SELECT 1 FROM amendments WHERE id = ?'),
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
      statuses: db.prepare('SELECT measure_id, status, by, at FROM measure_statuses WHERE document_id = ?'),
      removeDocument: [
        'amendment_positions',
        'amendments',
        'amendment_counters',
        'measure_positions',
        'measure_statuses',
        'amendment_settings',
        'amendment_decisions',
      ].map((table) => db.prepare(`DELETE FROM ${table} WHERE document_id = ?`)),
      // The counters of amendments to amendments are kept under "<document>/<parent id>".
      removeSubCounters: db.prepare("DELETE FROM amendment_counters WHERE document_id LIKE ? || '/%'"),
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
      setStatus: db.prepare(
        `INSERT INTO measure_statuses (document_id, measure_id, status, by, at) VALUES (?, ?, ?, ?, ?)
         ON CONFLICT (document_id, measure_id) DO UPDATE SET status = excluded.status, by = excluded.by,
           at = excluded.at`,
      ),
    };
  }

  async nextSeq(documentId: string): Promise<number> {
    return (this.q.bump.get(documentId) as { last: number }).last;
  }

  async insert(amendment: Amendment, seq: number): Promise<void> {
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

  async save(amendment: Amendment): Promise<void> {
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

  async get(documentId: string, id: string): Promise<Amendment | null> {
    const row = this.q.get.get(documentId, id) as AmendmentRow | undefined;
    if (!row) return null;
    return fromRow(row, group(this.q.positionsOf.all(id) as PositionRow[]).get(id) ?? {});
  }

  async list(documentId: string, filter: AmendmentFilter): Promise<Amendment[]> {
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

  async pending(
    documentId: string,
  ): Promise<Pick<Amendment, 'id' | 'number' | 'measureId' | 'party' | 'status' | 'positions'>[]> {
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

  async setPosition(
    documentId: string,
    amendmentId: string,
    party: string,
    record: PositionRecord,
  ): Promise<void> {
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

  async measurePositions(documentId: string, measureId: string): Promise<MeasurePositions> {
    return group(this.q.measurePositions.all(documentId, measureId) as PositionRow[]).get(measureId) ?? {};
  }

  async allMeasurePositions(documentId: string): Promise<Record<string, MeasurePositions>> {
    return Object.fromEntries(group(this.q.allMeasurePositions.all(documentId) as PositionRow[]));
  }

  async setMeasurePosition(
    documentId: string,
    measureId: string,
    party: string,
    record: PositionRecord,
  ): Promise<void> {
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

  async statuses(documentId: string): Promise<Record<string, MeasureStatusRecord>> {
    const rows = this.q.statuses.all(documentId) as {
      measure_id: string;
      status: MeasureStatus;
      by: string;
      at: string;
    }[];
    return Object.fromEntries(rows.map((r) => [r.measure_id, { status: r.status, by: r.by, at: r.at }]));
  }

  async setStatus(documentId: string, measureId: string, record: MeasureStatusRecord): Promise<void> {
    this.q.setStatus.run(documentId, measureId, record.status, record.by, record.at);
  }

  async hasId(id: string): Promise<boolean> {
    return this.q.hasId.get(id) !== undefined;
  }

  transaction<T>(fn: () => Promise<T>): Promise<T> {
    return this.tx(fn);
  }

  async removeDocument(documentId: string): Promise<void> {
    this.removeRows(documentId);
  }

  /** Removes a document's rows, synchronously (inside the store's transaction that replaces it). */
  removeRows(documentId: string): void {
    for (const remove of this.q.removeDocument) remove.run(documentId);
    // Document ids are lower-case letters, digits and dashes (DOCUMENT_ID): nothing LIKE would read as a wildcard.
    this.q.removeSubCounters.run(documentId);
  }

  async nextSubSeq(documentId: string, parentId: string): Promise<number> {
    return (this.q.bump.get(`${documentId}/${parentId}`) as { last: number }).last;
  }

  async subAmendments(documentId: string, parentId: string): Promise<Amendment[]> {
    return (this.q.subAmendments.all(documentId, parentId) as AmendmentRow[]).map((r) =>
      fromRow(r, group(this.q.positionsOf.all(r.id) as PositionRow[]).get(r.id) ?? {}),
    );
  }

  async secretariatIsParty(documentId: string): Promise<boolean> {
    return (this.q.secretariatIsParty.get(documentId) as { value: number } | undefined)?.value === 1;
  }

  async setSecretariatIsParty(documentId: string, value: boolean): Promise<void> {
    this.q.setSecretariatIsParty.run(documentId, value ? 1 : 0);
  }

  async recordDecision(documentId: string, record: DecisionRecord): Promise<void> {
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

  async decisions(documentId: string, amendmentId: string): Promise<DecisionRecord[]> {
    return this.q.decisions.all(documentId, amendmentId) as DecisionRecord[];
  }
}
