import type { AuditEntry, AuditLog, LastChange } from '../audit.js';
import { entryHash, GENESIS, sha256, verifyChain, type StoredAuditEntry } from '../auditChain.js';
import type { PgDatabase } from './db.js';

import { toEntry, toStored, type AuditRow as Row } from '../rows/audit.js';

/**
 * The lock that makes appends to the chain one at a time across every instance: each entry's `prev_hash` is
 * the hash of the entry before it, so two writers must not read the same last entry. Held by the
 * transaction that stores an update and its entry (`pg_advisory_xact_lock`), released at its commit.
 */
export const AUDIT_CHAIN_LOCK = 0x61756469;

/**
 * The chain's newest hash as one transaction knows it: read once, then kept as the transaction appends (it
 * holds `AUDIT_CHAIN_LOCK`, so no one else appends meanwhile).
 */
export interface ChainHead {
  hash?: string;
}

/** How many rows `verify` reads at a time (the log grows with every keystroke). */
const VERIFY_BATCH = 5_000;

/** The audit log in PostgreSQL (tables `audit` and `audit_measures`). */
export class PgAuditLog implements AuditLog {
  constructor(private readonly db: PgDatabase) {}

  /**
   * Records one stored update; the store calls it inside the transaction that stored the update, which holds
   * `AUDIT_CHAIN_LOCK` from before it read the last hash.
   */
  async record(entry: Omit<AuditEntry, 'seq'>, update: Uint8Array, chain: ChainHead = {}): Promise<void> {
    const prevHash =
      chain.hash ??
      (await this.db.row<{ hash: string }>('SELECT hash FROM audit ORDER BY seq DESC LIMIT 1'))?.hash ??
      GENESIS;
    const updateHash = sha256(update);
    const hash = entryHash({ ...entry, updateHash, prevHash });
    const inserted = await this.db.row<{ seq: number }>(
      `INSERT INTO audit (kind, room, document_id, update_seq, person_id, person_name, party, on_behalf_of,
         measure_ids, at, update_hash, prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING seq`,
      [
        entry.kind,
        entry.room,
        entry.documentId,
        entry.updateSeq,
        entry.personId,
        entry.personName,
        entry.party,
        entry.onBehalfOf,
        JSON.stringify(entry.measureIds),
        entry.at,
        updateHash,
        prevHash,
        hash,
      ],
    );
    chain.hash = hash;
    if (entry.measureIds.length > 0)
      await this.db.query(
        'INSERT INTO audit_measures (document_id, measure_id, audit_seq) SELECT ?, unnest(?::text[]), ?',
        [entry.documentId, entry.measureIds, inserted!.seq],
      );
  }

  async forMeasure(documentId: string, measureId: string, limit = 200): Promise<AuditEntry[]> {
    const rows = await this.db.rows<Row>(
      `SELECT a.* FROM audit_measures m JOIN audit a ON a.seq = m.audit_seq
       WHERE m.document_id = ? AND m.measure_id = ? ORDER BY a.seq DESC LIMIT ?`,
      [documentId, measureId, limit],
    );
    return rows.map(toEntry);
  }

  async lastChanges(documentId: string, until: string | null = null): Promise<LastChange[]> {
    return this.db.rows<LastChange & Record<string, unknown>>(
      `SELECT DISTINCT ON (m.measure_id) m.measure_id AS "measureId", a.person_id AS "personId",
         a.person_name AS "personName", a.party AS party, a.on_behalf_of AS "onBehalfOf", a.at AS at
       FROM audit_measures m JOIN audit a ON a.seq = m.audit_seq
       WHERE m.document_id = ? AND a.room = ? AND a.person_id IS NOT NULL AND (?::text IS NULL OR a.at <= ?)
       ORDER BY m.measure_id, a.seq DESC`,
      [documentId, documentId, until, until],
    );
  }

  async lastImport(documentId: string): Promise<number | null> {
    const row = await this.db.row<{ seq: number | null }>(
      "SELECT MAX(seq) AS seq FROM audit WHERE document_id = ? AND room = document_id AND kind = 'import'",
      [documentId],
    );
    return row?.seq ?? null;
  }

  async verify(): Promise<string[]> {
    const entries: StoredAuditEntry[] = [];
    for (let after = 0; ;) {
      const rows = await this.db.rows<Row>('SELECT * FROM audit WHERE seq > ? ORDER BY seq LIMIT ?', [
        after,
        VERIFY_BATCH,
      ]);
      for (const r of rows) entries.push(toStored(r));
      if (rows.length < VERIFY_BATCH) break;
      after = rows.at(-1)!.seq;
    }
    const updates = await this.db.rows<{ seq: number; data: Buffer }>('SELECT seq, data FROM updates');
    return verifyChain(entries, updates);
  }

  async removeDocument(documentId: string): Promise<void> {
    await this.db.query('DELETE FROM audit_measures WHERE document_id = ?', [documentId]);
  }
}
