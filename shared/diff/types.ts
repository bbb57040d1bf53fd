/**
 * Types of the diff engine: text operations, per-unit results of an agenda comparison and the
 * per-chapter counts built from them.
 */

/**
 * One diff operation, diff-match-patch style: `-1` text only in the old version, `0` text in both,
 * `1` text only in the new version. Texts are in normalised form (see `normalizeText`).
 */
export type Op = [-1 | 0 | 1, string];

/** What happened to a unit (a measure, title, paragraph, …) between the two versions. */
export type UnitStatus = 'unchanged' | 'changed' | 'added' | 'removed' | 'moved';

/** The kinds of text unit an agenda is compared in. */
export type UnitKind =
  | 'measure'
  | 'chapter-title'
  | 'section-title'
  | 'intro'
  | 'chapter-intro'
  | 'section-intro'
  | 'title'
  | 'signature'
  | 'footnote';

/** The comparison of one text unit of the agenda. */
export interface UnitDiff {
  /**
   * Unique within one `AgendaDiff`. A measure's own stable id; for other units an id derived from
   * their container: `title`, `intro/0`, `signature`, `<chapterId>/title`, `<chapterId>/intro/0`,
   * `<sectionId>/title`, `<sectionId>/intro/0`, `footnote/<marker>`.
   */
  id: string;
  kind: UnitKind;
  /** Display number in the new version, or in the old one for removed units; `''` when unnumbered. */
  number: string;
  /** Chapter the unit belongs to (the new one; the old one for removed units); null outside chapters. */
  chapterId: string | null;
  status: UnitStatus;
  /**
   * The text diff. Unchanged: one equal op (none for empty text); added: one insert; removed: one
   * delete; changed and moved: the `diffText` result, which for a moved unit may be all equal.
   */
  ops: Op[];
  /** Number in the old version, when the unit exists there and is numbered. */
  fromNumber?: string;
  /** Number in the new version, when the unit exists there and is numbered. */
  toNumber?: string;
}

/** Counts of measures per status. */
export type StatusCounts = Record<UnitStatus, number>;

/** Measure counts of one chapter (new version's number and title, the old one's for removed chapters). */
export interface ChapterSummary extends StatusCounts {
  chapterId: string;
  number: string;
  title: string;
}

/** The structure-aware comparison of two agendas. */
export interface AgendaDiff {
  /** All units in the new version's document order, removed ones where they stood in the old one. */
  units: UnitDiff[];
  /** One summary per chapter, in the order of `units`; counts measures only. */
  chapters: ChapterSummary[];
  /** Measure counts over the whole agenda. */
  total: StatusCounts;
}

/** Word counts of a text diff. */
export interface DiffStats {
  /** Words (or word fragments, for a change inside a word) in insert ops. */
  wordsInserted: number;
  /** Words (or word fragments) in delete ops. */
  wordsDeleted: number;
}

/** Who last changed a measure, as the server's audit trail knows it. */
export interface Attribution {
  /** The person's name. */
  person: string;
  /** Their party's short name. */
  party: string;
  /** When (ISO 8601). */
  at: string;
}

/**
 * Who wrote (an insert) or removed (a delete) a run of text, as the server's attribution index knows it: by
 * the Yjs items of the text, so a run two people wrote is two runs.
 */
export interface Author {
  /** The person's id; null for Akkoord itself (the import, numbering) or when not known. */
  person: string | null;
  /** The person's name as it was at the time (for Akkoord itself: "Akkoord"). */
  name: string;
  /** Their party's short name; for an accepted amendment the proposing party. Null for Akkoord itself. */
  party: string | null;
  /** When the change was stored (ISO 8601); for a run of several changes, the newest. */
  at: string;
  /** For an accepted amendment: the chair who accepted it (the words are the proposing party's). */
  decidedBy?: { person: string; name: string };
}

/**
 * A diff op with its author: `[1, "tekst", author]` for an insert, `[-1, "tekst", author]` for a delete.
 * Equal ops, and changes nobody is known for, keep two elements.
 */
export type AttributedOp = Op | [-1 | 1, string, Author];

/**
 * A unit of the diff API: the engine's unit with every insert and delete op split by author (see
 * `attributeOps`), and for a changed measure who last changed it where known.
 */
export type AttributedUnit = Omit<UnitDiff, 'ops'> & { ops: AttributedOp[]; attribution?: Attribution };
