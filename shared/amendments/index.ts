/** Amendments, positions and statuses: types and the pure logic both sides use. */
export type * from './types.js';
export { META, PARTY_DRAFTS } from './types.js';
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
export { mayRecordPosition } from './positions.js';
export {
  dashboard,
  positionsMatrix,
  type Dashboard,
  type DashboardChapter,
  type ChapterCounts,
  type PositionsMatrix,
  type MatrixCell,
} from './dashboard.js';
