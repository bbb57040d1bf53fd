import type {
  Amendment,
  AmendmentStatus,
  MeasurePositions,
  MeasureStatusRecord,
  PositionRecord,
} from '../../shared/amendments/types.js';

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

/**
 * The `seq` of an amendment's row, from its number: "A-7" → 7; an amendment to an amendment sorts right
 * after its parent and before the next one, "A-7.1" → 7.001 (a parent has at most 999 amendments to it), so
 * `ORDER BY seq` lists.
 */
export function seqOfNumber(number: string): number {
  const [whole = 0, sub = 0] = (number.match(/\d+/g) ?? []).map(Number);
  return whole + sub / 1000;
}

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
  nextSeq(documentId: string): Promise<number>;
  /**
   * The next number of the amendments to one amendment (1, 2, …, for "A-7.1", "A-7.2"): a counter per
   * parent, never reused.
   */
  nextSubSeq(documentId: string, parentId: string): Promise<number>;
  /** The amendments to one amendment (drafts included), by number. */
  subAmendments(documentId: string, parentId: string): Promise<Amendment[]>;
  /** Whether the secretariat is a party to the agreement of a document (and so records positions). */
  secretariatIsParty(documentId: string): Promise<boolean>;
  /** Sets whether the secretariat is a party to the agreement. */
  setSecretariatIsParty(documentId: string, value: boolean): Promise<void>;
  /** Adds a move to an amendment's decision history. */
  recordDecision(documentId: string, record: DecisionRecord): Promise<void>;
  /** An amendment's decision history, oldest first. */
  decisions(documentId: string, amendmentId: string): Promise<DecisionRecord[]>;
  /** Stores a new amendment; `seq` orders it (see `seqOfNumber`). */
  insert(amendment: Amendment, seq: number): Promise<void>;
  /** Saves the changing fields of an amendment (status, texts, group, dates). */
  save(amendment: Amendment): Promise<void>;
  /** One amendment with its positions, or null. */
  get(documentId: string, id: string): Promise<Amendment | null>;
  /** Whether an amendment of any document has this id (ids are unique in the database). */
  hasId(id: string): Promise<boolean>;
  /** Amendments by number, filtered; other parties' drafts are never listed. */
  list(documentId: string, filter: AmendmentFilter): Promise<Amendment[]>;
  /**
   * The pending (submitted) amendments without their texts: what the dashboard and the positions matrix
   * need, read without the texts that make up most of a row.
   */
  pending(
    documentId: string,
  ): Promise<Pick<Amendment, 'id' | 'number' | 'measureId' | 'party' | 'status' | 'positions'>[]>;
  /** Records a party's position on an amendment. */
  setPosition(documentId: string, amendmentId: string, party: string, record: PositionRecord): Promise<void>;
  /** The parties' positions on one measure. */
  measurePositions(documentId: string, measureId: string): Promise<MeasurePositions>;
  /** The parties' positions on every measure that has one: measure id → positions. */
  allMeasurePositions(documentId: string): Promise<Record<string, MeasurePositions>>;
  /** Records a party's position on a measure. */
  setMeasurePosition(
    documentId: string,
    measureId: string,
    party: string,
    record: PositionRecord,
  ): Promise<void>;
  /** Every measure status set so far: measure id → record (measures without one are open). */
  statuses(documentId: string): Promise<Record<string, MeasureStatusRecord>>;
  /** Sets a measure's negotiation status. */
  setStatus(documentId: string, measureId: string, record: MeasureStatusRecord): Promise<void>;
  /** Runs `fn` in one transaction: all of its writes are stored, or none. */
  transaction<T>(fn: () => Promise<T>): Promise<T>;
  /** Removes a document's amendments, their positions and counter, and its measures' positions and statuses. */
  removeDocument(documentId: string): Promise<void>;
}
