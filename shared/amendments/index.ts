/** Amendments, positions and statuses: types and the pure logic both sides use. */
export type * from './types.js';
export { META, PARTY_DRAFTS, VERDICTS } from './types.js';
export { transition, isRefusal, type AmendmentAction } from './lifecycle.js';
export {
  reapply,
  changesOf,
  overlaps,
  anyOverlap,
  applyChanges,
  type Change,
  type Reapplication,
} from './reapply.js';
export { viewAmendments } from './view.js';
export {
  objections,
  objectionsClause,
  proposedChanges,
  withChanges,
  verdictOfChanges,
  undoChange,
  compareNumbers,
  type ProposedChange,
} from './decisions.js';
export { mayRecordPosition, takesPositions } from './positions.js';
export {
  dashboard,
  positionsMatrix,
  type Dashboard,
  type DashboardChapter,
  type ChapterCounts,
  type PositionsMatrix,
  type MatrixCell,
} from './dashboard.js';
