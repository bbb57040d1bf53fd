/** Per-chapter and overall measure counts of an agenda diff. */
import type { Agenda } from '../agenda/types.js';
import type { ChapterSummary, StatusCounts, UnitDiff } from './types.js';

/** All-zero measure counts. */
export function emptyCounts(): StatusCounts {
  return { unchanged: 0, changed: 0, added: 0, removed: 0, moved: 0 };
}

/**
 * One summary per chapter met in `units` (in that order), counting the measures by status; a
 * chapter's number and title come from `to`, or from `from` for a removed chapter.
 */
export function summarizeChapters(units: readonly UnitDiff[], from: Agenda, to: Agenda): ChapterSummary[] {
  const oldChapters = new Map(from.chapters.map((chapter) => [chapter.id, chapter]));
  const newChapters = new Map(to.chapters.map((chapter) => [chapter.id, chapter]));
  const summaries = new Map<string, ChapterSummary>();
  for (const unit of units) {
    if (unit.chapterId === null) continue;
    let summary = summaries.get(unit.chapterId);
    if (!summary) {
      const chapter = newChapters.get(unit.chapterId) ?? oldChapters.get(unit.chapterId);
      summary = {
        chapterId: unit.chapterId,
        number: chapter ? String(chapter.number) : '',
        title: chapter?.title ?? '',
        ...emptyCounts(),
      };
      summaries.set(unit.chapterId, summary);
    }
    if (unit.kind === 'measure') summary[unit.status]++;
  }
  return [...summaries.values()];
}

/** Measure counts over all units. */
export function totalCounts(units: readonly UnitDiff[]): StatusCounts {
  const total = emptyCounts();
  for (const unit of units) if (unit.kind === 'measure') total[unit.status]++;
  return total;
}
