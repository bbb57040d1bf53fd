/** Who last changed a measure, and when. */
export interface LastChange {
  measureId: string;
  personId: string;
  personName: string | null;
  party: string | null;
  onBehalfOf: string | null;
  at: string;
  /** The stored update of the change (its rows in the attribution index have the same number). */
  updateSeq: number;
}

/** What one audit entry says: which stored bytes, of which room, came from whom, touching which measures. */
export interface AuditEntry {
  seq: number;
  kind: 'import' | 'update' | 'compact';
  room: string;
  documentId: string;
  updateSeq: number;
  personId: string | null;
  personName: string | null;
  party: string | null;
  /** The party a change was made for by someone else (the chair accepting an amendment), else null. */
  onBehalfOf: string | null;
  measureIds: string[];
  at: string;
}

/**
 * The append-only audit log: one entry per stored update (and per import and compaction), hash-chained
 * (`auditChain.ts`), so that editing the database by hand — an entry, or the bytes of a stored update — is
 * found by `verify`. The store writes it, in the transaction of each update it stores; this is how everyone
 * else reads it.
 *
 * When a document is replaced its entries stay: the chain cannot lose a link and stay verifiable. What goes
 * is their index by measure (`removeDocument`), so the new text's measures — whose ids the old text may have
 * used too — are not credited with the old text's changes.
 */
export interface AuditLog {
  /** The changes to one measure, newest first. */
  forMeasure(documentId: string, measureId: string, limit?: number): AuditEntry[];
  /**
   * Who last changed each measure of a document's text (people only, not the import), and when; with
   * `until`, as it stood at that moment.
   */
  lastChanges(documentId: string, until?: string | null): LastChange[];
  /**
   * Checks the chain and the stored updates against it. Returns the problems found, each a sentence; an
   * empty list means the log and every stored update are as written.
   */
  verify(): string[];
  /**
   * The audit entry of a document's (latest) import, or null: it tells one import of a document id from a
   * later one that replaced it (`import --replace`).
   */
  lastImport(documentId: string): number | null;
  /** Forgets which measures a document's entries touched (the entries themselves stay). */
  removeDocument(documentId: string): void;
}
