import type {
  Amendment,
  MeasurePositions,
  MeasureStatus,
  MeasureStatusRecord,
  PositionRecord,
} from '../../../shared/amendments/types.js';
import type { AmendmentFilter, AmendmentsRepository, DecisionRecord } from '../../amendments/repository.js';
import type { PgDatabase } from './db.js';

import { fromRow, group, type AmendmentRow, type PositionRow } from '../rows/amendments.js';

/**
 * Amendments, positions and measure statuses in PostgreSQL (the tables of migrations 4 and 10). `transaction`
 * joins the caller's transaction or begins one; every method inside it runs on its connection.
 */
export class PgAmendments implements AmendmentsRepository {
  constructor(private readonly db: PgDatabase) {}

  private async bump(key: string): Promise<number> {
    const row = await this.db.row<{ last: number }>(
      `INSERT INTO amendment_counters (document_id, last) VALUES (?, 1)
       ON CONFLICT (document_id) DO UPDATE SET last = amendment_counters.last + 1 RETURNING last`,
      [key],
    );
    return row!.last;
  }

  async nextSeq(documentId: string): Promise<number> {
    return this.bump(documentId);
  }

  async nextSubSeq(documentId: string, parentId: string): Promise<number> {
    return this.bump(`${documentId}/${parentId}`);
  }

