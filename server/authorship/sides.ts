import type { TextAuthors } from '../../shared/diff/index.js';
import type { AuthorshipIndex } from './lookup.js';
import type { UnitItems } from './texts.js';

/**
 * Who wrote (`'insert'`) or who removed (`'delete'`) each character of every unit of one side of a
 * comparison, as plain data for the pure diff and export code (`attributeOps`).
 */
export function textAuthorsOf(
  items: ReadonlyMap<string, UnitItems>,
  index: AuthorshipIndex,
  kind: 'insert' | 'delete',
): Map<string, TextAuthors> {
  const out = new Map<string, TextAuthors>();
  for (const [id, unit] of items) out.set(id, { text: unit.text, runs: index.runs(unit.ids, kind) });
  return out;
}
