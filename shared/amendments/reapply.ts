/**
 * Re-application of an amendment onto a measure that moved on (a three-way merge at word level), and the
 * detection of conflicts and collisions. Pure functions over texts; all offsets are in normalised text
 * (see `normalizeText`), the form the diff engine works in.
 */
import { diffText, normalizeText } from '../diff/index.js';
import type { DiffOp } from './types.js';

/** One change to a text: the range `from`–`to` of the old text is replaced by `insert`. */
export interface Change {
  from: number;
  to: number;
  insert: string;
}

/** The result of re-applying an amendment: the merged text, or a conflict. */
export type Reapplication = { kind: 'clean'; text: string } | { kind: 'conflict' };

/**
 * The changes a diff makes to its old text, in old-text offsets. A delete followed by an insert (the diff
 * engine puts deletes first) is one change.
 */
export function changesOf(ops: readonly DiffOp[]): Change[] {
  const changes: Change[] = [];
  let pos = 0;
  let open: Change | null = null;
  for (const [kind, text] of ops) {
    if (kind === 0) {
      if (open) changes.push(open);
      open = null;
      pos += text.length;
    } else if (kind === -1) {
      open ??= { from: pos, to: pos, insert: '' };
      open.to += text.length;
      pos += text.length;
    } else {
      open ??= { from: pos, to: pos, insert: '' };
      open.insert += text;
    }
  }
  if (open) changes.push(open);
  return changes;
}

/**
 * True when two changes of the same text overlap or touch. Touching counts: two insertions at one place, or
 * a change right against another, have no order people would agree on, so they are left to a person.
 */
export function overlaps(a: Change, b: Change): boolean {
  return a.from <= b.to && b.from <= a.to;
}

function sameChange(a: Change, b: Change): boolean {
  return a.from === b.from && a.to === b.to && a.insert === b.insert;
}

/** True when some change of `a` overlaps some change of `b` (both sorted by `from`, as `changesOf` gives). */
export function anyOverlap(a: readonly Change[], b: readonly Change[]): boolean {
  let j = 0;
  for (const x of a) {
    while (j < b.length && b[j]!.to < x.from) j++;
    for (let k = j; k < b.length && b[k]!.from <= x.to; k++) if (overlaps(x, b[k]!)) return true;
  }
  return false;
}

/** Applies non-overlapping changes (in any order) to a text. */
export function applyChanges(text: string, changes: readonly Change[]): string {
  const sorted = [...changes].sort((x, y) => y.from - x.from);
  let out = text;
  for (const c of sorted) out = out.slice(0, c.from) + c.insert + out.slice(c.to);
  return out;
}

/**
 * Re-applies an amendment: `base` is the measure's text when it was submitted, `proposed` the amendment's
 * full text, `current` the measure's text now. When the measure did not change, the result is `proposed`;
 * when it did, the amendment's changes (base → proposed) and the measure's (base → current) are combined if
 * none of them overlap, and a conflict otherwise. A change made identically on both sides counts once.
 */
export function reapply(base: string, proposed: string, current: string): Reapplication {
  const b = normalizeText(base);
  const p = normalizeText(proposed);
  const c = normalizeText(current);
  if (c === b || c === p) return { kind: 'clean', text: p };
  if (p === b) return { kind: 'clean', text: c };
  const ours = changesOf(diffText(b, p));
  const theirs = changesOf(diffText(b, c)).filter((t) => !ours.some((o) => sameChange(o, t)));
  if (anyOverlap(ours, theirs)) return { kind: 'conflict' };
  return { kind: 'clean', text: applyChanges(b, [...ours, ...theirs]) };
}