  async insert(amendment: Amendment, seq: number): Promise<void> {
    const p = this.params(amendment);
    await this.db.query(
      `INSERT INTO amendments (id, document_id, seq, number, measure_id, kind, party, status, text, rationale,
         authors, base_text, grp, created_at, submitted_at, decided_at, decided_by, parent, decision)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      [
        p.id,
        p.documentId,
        seq,
        amendment.number,
        amendment.measureId,
        amendment.kind,
        amendment.party,
        p.status,
        p.text,
        p.rationale,
        p.authors,
        p.baseText,
        p.group,
        amendment.createdAt,
        p.submittedAt,
        p.decidedAt,
        p.decidedBy,
        amendment.parent,
        p.decision,
      ],
    );
  }

  async save(amendment: Amendment): Promise<void> {
    const p = this.params(amendment);
    await this.db.query(
      `UPDATE amendments SET status = ?, text = ?, rationale = ?, authors = ?, base_text = ?, grp = ?,
         submitted_at = ?, decided_at = ?, decided_by = ?, decision = ? WHERE id = ? AND document_id = ?`,
      [
        p.status,
        p.text,
        p.rationale,
        p.authors,
        p.baseText,
        p.group,
        p.submittedAt,
        p.decidedAt,
        p.decidedBy,
        p.decision,
        p.id,
        p.documentId,
      ],
    );
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

  private positionsOf(ids: string[]): Promise<PositionRow[]> {
    return this.db.rows<PositionRow & Record<string, unknown>>(
      `SELECT amendment_id AS key, party, position, note, "by", "at" FROM amendment_positions
       WHERE amendment_id = ANY(?::text[])`,
      [ids],
    );
  }

  private allPositions(documentId: string): Promise<PositionRow[]> {
    return this.db.rows<PositionRow & Record<string, unknown>>(
      `SELECT amendment_id AS key, party, position, note, "by", "at" FROM amendment_positions
       WHERE document_id = ?`,
      [documentId],
    );
  }

  async get(documentId: string, id: string): Promise<Amendment | null> {
    const row = await this.db.row<AmendmentRow & Record<string, unknown>>(
      'SELECT * FROM amendments WHERE document_id = ? AND id = ?',
      [documentId, id],
    );
    if (!row) return null;
    return fromRow(row, group(await this.positionsOf([id])).get(id) ?? {});
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
    const rows = await this.db.rows<AmendmentRow & Record<string, unknown>>(
      `SELECT * FROM amendments WHERE ${where.join(' AND ')} ORDER BY seq`,
      args,
    );
    const positions = group(
      rows.length <= 50 ? await this.positionsOf(rows.map((r) => r.id)) : await this.allPositions(documentId),
    );
    return rows.map((r) => fromRow(r, positions.get(r.id) ?? {}));
  }

  async pending(
    documentId: string,
  ): Promise<Pick<Amendment, 'id' | 'number' | 'measureId' | 'party' | 'status' | 'positions'>[]> {
    const rows = await this.db.rows<{ id: string; number: string; measure_id: string; party: string }>(
      "SELECT id, number, measure_id, party FROM amendments WHERE document_id = ? AND status = 'submitted' ORDER BY seq",
      [documentId],
    );
    const positions = group(await this.allPositions(documentId));
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
    await this.db.query(
      `INSERT INTO amendment_positions (document_id, amendment_id, party, position, note, "by", "at")
       VALUES (?, ?, ?, ?, ?, ?, ?)
       ON CONFLICT (amendment_id, party) DO UPDATE SET position = excluded.position,
         note = excluded.note, "by" = excluded."by", "at" = excluded."at"`,
      [documentId, amendmentId, party, record.position, record.note, record.by, record.at],
    );
  }

  async measurePositions(documentId: string, measureId: string): Promise<MeasurePositions> {
    const rows = await this.db.rows<PositionRow & Record<string, unknown>>(
      `SELECT measure_id AS key, party, position, note, "by", "at" FROM measure_positions
       WHERE document_id = ? AND measure_id = ?`,
      [documentId, measureId],
    );
    return group(rows).get(measureId) ?? {};
  }

  async allMeasurePositions(documentId: string): Promise<Record<string, MeasurePositions>> {
    const rows = await this.db.rows<PositionRow & Record<string, unknown>>(
      'SELECT measure_id AS key, party, position, note, "by", "at" FROM measure_positions WHERE document_id = ?',
      [documentId],
    );
    return Object.fromEntries(group(rows));
  }

  async setMeasurePosition(
    documentId: string,
    measureId: string,
    party: string,
    record: PositionRecord,
  ): Promise<void> {
    await this.db.query(
      `INSERT INTO measure_positions (document_id, measure_id, party, position, note, "by", "at")
       VALUES (?, ?, ?, ?, ?, ?, ?)
       ON CONFLICT (document_id, measure_id, party) DO UPDATE SET position = excluded.position,
         note = excluded.note, "by" = excluded."by", "at" = excluded."at"`,
      [documentId, measureId, party, record.position, record.note, record.by, record.at],
    );
  }

  async statuses(documentId: string): Promise<Record<string, MeasureStatusRecord>> {
    const rows = await this.db.rows<{ measure_id: string; status: MeasureStatus; by: string; at: string }>(
      'SELECT measure_id, status, "by", "at" FROM measure_statuses WHERE document_id = ?',
      [documentId],
    );
    return Object.fromEntries(rows.map((r) => [r.measure_id, { status: r.status, by: r.by, at: r.at }]));
  }

  async setStatus(documentId: string, measureId: string, record: MeasureStatusRecord): Promise<void> {
    await this.db.query(
      `INSERT INTO measure_statuses (document_id, measure_id, status, "by", "at") VALUES (?, ?, ?, ?, ?)
       ON CONFLICT (document_id, measure_id) DO UPDATE SET status = excluded.status, "by" = excluded."by",
         "at" = excluded."at"`,
      [documentId, measureId, record.status, record.by, record.at],
    );
  }

  async hasId(id: string): Promise<boolean> {
    return (await this.db.row('SELECT 1 FROM amendments WHERE id = ?', [id])) !== null;
  }

  transaction<T>(fn: () => Promise<T>): Promise<T> {
    return this.db.transaction(fn, { join: true });
  }

  async removeDocument(documentId: string): Promise<void> {
    for (const table of [
      'amendment_positions',
      'amendments',
      'amendment_counters',
      'measure_positions',
      'measure_statuses',
      'amendment_settings',
      'amendment_decisions',
    ])
      await this.db.query(`DELETE FROM ${table} WHERE document_id = ?`, [documentId]);
    // The counters of amendments to amendments are kept under "<document>/<parent id>".
    await this.db.query("DELETE FROM amendment_counters WHERE document_id LIKE ? || '/%'", [documentId]);
  }

  async subAmendments(documentId: string, parentId: string): Promise<Amendment[]> {
    const rows = await this.db.rows<AmendmentRow & Record<string, unknown>>(
      'SELECT * FROM amendments WHERE document_id = ? AND parent = ? ORDER BY seq',
      [documentId, parentId],
    );
    const positions = group(await this.positionsOf(rows.map((r) => r.id)));
    return rows.map((r) => fromRow(r, positions.get(r.id) ?? {}));
  }

  async secretariatIsParty(documentId: string): Promise<boolean> {
    const row = await this.db.row<{ value: number }>(
      'SELECT secretariat_is_party AS value FROM amendment_settings WHERE document_id = ?',
      [documentId],
    );
    return row?.value === 1;
  }

  async setSecretariatIsParty(documentId: string, value: boolean): Promise<void> {
    await this.db.query(
      `INSERT INTO amendment_settings (document_id, secretariat_is_party) VALUES (?, ?)
       ON CONFLICT (document_id) DO UPDATE SET secretariat_is_party = excluded.secretariat_is_party`,
      [documentId, value ? 1 : 0],
    );
  }

  async recordDecision(documentId: string, record: DecisionRecord): Promise<void> {
    await this.db.query(
      `INSERT INTO amendment_decisions (document_id, amendment_id, move, note, detail, "by", "at")
       VALUES (?, ?, ?, ?, ?, ?, ?)`,
      [documentId, record.amendmentId, record.move, record.note, record.detail, record.by, record.at],
    );
  }

  async decisions(documentId: string, amendmentId: string): Promise<DecisionRecord[]> {
    return this.db.rows<DecisionRecord & Record<string, unknown>>(
      `SELECT amendment_id AS "amendmentId", move, note, detail, "by", "at" FROM amendment_decisions
       WHERE document_id = ? AND amendment_id = ? ORDER BY seq`,
      [documentId, amendmentId],
    );
  }
}
