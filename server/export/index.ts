/**
 * The exporters of issue 7: pure functions from an `ExportInput` to the bytes or text of one format.
 * No I/O and no clock: the date comes in with the input.
 */
export type {
  CommentMessage,
  CommentThread,
  ExportFormat,
  ExportInput,
  ExportParty,
  IncludeOptions,
  Revision,
} from './types.js';
export { exportDocx } from './docx.js';
export { exportMarkdown, parseMarkdownExport, MarkdownExportError } from './markdown.js';
export { exportHtml, escapeHtml } from './html.js';
export { exportJson, importJsonExport, JsonExportError, JSON_FORMAT, type JsonExport } from './json.js';
export { exportAmendmentsCsv, CSV_SEPARATOR } from './csv.js';
export { exportAmendmentsDocx } from './amendmentsDocx.js';
export { exportFileName, CONTENT_TYPES, FILE_EXTENSIONS } from './fileName.js';
export { LABELS, type ExportLabels } from './labels.js';
