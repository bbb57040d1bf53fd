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
  /**
   * The amendment this one changes (an amendment to an amendment, numbered "A-7.1"), or null. Its text is
   * then the parent's text as it proposes it, and it is decided before its parent.
   */
  parent: string | null;
  /** The chair's decision so far: its note, per-change verdicts and the text changes made; null before. */
  decision: Decision | null;
}

/** How the chair decided an amendment as a whole. */
export const VERDICTS = ['accepted', 'accepted-with-changes', 'rejected'] as const;
export type Verdict = (typeof VERDICTS)[number];

/** A verdict on one change (a word run) of an amendment, decided on its own as in Word's track changes. */
export interface ChangeVerdict {
  verdict: 'accepted' | 'rejected';
  /** The words the change took out of the measure's text, and the words it put in. */
  removed: string;
  inserted: string;
  note: string | null;
  by: string;
  at: string;
}

/**
 * One change a decision made to the text, kept so that reopening can undo it: a measure's text replaced
 * (`by` says whose words went in: the party's, or the chair's compromise), a measure inserted or deleted
 * (with where it stood), or — for an amendment to an amendment — its parent's proposed text replaced.
 */
export type TextStep =
  | { kind: 'replace'; measureId: string; before: string; after: string; by: 'party' | 'chair' }
  | { kind: 'insert'; measureId: string; text: string }
  | { kind: 'delete'; measureId: string; text: string; sectionId: string; afterMeasureId: string | null }
  | { kind: 'parent'; parentId: string; before: string; after: string };

/** The chair's decision on an amendment (and, while only some of its changes are decided, the story so far). */
export interface Decision {
  /** The verdict on the whole; null while only some of its changes have been decided. */
  verdict: Verdict | null;
  /** The chair's note with the decision, shown on the card, in the decisions' history and in exports. */
  note: string | null;
  /** Accepted with changes: the text the chair accepted. */
  compromise: string | null;
  /** The verdicts on single changes, in the order they were given. */
  changes: ChangeVerdict[];
  /** The changes made to the text, in order; reopening undoes them last first. */
  steps: TextStep[];
  /** The amendment's text and base as proposed before the first decision (reopening restores them). */
  proposal: { text: string | null; baseText: string | null };
}

/** A party's objection to accepting an amendment: its position against it or its reservation, with the note. */
export interface Objection {
  party: string;
  position: 'oppose' | 'reservation';
  note: string | null;
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
  | {
      refused: true;
      kind: 'conflict';
      conflictsWith: string;
      reason: string;
      /** The objections a decision must be confirmed over (the client lists them and asks). */
      objections?: Objection[];
    }
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
  /**
   * Whether the original differs from the text `diffCurrent` starts from (the measure now, or the parent's
   * proposal): when not, the two diffs are the same and a card shows one.
   */
  originalDiffers: boolean;
}

/** The meta room's map names: the server writes them, browsers read them live. */
export const META = {
  /** id → Amendment (plain JSON), every amendment from `submitted` on. */
  amendments: 'amendments',
  /** measureId → MeasurePositions. */
  measurePositions: 'measurePositions',
  /** measureId → MeasureStatusRecord. */
  measureStatuses: 'measureStatuses',
  /** The document's settings (also `drafting`, written by the people feature). */
  settings: 'settings',
} as const;

/**
 * The settings key (in `META.settings`) saying whether the secretariat is a party to the agreement: only
 * then does it record positions (a boolean; absent means no).
 */
export const SECRETARIAT_IS_PARTY = 'secretariatIsParty';

/** The party room's map of draft amendments: id → Y.Map (see `DraftFields`). */
export const PARTY_DRAFTS = 'amendments';

/**
 * The fields of a draft's Y.Map in the party room: `id`, `number`, `measureId`, `kind`, `createdAt`
 * (strings), `parent` (the amendment it changes, only on an amendment to an amendment), `text` and
 * `rationale` (Y.Text, drafted live; suggesting mode marks typed runs with an `author` attribute),
 * `authors` (Y.Array of person ids).
 */
export type DraftFields =
  'id' | 'number' | 'measureId' | 'kind' | 'createdAt' | 'parent' | 'text' | 'rationale' | 'authors';
