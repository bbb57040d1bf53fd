/**
 * Amendments as shown beside a measure: each with its diff against the current and the original text, its
 * re-application onto the current text, conflicts and collisions. Pure; nothing here is stored.
 */
import { diffText, normalizeText } from '../diff/index.js';
import { anyOverlap, changesOf, reapply, type Change } from './reapply.js';
import type { Amendment, AmendmentView, DiffOp } from './types.js';

/** What the amendment would make of the measure now, and whether it conflicts. */
function effectOf(a: Amendment, current: string | null): { effectiveText: string | null; conflict: boolean } {
  const pending = a.status === 'submitted';
  if (current === null) return { effectiveText: a.text, conflict: pending };
  switch (a.kind) {
    case 'insert':
      return { effectiveText: a.text, conflict: false };
    case 'delete':
      return {
        effectiveText: null,
        conflict: pending && a.baseText !== null && normalizeText(a.baseText) !== normalizeText(current),
      };
    case 'replace': {
      if (!pending || a.text === null) return { effectiveText: a.text, conflict: false };
      const merged = reapply(a.baseText ?? current, a.text, current);
      return merged.kind === 'clean'
        ? { effectiveText: merged.text, conflict: false }
        : { effectiveText: a.text, conflict: true };
    }
  }
}

/** Whether `original` differs from `base`, the text an amendment's card compares with first. */
function differs(kind: Amendment['kind'], original: string | null, base: string | null): boolean {
  if (kind === 'insert') return false; // a new measure is compared with nothing either way
  if (original === null || base === null) return original !== base;
  return normalizeText(original) !== normalizeText(base);
}

function diffOf(kind: Amendment['kind'], from: string | null, to: string | null): DiffOp[] {
  if (kind === 'insert') return to ? [[1, normalizeText(to)]] : [];
  if (from === null) return to ? [[1, normalizeText(to)]] : [];
  return diffText(from, to ?? '');
}

/** The changes a pending amendment makes to the current text (for collisions), or null when none apply. */
function changesOnCurrent(a: Amendment, current: string, effectiveText: string | null): Change[] | null {
  if (a.status !== 'submitted' || a.kind === 'insert' || a.parent !== null) return null;
  if (a.kind === 'delete') return [{ from: 0, to: normalizeText(current).length, insert: '' }];
  return changesOf(diffText(current, effectiveText ?? ''));
}

/**
 * The views of the amendments of one measure. `current` is the measure's live text (null when it was
 * deleted), `original` its imported text (null for a measure added later). Pending amendments whose changes
 * to the current text overlap are marked as colliding with each other. An amendment to an amendment (with
 * its parent in the list) is shown against its parent's proposed text: `diffCurrent` is what it changes
 * in the parent, `diffOriginal` what the measure's original would become.
 */
export function viewAmendments(
  amendments: readonly Amendment[],
  current: string | null,
  original: string | null,
): AmendmentView[] {
  const byId = new Map(amendments.map((a) => [a.id, a]));
  const views = amendments.map((a): AmendmentView => {
    const parent = a.parent === null ? undefined : byId.get(a.parent);
    if (parent && parent.text !== null) {
      const { effectiveText, conflict } = effectOf(a, parent.text);
      return {
        ...a,
        effectiveText,
        conflict,
        collidesWith: [],
        diffCurrent: diffOf(a.kind, parent.text, effectiveText),
        diffOriginal: diffOf(a.kind, original, effectiveText),
        originalDiffers: differs(a.kind, original, parent.text),
      };
    }
    const { effectiveText, conflict } = effectOf(a, current);
    return {
      ...a,
      effectiveText,
      conflict,
      collidesWith: [],
      diffCurrent: current === null ? [] : diffOf(a.kind, current, effectiveText),
      diffOriginal: diffOf(a.kind, original, effectiveText),
      originalDiffers: differs(a.kind, original, current),
    };
  });
  if (current === null) return views;
  const ranges = views.map((v) => changesOnCurrent(v, current, v.effectiveText));
  for (let i = 0; i < views.length; i++)
    for (let j = i + 1; j < views.length; j++) {
      const a = ranges[i];
      const b = ranges[j];
      if (!a || !b || !anyOverlap(a, b)) continue;
      views[i]!.collidesWith.push(views[j]!.id);
      views[j]!.collidesWith.push(views[i]!.id);
    }
  return views;
}
