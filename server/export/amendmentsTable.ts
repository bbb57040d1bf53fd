/** The amendments report as a table of texts, shared by its CSV and Word forms. */
import type { Agenda } from '../../shared/agenda/types.js';
import type { Amendment } from '../../shared/amendments/types.js';
import { compareNumbers } from '../../shared/amendments/decisions.js';
import { dutchDateOf } from './dates.js';
import { LABELS, type ExportLabels } from './labels.js';
import type { ExportInput } from './types.js';

/** Header and rows of the report, all cells text; `partyColumns` is where the party position columns are. */
export interface AmendmentsTable {
  headers: string[];
  rows: string[][];
  /** Index of the first party position column and how many there are. */
  partyColumns: { start: number; count: number };
  /** Index of the proposed text column. */
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

/** Measure id → number, text and document position, in the current text, else in the original. */
export function measureIndex(
  current: Agenda,
  original: Agenda,
): Map<string, { number: string; order: number; text: string }> {
  const index = new Map<string, { number: string; order: number; text: string }>();
  let order = 0;
  for (const agenda of [current, original])
    for (const chapter of agenda.chapters)
      for (const section of chapter.sections)
        for (const measure of section.measures)
          if (!index.has(measure.id))
            index.set(measure.id, { number: measure.number, order: order++, text: measure.text });
  return index;
}

/**
 * The amendments in report order: by their measure's place in the agenda (the current text's order, then
 * the original's for removed measures, unknown measures last), then by number (A-7, A-7.1, A-8).
 */
export function reportOrder(input: ExportInput): Amendment[] {
  const measures = measureIndex(input.current, input.original);
  const orderOf = (a: Amendment): number => measures.get(a.measureId)?.order ?? Number.MAX_SAFE_INTEGER;
  return [...(input.amendments ?? [])].sort(
    (a, b) => orderOf(a) - orderOf(b) || compareNumbers(a.number, b.number),
  );
}

/** A party's position on an amendment in words, with its note: "voorbehoud (Eerst doorrekenen)". */
export function positionWords(labels: ExportLabels, a: Amendment, party: string): string {
  if (party === a.party) return labels.proposer;
  const record = a.positions[party];
  const position = labels.positions[record?.position ?? 'none'];
  return record?.note ? `${position} (${record.note})` : position;
}

/**
 * The decision in words: the verdict with its day, the verdicts on single changes, or "deels beslist"
 * while only some changes are decided; empty before any decision.
 */
export function decisionWords(labels: ExportLabels, a: Amendment): string {
  const d = a.decision;
  if (!d) return '';
  const verdict = d.verdict === null ? labels.partly : labels.verdicts[d.verdict];
  const day = a.decidedAt ? ` (${dutchDateOf(a.decidedAt)})` : '';
  if (d.changes.length === 0) return `${verdict}${day}`;
  const changes = d.changes.map(
    (c, i) =>
      `${i + 1}. ${labels.changeVerdicts[c.verdict]}: “${c.removed}” → “${c.inserted}”${c.note ? ` (${c.note})` : ''}`,
  );
  return [`${verdict}${day}, ${labels.perChange}:`, ...changes].join('\n');
}

/**
 * The report: one row per amendment in report order. Columns: number, measure number, party, kind, status,
 * submission date (dd-mm-jjjj), one column per party with its position and note (the proposer's own column
 * says "indiener"), rationale, proposed text, decision, the decision's note, and the text accepted instead
 * when it was accepted with changes.
 */
export function amendmentsTable(input: ExportInput): AmendmentsTable {
  const labels = LABELS[input.language];
  const parties = partyShorts(input);
  const measures = measureIndex(input.current, input.original);
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
    labels.decision,
    labels.decisionNote,
    labels.acceptedText,
  ];
  const rows = reportOrder(input).map((a) => [
    a.number,
    measures.get(a.measureId)?.number ?? '',
    a.party,
    labels.kinds[a.kind],
    labels.statuses[a.status],
    dutchDateOf(a.submittedAt),
    ...parties.map((party) => positionWords(labels, a, party)),
    a.rationale,
    a.text ?? '',
    decisionWords(labels, a),
    a.decision?.note ?? '',
    a.decision?.compromise ?? '',
  ]);
  return {
    headers,
    rows,
    partyColumns: { start: 6, count: parties.length },
    textColumn: 6 + parties.length + 1,
  };
}
