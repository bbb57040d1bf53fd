/** One export as a file: its bytes, content type and download name. */
import { exportAmendmentsDocx } from './amendmentsDocx.js';
import { exportAmendmentsCsv } from './csv.js';
import { exportDocx } from './docx.js';
import { CONTENT_TYPES, exportFileName } from './fileName.js';
import { exportHtml } from './html.js';
import { exportJson } from './json.js';
import { exportMarkdown } from './markdown.js';
import type { ExportFormat, ExportInput } from './types.js';

/** An export ready to send or write. */
export interface ExportFile {
  bytes: Uint8Array;
  contentType: string;
  fileName: string;
}

const utf8 = (text: string) => new TextEncoder().encode(text);

async function bytesOf(format: ExportFormat, input: ExportInput): Promise<Uint8Array> {
  switch (format) {
    case 'docx':
      return exportDocx(input);
    case 'markdown':
      return utf8(exportMarkdown(input));
    case 'html':
      return utf8(exportHtml(input));
    case 'json':
      return utf8(exportJson(input));
    case 'amendments-csv':
      return utf8(exportAmendmentsCsv(input));
    case 'amendments-docx':
      return exportAmendmentsDocx(input);
  }
}

/** Runs the exporter of `format` on `input` and names the file after the document, version and day. */
export async function renderExport(
  documentId: string,
  format: ExportFormat,
  input: ExportInput,
): Promise<ExportFile> {
  return {
    bytes: await bytesOf(format, input),
    contentType: CONTENT_TYPES[format],
    fileName: exportFileName(
      documentId,
      format,
      input.versionLabel,
      input.changes,
      input.generatedAt,
      input.language,
    ),
  };
}
