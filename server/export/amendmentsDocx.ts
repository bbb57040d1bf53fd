/**
 * The amendments report as a Word document, as people print it: landscape A4, one table with fixed column
 * widths — number, measure, party (indiener), the text as a word diff against the measure with the
 * rationale under it, every party's position with its note, and the decision with its note.
 */
import {
  Document,
  PageOrientation,
  Paragraph,
  HeadingLevel,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  WidthType,
  ShadingType,
} from 'docx';
import { diffText, normalizeText } from '../../shared/diff/index.js';
import type { Amendment } from '../../shared/amendments/types.js';
import { dutchDate } from './dates.js';
import { decisionWords, measureIndex, partyShorts, positionWords, reportOrder } from './amendmentsTable.js';
import { packDocx } from './docxPack.js';
import { LABELS, type ExportLabels } from './labels.js';
import type { ExportInput } from './types.js';

/** Half-points: 9 pt, small enough for a wide table, large enough to read on paper. */
const SIZE = 18;

/**
 * The columns' widths in twips (1/1440 inch). Landscape A4 is 16,838 twips wide; Word's default margins
 * of 1,440 leave 13,958. The narrow columns are wide enough for their longest header word in 9-pt bold
 * Calibri ("Maatregel", "Standpunten", at most ~110 twips a letter, plus the cell's own margins), so no
 * header is broken inside a word; the text gets what is left.
 */
export const REPORT_COLUMNS = [
  { key: 'number', width: 1_100 },
  { key: 'measure', width: 1_250 },
  { key: 'party', width: 1_100 },
  { key: 'text', width: 5_300 },
  { key: 'positions', width: 2_800 },
  { key: 'decision', width: 2_350 },
] as const;

/** The header of each column in the report's language. */
export function reportHeaders(labels: ExportLabels): string[] {
  const words: Record<(typeof REPORT_COLUMNS)[number]['key'], string> = {
    number: labels.amendmentNumber,
    measure: labels.measure,
    party: labels.party,
    text: labels.proposedText,
    positions: labels.positionsColumn,
    decision: labels.decision,
  };
  return REPORT_COLUMNS.map((c) => words[c.key]);
}

function lines(text: string, options: { bold?: boolean; italics?: boolean } = {}): Paragraph[] {
  return text
    .split(/\r?\n/)
    .map((line) => new Paragraph({ children: [new TextRun({ text: line, size: SIZE, ...options })] }));
}

function cell(width: number, children: Paragraph[], header = false): TableCell {
  return new TableCell({
    width: { size: width, type: WidthType.DXA },
    ...(header ? { shading: { type: ShadingType.CLEAR, fill: 'E7E6E6', color: 'auto' } } : {}),
    children,
  });
}

/**
 * The amendment's text as a word diff against what it changes: the measure's text when it was submitted
 * (or its text now), the parent's text for an amendment to an amendment; inserted words underlined,
 * deleted ones struck through. A new measure is all inserted, a deletion all struck through.
 */
function textDiff(a: Amendment, measureText: string | null): TextRun[] {
  const base = a.baseText ?? measureText;
  const ops =
    a.kind === 'insert' || base === null
      ? ([[1, normalizeText(a.text ?? '')]] as const)
      : a.kind === 'delete'
        ? ([[-1, normalizeText(base)]] as const)
        : diffText(base, a.text ?? '');
  return ops.map(
    ([kind, text]) =>
      new TextRun({
        text,
        size: SIZE,
        ...(kind === 1 ? { underline: {}, color: '1F5F99' } : {}),
        ...(kind === -1 ? { strike: true, color: 'A61B1B' } : {}),
      }),
  );
}

/** One row: the amendment's number, measure, party, diff and rationale, positions, decision. */
function row(
  measures: ReturnType<typeof measureIndex>,
  labels: ExportLabels,
  a: Amendment,
  parties: string[],
): TableRow {
  const measure = measures.get(a.measureId);
  const [number, measureCol, party, text, positions, decision] = REPORT_COLUMNS.map((c) => c.width);
  const textParagraphs = [new Paragraph({ children: textDiff(a, measure?.text ?? null) })];
  if (a.rationale) textParagraphs.push(...lines(`${labels.rationale}: ${a.rationale}`, { italics: true }));
  const decided = decisionWords(labels, a);
  const decisionParagraphs = [
    ...lines(decided || labels.statuses[a.status], { bold: decided !== '' }),
    ...(a.decision?.note ? lines(`${labels.decisionNote}: ${a.decision.note}`) : []),
    ...(a.decision?.compromise ? lines(`${labels.acceptedText}: ${a.decision.compromise}`) : []),
  ];
  return new TableRow({
    children: [
      cell(number!, lines(a.number, { bold: true })),
      cell(measureCol!, lines(measure?.number ?? '')),
      cell(party!, lines(`${a.party}\n${labels.kinds[a.kind]}`)),
      cell(text!, textParagraphs),
      cell(positions!, lines(parties.map((p) => `${p}: ${positionWords(labels, a, p)}`).join('\n'))),
      cell(decision!, decisionParagraphs),
    ],
  });
}

/**
 * The amendments report as a Word table (see the module comment), labels in `input.language`, dates as
 * dd-mm-jjjj. The header row repeats on every page.
 */
export async function exportAmendmentsDocx(input: ExportInput): Promise<Uint8Array> {
  const labels = LABELS[input.language];
  const amendments = reportOrder(input);
  const parties = partyShorts(input);
  const measures = measureIndex(input.current, input.original);
  const title = `${labels.amendmentsTitle}: ${input.current.title}`;
  const subtitle = `${labels.version}: ${input.versionLabel} · ${labels.generated} ${dutchDate(input.generatedAt)}`;
  const headers = reportHeaders(labels);
  const body =
    amendments.length === 0
      ? [new Paragraph(labels.noAmendments)]
      : [
          new Table({
            layout: TableLayoutType.FIXED,
            width: { size: REPORT_COLUMNS.reduce((n, c) => n + c.width, 0), type: WidthType.DXA },
            columnWidths: REPORT_COLUMNS.map((c) => c.width),
            rows: [
              new TableRow({
                tableHeader: true,
                cantSplit: true,
                children: headers.map((h, i) =>
                  cell(REPORT_COLUMNS[i]!.width, lines(h, { bold: true }), true),
                ),
              }),
              ...amendments.map((a) => row(measures, labels, a, parties)),
            ],
          }),
        ];
  const doc = new Document({
    title,
    creator: input.defaultAuthor,
    styles: { default: { document: { run: { font: 'Calibri', size: 20 } } } },
    sections: [
      {
        properties: { page: { size: { orientation: PageOrientation.LANDSCAPE } } },
        children: [
          new Paragraph({ heading: HeadingLevel.HEADING_1, children: [new TextRun(title)] }),
          new Paragraph({
            spacing: { after: 200 },
            children: [new TextRun({ text: subtitle, color: '666666' })],
          }),
          ...body,
        ],
      },
    ],
  });
  return packDocx(doc, { title, creator: input.defaultAuthor, generatedAt: input.generatedAt });
}
