/** The structure-aware comparison of two agenda versions. */
import type { Agenda } from '../agenda/types.js';
import { movedKeys } from './moves.js';
import { alignUnits } from './order.js';
import { summarizeChapters, totalCounts } from './summary.js';
import { diffUnit } from './unit.js';
import { agendaUnits } from './units.js';
import type { AgendaDiff } from './types.js';

/**
 * Compares two versions of an agenda unit by unit. Measures, sections and chapters are matched by
 * stable id, never by position or number: a measure moved, added or removed shows as exactly that,
 * and a measure renumbered because another was added or removed is unchanged. Paragraphs (agenda,
 * chapter and section intros) are matched by index within their container, footnotes by marker.
 * Units come in the document order of `to`, removed ones where they stood in `from`. A moved unit
 * keeps status 'moved' also when its text changed; its ops then show the text change.
 */
export function diffAgenda(from: Agenda, to: Agenda): AgendaDiff {
  const fromUnits = agendaUnits(from);
  const toUnits = agendaUnits(to);
  const moved = movedKeys(fromUnits, toUnits);
  const units = alignUnits(fromUnits, toUnits, moved).map((pair) =>
    diffUnit(pair, pair.to !== undefined && moved.has(pair.to.key)),
  );
  return { units, chapters: summarizeChapters(units, from, to), total: totalCounts(units) };
}
