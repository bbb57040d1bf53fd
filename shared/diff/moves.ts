/** Deciding which matched measures, sections and chapters moved. */
import { lcsIds } from './lcs.js';
import type { Unit } from './units.js';

/** Unit kinds that can move: the ordered, id-matched ones. */
const MOVABLE = new Set(['measure', 'section-title', 'chapter-title']);

function siblingGroups(units: readonly Unit[]): Map<string, string[]> {
  const groups = new Map<string, string[]>();
  for (const unit of units) {
    if (!MOVABLE.has(unit.kind)) continue;
    const group = `${unit.kind}\u0000${unit.parentId ?? ''}`;
    const keys = groups.get(group);
    if (keys) keys.push(unit.key);
    else groups.set(group, [unit.key]);
  }
  return groups;
}

/**
 * Keys of the units in both versions that moved: a measure whose section changed, a section whose
 * chapter changed, or one whose order relative to its siblings (same kind, same container, in both
 * versions) changed. Of the siblings that kept their container, those outside a longest common
 * subsequence of the two orders moved, so moving one measure marks only that measure, and a measure
 * renumbered because an earlier one was added or removed is not moved.
 */
export function movedKeys(from: readonly Unit[], to: readonly Unit[]): Set<string> {
  const fromByKey = new Map(from.map((unit) => [unit.key, unit]));
  const moved = new Set<string>();
  for (const unit of to) {
    const old = fromByKey.get(unit.key);
    if (old && MOVABLE.has(unit.kind) && old.parentId !== unit.parentId) moved.add(unit.key);
  }
  const fromGroups = siblingGroups(from);
  for (const [group, toKeys] of siblingGroups(to)) {
    const fromKeys = fromGroups.get(group);
    if (!fromKeys) continue;
    const kept = lcsIds(fromKeys, toKeys);
    const inFrom = new Set(fromKeys);
    for (const key of toKeys) if (inFrom.has(key) && !kept.has(key)) moved.add(key);
  }
  return moved;
}
