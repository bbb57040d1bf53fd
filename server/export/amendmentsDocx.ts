/** The amendments report as a Word document: a title and one table, on landscape A4. */
import {
  Document,
  PageOrientation,
  Paragraph,
  HeadingLevel,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
  ShadingType,
} from 'docx';
import { dutchDate } from './dates.js';
import { amendmentsTable } from './amendmentsTable.js';
import { packDocx } from './docxPack.js';
import { LABELS } from './labels.js';
import type { ExportInput } from './types.js';

function cell(text: string, header: boolean): TableCell {
  return new TableCell({
    ...(header ? { shading: { type: ShadingType.CLEAR, fill: 'E7E6E6', color: 'auto' } } : {}),
    children: text
      .split(/\r?\n/)
      .map((line) => new Paragraph({ children: [new TextRun({ text: line, bold: header, size: 18 })] })),
  });
}

/**
 * The amendments report as a Word table: number, measure number, party, kind, status, submission date,
 * one column per party with its position, rationale (the proposed texts are in the CSV report; they make
 * the table too wide to read). Labels in `input.language`, dates as dd-mm-jjjj.
 */
export async function exportAmendmentsDocx(input: ExportInput): Promise<Uint8Array> {
  const labels = LABELS[input.language];
  const table = amendmentsTable(input);
  const keep = table.headers.map((_, i) => i).filter((i) => i !== table.textColumn);
  const pick = (row: readonly string[]): string[] => keep.map((i) => row[i] ?? '');
  const title = `${labels.amendmentsTitle}: ${input.current.title}`;
  const subtitle = `${labels.version}: ${input.versionLabel} · ${labels.generated} ${dutchDate(input.generatedAt)}`;
  const body =
    table.rows.length === 0
      ? [new Paragraph(labels.noAmendments)]
      : [
          new Table({
            width: { size: 100, type: WidthType.PERCENTAGE },
            rows: [
              new TableRow({ tableHeader: true, children: pick(table.headers).map((h) => cell(h, true)) }),
              ...table.rows.map((row) => new TableRow({ children: pick(row).map((c) => cell(c, false)) })),
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
