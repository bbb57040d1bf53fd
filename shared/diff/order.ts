/** Interleaving the units of two versions into one reading order. */
import type { Unit } from './units.js';

/** A unit of either version, or both, in the merged order. */
export interface Aligned {
  from?: Unit;
  to?: Unit;
}

/**
 * The units of `to` in order, each paired with its `from` counterpart by key, with the units only in
 * `from` inserted where they stood there: right after the nearest preceding `from` unit that is kept
 * and not a moved measure (a moved measure left its place, so it is no landmark), or at the start.
 * Removed units with the same landmark keep their `from` order and come before units added there.
 */
export function alignUnits(
  from: readonly Unit[],
  to: readonly Unit[],
  moved: ReadonlySet<string>,
): Aligned[] {
  const toKeys = new Set(to.map((unit) => unit.key));
  const fromByKey = new Map(from.map((unit) => [unit.key, unit]));
  const removedAfter = new Map<string | null, Unit[]>();
  let landmark: string | null = null;
  for (const unit of from) {
    if (toKeys.has(unit.key)) {
      if (!(unit.kind === 'measure' && moved.has(unit.key))) landmark = unit.key;
      continue;
    }
    const list = removedAfter.get(landmark);
    if (list) list.push(unit);
    else removedAfter.set(landmark, [unit]);
  }
  const out: Aligned[] = [];
  const pushRemoved = (key: string | null): void => {
    for (const unit of removedAfter.get(key) ?? []) out.push({ from: unit });
  };
  pushRemoved(null);
  for (const unit of to) {
    out.push({ from: fromByKey.get(unit.key), to: unit });
    pushRemoved(unit.key);
  }
  return out;
}
