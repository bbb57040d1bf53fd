/**
 * Amendments (amendementen): a party's proposed change to one measure. An amendment stores the full
 * proposed text, never a patch; its diff is computed when shown, so it can be re-applied after the measure
 * moved on.
 */

export type AmendmentKind = 'replace' | 'insert' | 'delete';

/** The lifecycle. A draft lives in its party's private room; from `submitted` on, everyone sees it. */
export type AmendmentStatus = 'draft' | 'submitted' | 'accepted' | 'rejected' | 'withdrawn';

export type Position = 'support' | 'oppose' | 'reservation' | 'none';

export type MeasureStatus = 'open' | 'agreed' | 'disputed' | 'parked';

export interface PositionRecord {
  position: Position;
  note: string | null;
  /** Person id and time of the last change. */
  by: string;
  at: string;
}

export interface Amendment {
  /** Stable id. */
  id: string;
  /** Human number such as "A-17", never reused or changed. */
  number: string;
  documentId: string;
  /** The measure it targets (for `insert`: the measure after which the new one comes). */
  measureId: string;
  kind: AmendmentKind;
  /** The full proposed text (replace, insert); null for delete. */
  text: string | null;
  rationale: string;
  /** Party short name. */
  party: string;
  /** Person ids of its authors. */
  authors: string[];
  status: AmendmentStatus;
  /** The measure's text when the amendment was submitted: the base its changes are relative to. */
  baseText: string | null;
  /** Alternatives group: accepting one rejects the others. */
  group: string | null;
  positions: Record<string, PositionRecord>;
  createdAt: string;
  submittedAt: string | null;
  decidedAt: string | null;
  /** Who decided (person id), when accepted or rejected. */
  decidedBy: string | null;
}
