import type { Op } from '../diff/index.js';
import type { Action, Role } from '../auth/roles.js';
/**
 * Amendments (amendementen): a party's proposed change to one measure. An amendment stores the full
 * proposed text, never a patch; its diff is computed when shown, so it can be re-applied after the measure
 * moved on.
 */

/**
 * The lists below are the one spelling of each set of words: the types derive from them, the server's
 * validation derives its zod enums from them (`z.enum(AMENDMENT_KINDS)`), the client lists its choices.
 */

/** What an amendment does to its measure, in the order the interface offers them. */
export const AMENDMENT_KINDS = ['replace', 'insert', 'delete'] as const;
export type AmendmentKind = (typeof AMENDMENT_KINDS)[number];

/** The lifecycle. A draft lives in its party's private room; from `submitted` on, everyone sees it. */
export const AMENDMENT_STATUSES = ['draft', 'submitted', 'accepted', 'rejected', 'withdrawn'] as const;
export type AmendmentStatus = (typeof AMENDMENT_STATUSES)[number];

/** A party's position on an amendment or a measure. */
export const POSITIONS = ['support', 'oppose', 'reservation', 'none'] as const;
export type Position = (typeof POSITIONS)[number];

/** A measure's negotiation status, as the chair sets it ('open' until then). */
export const MEASURE_STATUSES = ['open', 'agreed', 'disputed', 'parked'] as const;
export type MeasureStatus = (typeof MEASURE_STATUSES)[number];

/** The measure statuses in the order they are counted and filtered: the settled ones first, open last. */
export const MEASURE_STATUS_REPORT_ORDER = [
  'agreed',
  'disputed',
  'parked',
  'open',
] as const satisfies readonly MeasureStatus[];

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

/** A party's position on a measure (the same record as on an amendment). */
export type MeasurePositions = Record<string, PositionRecord>;

/** A measure's negotiation status as recorded: who set it, when. */
export interface MeasureStatusRecord {
  status: MeasureStatus;
  by: string;
  at: string;
}

/** Who acts on an amendment: the person, their party and role (as the server knows them). */
export interface Actor {
  personId: string;
  party: string;
  role: Role;
}

/**
 * Why a move on an amendment is refused, in the domain's terms (the server's edges give each kind its
 * number), with one sentence for the person: forbidden (for this role and action), a conflict with the
 * amendment's state or the measure's text, or an invalid move.
 */
export type Refusal =
  | { refused: true; kind: 'forbidden'; role: Role; action: Action; reason: string }
  | { refused: true; kind: 'conflict'; conflictsWith: string; reason: string }
  | { refused: true; kind: 'invalid'; reason: string };

/** A diff op: -1 deleted, 0 kept, 1 inserted (the diff engine's `Op`). */
export type DiffOp = Op;

/**
 * An amendment as shown: the stored amendment plus what is computed from the live text. Never stored.
 */
export interface AmendmentView extends Amendment {
  /** The text the amendment would give the measure now (re-applied onto the current text when clean). */
  effectiveText: string | null;
  /** True when the measure changed since submission in a way that overlaps the amendment's own changes. */
  conflict: boolean;
  /** Ids of other pending amendments on the same measure whose changes overlap this one's. */
  collidesWith: string[];
  /** Word diff of the current measure text → what the amendment would make of it. */
  diffCurrent: DiffOp[];
  /** Word diff of the original (imported) measure text → what the amendment would make of it. */
  diffOriginal: DiffOp[];
}

/** The meta room's map names: the server writes them, browsers read them live. */
export const META = {
  /** id → Amendment (plain JSON), every amendment from `submitted` on. */
  amendments: 'amendments',
  /** measureId → MeasurePositions. */
  measurePositions: 'measurePositions',
  /** measureId → MeasureStatusRecord. */
  measureStatuses: 'measureStatuses',
} as const;

/** The party room's map of draft amendments: id → Y.Map (see `DraftFields`). */
export const PARTY_DRAFTS = 'amendments';

/**
 * The fields of a draft's Y.Map in the party room: `id`, `number`, `measureId`, `kind`, `createdAt`
 * (strings), `text` and `rationale` (Y.Text, drafted live), `authors` (Y.Array of person ids).
 */
export type DraftFields =
  'id' | 'number' | 'measureId' | 'kind' | 'createdAt' | 'text' | 'rationale' | 'authors';
