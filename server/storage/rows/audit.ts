import type { AuditEntry } from '../audit.js';
import type { StoredAuditEntry } from '../auditChain.js';

/** A row of the audit table as both stores read it, and how it becomes an entry. */
export interface AuditRow {
  seq: number;
  kind: AuditEntry['kind'];
  room: string;
  document_id: string;
  update_seq: number;
  person_id: string | null;
  person_name: string | null;
  party: string | null;
  on_behalf_of: string | null;
  measure_ids: string;
  at: string;
  update_hash: string;
  prev_hash: string;
  hash: string;
}

export const toEntry = (r: AuditRow): AuditEntry => ({
  seq: r.seq,
  kind: r.kind,
  room: r.room,
  documentId: r.document_id,
  updateSeq: r.update_seq,
  personId: r.person_id,
  personName: r.person_name,
  party: r.party,
  onBehalfOf: r.on_behalf_of ?? null,
  measureIds: JSON.parse(r.measure_ids) as string[],
  at: r.at,
});

export const toStored = (r: AuditRow): StoredAuditEntry => ({
  ...toEntry(r),
  updateHash: r.update_hash,
  prevHash: r.prev_hash,
  hash: r.hash,
});
