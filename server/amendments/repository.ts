import type {
  Amendment,
  AmendmentStatus,
  MeasurePositions,
  MeasureStatusRecord,
  PositionRecord,
} from '../../shared/amendments/types.js';

/** Which amendments to list. Drafts are listed only for `draftsOf` (the caller's own party). */
export interface AmendmentFilter {
  measure?: string;
  party?: string;
  status?: AmendmentStatus;
  draftsOf: string | null;
}

/**
 * Amendments, positions and measure statuses: the source of truth for the API and lists (the meta room
 * mirrors them live for browsers). The SQLite implementation is `storage/sqlite/amendments.ts`.
 */
export interface AmendmentsRepository {
  /** The next number of a document's amendments (1, 2, …): never reused, even when one is withdrawn. */
  nextSeq(documentId: string): number;
  /** Stores a new amendment; `seq` is its number's digits. */
  insert(amendment: Amendment, seq: number): void;
  /** Saves the changing fields of an amendment (status, texts, group, dates). */
  save(amendment: Amendment): void;
  /** One amendment with its positions, or null. */
  get(documentId: string, id: string): Amendment | null;
  /** Whether an amendment of any document has this id (ids are unique in the database). */
  hasId(id: string): boolean;
  /** Amendments by number, filtered; other parties' drafts are never listed. */
  list(documentId: string, filter: AmendmentFilter): Amendment[];
  /**
   * The pending (submitted) amendments without their texts: what the dashboard and the positions matrix
   * need, read without the texts that make up most of a row.
   */
  pending(
    documentId: string,
  ): Pick<Amendment, 'id' | 'number' | 'measureId' | 'party' | 'status' | 'positions'>[];
  /** Records a party's position on an amendment. */
  setPosition(documentId: string, amendmentId: string, party: string, record: PositionRecord): void;
  /** The parties' positions on one measure. */
  measurePositions(documentId: string, measureId: string): MeasurePositions;
  /** The parties' positions on every measure that has one: measure id → positions. */
  allMeasurePositions(documentId: string): Record<string, MeasurePositions>;
  /** Records a party's position on a measure. */
  setMeasurePosition(documentId: string, measureId: string, party: string, record: PositionRecord): void;
  /** Every measure status set so far: measure id → record (measures without one are open). */
  statuses(documentId: string): Record<string, MeasureStatusRecord>;
  /** Sets a measure's negotiation status. */
  setStatus(documentId: string, measureId: string, record: MeasureStatusRecord): void;
  /** Runs `fn` in one transaction: all of its writes are stored, or none. */
  transaction<T>(fn: () => T): T;
  /** Removes a document's amendments, their positions and counter, and its measures' positions and statuses. */
  removeDocument(documentId: string): void;
}
