/** The diff engine: word-level text diffs and structure-aware agenda comparison. Pure functions. */
export type {
  AgendaDiff,
  AttributedOp,
  AttributedUnit,
  Attribution,
  Author,
  ChapterSummary,
  DiffStats,
  Op,
  StatusCounts,
  UnitDiff,
  UnitKind,
  UnitStatus,
} from './types.js';
export { diffText, MIN_KEPT_WORD_SHARE } from './text.js';
export { diffAgenda } from './agenda.js';
export { diffStats } from './stats.js';
export { normalizeText } from './normalize.js';
export { sideOf, hasChanges } from './ops.js';
export { MIN_SHARED_CHARS, MIN_SHARED_SHARE } from './refine.js';
export { attributeOps, authorsOf, rawOffsets, sameAuthor, type TextAuthors } from './authors.js';
