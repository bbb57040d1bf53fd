import type { MeasureStatus } from '../../shared/amendments/types.js';
import type { OutlineEntry } from './outline.js';

/** What the outline knows of each measure besides its text, from the meta room. */
export interface MeasureFacts {
  status: MeasureStatus;
  /** Parties with a submitted (pending) amendment on the measure. */
  pendingBy: Set<string>;
  /** How many submitted amendments on the measure wait for a decision. */
  pending: number;
  openThreads: number;
}

/** The outline's filter: everything, or the measures matching one criterion. */
export type OutlineFilter =
  | { kind: 'all' }
  | { kind: 'status'; status: MeasureStatus }
  | { kind: 'pending' }
  | { kind: 'party'; party: string }
  | { kind: 'threads' };

/** Whether a measure passes the filter (a measure without facts is open, with nothing pending). */
export function matches(filter: OutlineFilter, facts: MeasureFacts | undefined): boolean {
  switch (filter.kind) {
    case 'all':
      return true;
    case 'status':
      return (facts?.status ?? 'open') === filter.status;
    case 'pending':
      return (facts?.pendingBy.size ?? 0) > 0;
    case 'party':
      return facts?.pendingBy.has(filter.party) ?? false;
    case 'threads':
      return (facts?.openThreads ?? 0) > 0;
  }
}

/**
 * The outline with only the measures that pass the filter, and the chapters and sections that hold them.
 * With the filter "all", every entry stays.
 */
export function filterOutline(
  entries: OutlineEntry[],
  filter: OutlineFilter,
  facts: Map<string, MeasureFacts>,
): OutlineEntry[] {
  if (filter.kind === 'all') return entries;
  const out: OutlineEntry[] = [];
  let chapter: OutlineEntry | null = null;
  let section: OutlineEntry | null = null;
  for (const entry of entries) {
    if (entry.level === 'chapter') {
      chapter = entry;
      section = null;
      continue;
    }
    if (entry.level === 'section') {
      section = entry;
      continue;
    }
    if (!matches(filter, facts.get(entry.id))) continue;
    if (chapter) out.push(chapter);
    if (section) out.push(section);
    chapter = null;
    section = null;
    out.push(entry);
  }
  return out;
}

/**
 * The facts with their open-thread counts replaced by `counts` (the comments plugin's, which include the
 * person's own party threads and follow the words), when there are counts.
 */
export function withThreadCounts(
  facts: Map<string, MeasureFacts>,
  counts: Map<string, number> | undefined,
): Map<string, MeasureFacts> {
  if (!counts) return facts;
  const out = new Map<string, MeasureFacts>();
  for (const [id, f] of facts) out.set(id, { ...f, openThreads: 0 });
  for (const [id, n] of counts) {
    const f = out.get(id) ?? {
      status: 'open' as const,
      pendingBy: new Set<string>(),
      pending: 0,
      openThreads: 0,
    };
    out.set(id, { ...f, openThreads: n });
  }
  return out;
}
