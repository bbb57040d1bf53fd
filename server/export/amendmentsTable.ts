/** The amendments report as a table of texts, shared by its CSV and Word forms. */
import type { Agenda } from '../../shared/agenda/types.js';
import type { Amendment } from '../../shared/amendments/types.js';
import { dutchDateOf } from './dates.js';
import { LABELS } from './labels.js';
import type { ExportInput } from './types.js';

/** Header and rows of the report, all cells text; `partyColumns` is where the party position columns are. */
export interface AmendmentsTable {
  headers: string[];
  rows: string[][];
  /** Index of the first party position column and how many there are. */
  partyColumns: { start: number; count: number };
  /** Index of the proposed text column (the last). */
  textColumn: number;
}

/** The party short names for the position columns: `parties` in its order, else all found, sorted. */
export function partyShorts(input: ExportInput): string[] {
  if (input.parties && input.parties.length > 0) return input.parties.map((p) => p.short);
  const found = new Set<string>();
  for (const amendment of input.amendments ?? []) {
    found.add(amendment.party);
    for (const party of Object.keys(amendment.positions)) found.add(party);
  }
  return [...found].sort((a, b) => a.localeCompare(b, 'nl'));
}

/** Measure id → number and document position, in the current text, else in the original. */
function measureIndex(current: Agenda, original: Agenda): Map<string, { number: string; order: number }> {
  const index = new Map<string, { number: string; order: number }>();
  let order = 0;
  for (const agenda of [current, original])
    for (const chapter of agenda.chapters)
      for (const section of chapter.sections)
        for (const measure of section.measures)
          if (!index.has(measure.id)) index.set(measure.id, { number: measure.number, order: order++ });
  return index;
}

/**
 * The report: one row per amendment, ordered by its measure's place in the agenda (the current text's
 * order, then the original's for removed measures, unknown measures last) and then by amendment number.
 * Columns: number, measure number, party, kind, status, submission date (dd-mm-jjjj), one column per party
 * with its position (and note), rationale, proposed text.
 */
export function amendmentsTable(input: ExportInput): AmendmentsTable {
  const labels = LABELS[input.language];
  const parties = partyShorts(input);
  const measures = measureIndex(input.current, input.original);
  const orderOf = (a: Amendment): number => measures.get(a.measureId)?.order ?? Number.MAX_SAFE_INTEGER;
  const amendments = [...(input.amendments ?? [])].sort(
    (a, b) => orderOf(a) - orderOf(b) || a.number.localeCompare(b.number, 'nl', { numeric: true }),
  );
  const headers = [
    labels.amendmentNumber,
    labels.measure,
    labels.party,
    labels.kind,
    labels.status,
    labels.submitted,
    ...parties,
    labels.rationale,
    labels.proposedText,
  ];
  const rows = amendments.map((a) => [
    a.number,
    measures.get(a.measureId)?.number ?? '',
    a.party,
    labels.kinds[a.kind],
    labels.statuses[a.status],
    dutchDateOf(a.submittedAt),
    ...parties.map((party) => {
      const record = a.positions[party];
      const position = labels.positions[record?.position ?? 'none'];
      return record?.note ? `${position} (${record.note})` : position;
    }),
    a.rationale,
    a.text ?? '',
  ]);
  return { headers, rows, partyColumns: { start: 6, count: parties.length }, textColumn: headers.length - 1 };
}
