/**
 * The common form every agenda reader produces, and what the importer gives back.
 *
 * A reader (text, Markdown, PDF, Word) turns a file into `SourceLine`s: the text of each line as printed,
 * with what the format itself says about it (a heading style, a font size, bold, a list item, a vertical
 * gap). The structure recognition (`recogniseAgenda`) is the same for every format: it uses these hints where
 * the format has them and the words and line lengths where it has not, so the same agenda in each format
 * gives the same agenda JSON.
 */
import type { Agenda } from './types.js';

/** The formats an agenda can arrive in. */
export type AgendaFormat = 'txt' | 'md' | 'pdf' | 'docx';

/** What the format says about a line. Every field is optional: plain text has none of them. */
export interface LineHints {
  /**
   * A heading by the document's styles or typography: 0 the document title, 1 a chapter heading, 2 a
   * section title. Only set by readers that know headings; a source with any heading hint of a level is
   * taken to mark every heading of that level.
   */
  heading?: 0 | 1 | 2;
  /** A list item's first line (Word numbering, Markdown list): a measure. */
  listItem?: boolean;
  /** A vertical gap (or a new paragraph) comes before the line: it starts a block, never continues one. */
  gapBefore?: boolean;
  /** The line ended well before the right margin, measured on the page (PDF); unknown when absent. */
  endedEarly?: boolean;
  /** The whole line is set in bold. */
  bold?: boolean;
  /** The line opens with a bold sentence followed by more text: a run-in title, as printed. */
  boldLead?: string;
  /** Font size in points, for showing; headings are already decided. */
  fontSize?: number;
  /** Page furniture the reader recognised (running header or footer, page number): left out. */
  furniture?: 'header' | 'footer' | 'page-number';
}

/** One line of an agenda as a reader found it. */
export interface SourceLine {
  text: string;
  /** One-based page number, when the format has pages. */
  page?: number;
  hints?: LineHints;
}

/** A footnote the format keeps apart from the text (Word): its marker is glued to a word in a line. */
export interface SourceNote {
  marker: string;
  text: string;
}

/** An agenda as a reader found it. */
export interface AgendaSource {
  format: AgendaFormat;
  lines: SourceLine[];
  /** Footnotes kept apart by the format; plain text and PDF have their notes among the lines. */
  notes?: SourceNote[];
  /** Whether the format knows bold (so a run-in title is only a bold lead, not a guess from words). */
  knowsBold?: boolean;
}

/** What a line of the source became in the agenda. */
export type SourceRole =
  | 'label'
  | 'title'
  | 'intro'
  | 'signature'
  | 'chapter'
  | 'chapter-intro'
  | 'section'
  | 'section-intro'
  | 'measure'
  | 'footnote'
  | 'furniture'
  | 'blank';

/** One line of the source with what it became, for showing the source beside the outline. */
export interface SourceEntry {
  /** One-based line number. */
  line: number;
  text: string;
  page?: number;
  role: SourceRole;
  /** The id of the chapter, section or measure the line belongs to, when it belongs to one. */
  ref?: string;
}

/** The kinds of warnings, so a page can show or translate them; each comes with a Dutch sentence. */
export type ImportWarningCode =
  | 'chapter-without-measures'
  | 'untitled-section'
  | 'looks-like-heading'
  | 'footnote-without-text'
  | 'no-title';

/** Something a person should check before the agenda is used. */
export interface ImportWarning {
  code: ImportWarningCode;
  /** One-based source line the warning is about, or null when it is about the whole agenda. */
  line: number | null;
  /** One Dutch sentence. */
  message: string;
}

/** The importer's result: the agenda, what to check, and what each source line became. */
export interface ImportResult {
  agenda: Agenda;
  warnings: ImportWarning[];
  source: SourceEntry[];
}
