/** The comparison of one aligned unit pair. */
import { normalizeText } from './normalize.js';
import { hasChanges } from './ops.js';
import type { Aligned } from './order.js';
import { diffText } from './text.js';
import type { Op, UnitDiff } from './types.js';

function single(kind: -1 | 0 | 1, text: string): Op[] {
  const normalised = normalizeText(text);
  return normalised ? [[kind, normalised]] : [];
}

/**
 * The `UnitDiff` of a unit in one or both versions. Only in `to`: added; only in `from`: removed;
 * in both and moved: 'moved', with the text diff as ops (all equal when only the place changed, with
 * inserts and deletes when the text changed too); otherwise 'changed' or 'unchanged' by the text.
 * A different number alone is no change; it shows in `fromNumber` / `toNumber`.
 */
export function diffUnit({ from, to }: Aligned, moved: boolean): UnitDiff {
  const base = to ?? from;
  if (!base) throw new Error('diffUnit: an aligned unit needs at least one side');
  let status: UnitDiff['status'];
  let ops: Op[];
  if (from && to) {
    ops = diffText(from.text, to.text);
    status = moved ? 'moved' : hasChanges(ops) ? 'changed' : 'unchanged';
  } else if (to) {
    ops = single(1, to.text);
    status = 'added';
  } else {
    ops = single(-1, base.text);
    status = 'removed';
  }
  const unit: UnitDiff = {
    id: base.id,
    kind: base.kind,
    number: base.number,
    chapterId: base.chapterId,
    status,
    ops,
  };
  if (from && from.number !== '') unit.fromNumber = from.number;
  if (to && to.number !== '') unit.toNumber = to.number;
  return unit;
}
