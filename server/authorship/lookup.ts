import type { Author } from '../../shared/diff/index.js';
import { authorOf } from './authors.js';
import type { IdRange } from './ranges.js';
import type { AttributionRow } from './repository.js';

/** One client's recorded ranges of one kind, sorted by first clock. */
interface ClientRanges {
  starts: number[];
  ends: number[];
  authors: Author[];
}

function byClient(rows: readonly AttributionRow[], kind: AttributionRow['kind']): Map<number, ClientRanges> {
  const sorted = rows.filter((r) => r.kind === kind).sort((a, b) => a.client - b.client || a.clock - b.clock);
  const out = new Map<number, ClientRanges>();
  // Rows of one change share their author: made once per update, not per row.
  const authors = new Map<number, Author>();
  for (const row of sorted) {
    let ranges = out.get(row.client);
    if (!ranges) out.set(row.client, (ranges = { starts: [], ends: [], authors: [] }));
    let author = authors.get(row.updateSeq);
    if (!author) authors.set(row.updateSeq, (author = authorOf(row)));
    ranges.starts.push(row.clock);
    ranges.ends.push(row.clock + row.len);
    ranges.authors.push(author);
  }
  return out;
}

/** The index of the last range starting at or before `clock`, or -1. */
function rangeAt(ranges: ClientRanges, clock: number): number {
  let lo = 0;
  let hi = ranges.starts.length - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (ranges.starts[mid]! <= clock) {
      found = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return found;
}

/**
 * A document's attribution index in memory, for one read: who inserted and who deleted each Yjs item id,
 * answered per run of ids by binary search in each client's ranges.
 */
export class AuthorshipIndex {
  private readonly inserted: Map<number, ClientRanges>;
  private readonly deleted: Map<number, ClientRanges>;

  constructor(rows: readonly AttributionRow[]) {
    this.inserted = byClient(rows, 'insert');
    this.deleted = byClient(rows, 'delete');
  }

  /**
   * The authors of a text's characters, given the item ids they are made of in order: runs of `[length,
   * author]` covering the same characters, null where the index has no row (the import, or a change stored
   * before the index existed). `kind` 'insert' asks who wrote them, 'delete' who removed them.
   */
  runs(ids: readonly IdRange[], kind: AttributionRow['kind']): [number, Author | null][] {
    const index = kind === 'insert' ? this.inserted : this.deleted;
    const out: [number, Author | null][] = [];
    const push = (length: number, author: Author | null) => {
      const last = out[out.length - 1];
      if (last && last[1] === author) last[0] += length;
      else out.push([length, author]);
    };
    for (const [client, clock, length] of ids) {
      const ranges = index.get(client);
      const end = clock + length;
      if (!ranges) {
        push(length, null);
        continue;
      }
      const n = ranges.starts.length;
      let at = clock;
      let i = rangeAt(ranges, at);
      while (at < end) {
        while (i + 1 < n && ranges.starts[i + 1]! <= at) i++;
        if (i >= 0 && ranges.ends[i]! > at) {
          const upTo = Math.min(end, ranges.ends[i]!);
          push(upTo - at, ranges.authors[i]!);
          at = upTo;
        } else {
          // Ids no row covers, up to the next range that starts later.
          const upTo = Math.min(end, i + 1 < n ? ranges.starts[i + 1]! : end);
          push(upTo - at, null);
          at = upTo;
        }
      }
    }
    return out;
  }
}
