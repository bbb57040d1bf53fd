/**
 * The state of the negotiation: per chapter how many measures are agreed, disputed, parked and open and how
 * many amendments are pending; and the positions matrix of a chapter. Pure functions over plain values.
 */
import type { Amendment, MeasureStatus, Position } from './types.js';

/** A chapter as the dashboard needs it: its measures in order. */
export interface DashboardChapter {
  id: string;
  /** The chapter's stable number ("2", "2a"). */
  number: string;
  title: string;
  measureIds: string[];
}

/** The counts of one chapter (or of the whole agenda, with `id` "total"). */
export interface ChapterCounts {
  id: string;
  /** The chapter's stable number; '' for the total. */
  number: string;
  title: string;
  measures: number;
  open: number;
  agreed: number;
  disputed: number;
  parked: number;
  /** Submitted amendments on measures of the chapter, not yet decided. */
  pendingAmendments: number;
}

/** The dashboard: one row per chapter and the total. */
export interface Dashboard {
  chapters: ChapterCounts[];
  total: ChapterCounts;
}

function emptyCounts(id: string, number: string, title: string): ChapterCounts {
  return { id, number, title, measures: 0, open: 0, agreed: 0, disputed: 0, parked: 0, pendingAmendments: 0 };
}

/** Per chapter the measures by status (none recorded: open) and the pending amendments. */
export function dashboard(
  chapters: readonly DashboardChapter[],
  amendments: readonly Pick<Amendment, 'measureId' | 'status'>[],
  statuses: Readonly<Record<string, MeasureStatus | undefined>>,
): Dashboard {
  const total = emptyCounts('total', '', '');
  const rows = chapters.map((c) => emptyCounts(c.id, c.number, c.title));
  const chapterOf = new Map<string, ChapterCounts>();
  chapters.forEach((c, i) => {
    const row = rows[i]!;
    for (const id of c.measureIds) {
      chapterOf.set(id, row);
      const status = statuses[id] ?? 'open';
      row.measures++;
      row[status]++;
      total.measures++;
      total[status]++;
    }
  });
  for (const a of amendments) {
    if (a.status !== 'submitted') continue;
    total.pendingAmendments++;
    const row = chapterOf.get(a.measureId);
    if (row) row.pendingAmendments++;
  }
  return { chapters: rows, total };
}

/** A cell of the positions matrix: a recorded position, or the proposing party itself. */
export type MatrixCell = Position | 'proposer';

/** Parties × amendments of a chapter. */
export interface PositionsMatrix {
  amendments: { id: string; number: string; measureId: string; party: string }[];
  /** One row per party, one cell per amendment, in the order of `amendments`. */
  rows: { party: string; cells: MatrixCell[] }[];
  /** Per amendment: how many parties support it (the proposer counts), of how many parties. */
  support: number[];
}

/**
 * The positions of every party on the pending amendments of a chapter's measures, in agenda order then by
 * number. `parties` are the columns' parties in order (the secretariat is usually left out by the caller).
 */
export function positionsMatrix(
  chapter: DashboardChapter,
  amendments: readonly Pick<Amendment, 'id' | 'number' | 'measureId' | 'party' | 'status' | 'positions'>[],
  parties: readonly string[],
): PositionsMatrix {
  const order = new Map(chapter.measureIds.map((id, i) => [id, i]));
  const seq = (n: string) => Number(n.replace(/\D/g, '')) || 0;
  const chosen = amendments
    .filter((a) => a.status === 'submitted' && order.has(a.measureId))
    .sort((a, b) => order.get(a.measureId)! - order.get(b.measureId)! || seq(a.number) - seq(b.number));
  const rows = parties.map((party) => ({
    party,
    cells: chosen.map((a): MatrixCell =>
      a.party === party ? 'proposer' : (a.positions[party]?.position ?? 'none'),
    ),
  }));
  const support = chosen.map((_, i) =>
    rows.reduce((n, r) => n + (r.cells[i] === 'support' || r.cells[i] === 'proposer' ? 1 : 0), 0),
  );
  return {
    amendments: chosen.map((a) => ({ id: a.id, number: a.number, measureId: a.measureId, party: a.party })),
    rows,
    support,
  };
}
