/**
 * The diff with its authors: every insert and delete op of a comparison split by who wrote or removed its
 * characters, from the attribution index. Both sides' texts are mapped back to the Yjs items they are made
 * of (`unitItems`): the new side's characters by who inserted them, the old side's by who deleted them.
 */
import {
  attributeOps,
  type AttributedUnit,
  type Author,
  type TextAuthors,
  type UnitDiff,
} from '../../shared/diff/index.js';
import type { AuthorshipIndex } from './lookup.js';
import type { UnitItems } from './texts.js';

/** One side of a comparison as the attribution sees it: its units' item ids, or null when not known. */
export type SideItems = ReadonlyMap<string, UnitItems> | null;

function textAuthors(
  items: SideItems,
  id: string,
  index: AuthorshipIndex,
  kind: 'insert' | 'delete',
): TextAuthors | null {
  const unit = items?.get(id);
  return unit ? { text: unit.text, runs: index.runs(unit.ids, kind) } : null;
}

/**
 * The units of a diff with attributed ops. `fallback` credits the characters the index does not know
 * (changes stored before it existed, a side without Yjs state such as a previous visit), by unit.
 */
export function attributeUnits(
  units: readonly UnitDiff[],
  from: SideItems,
  to: SideItems,
  index: AuthorshipIndex,
  fallback: (unit: UnitDiff) => Author | null = () => null,
): AttributedUnit[] {
  return units.map((unit) => {
    if (unit.ops.every(([kind]) => kind === 0)) return unit;
    const ops = attributeOps(
      unit.ops,
      textAuthors(from, unit.id, index, 'delete'),
      textAuthors(to, unit.id, index, 'insert'),
      fallback(unit),
    );
    return { ...unit, ops };
  });
}
