/**
 * The input every exporter takes: one value that says what to export and how, so an HTTP route, the CLI
 * and the UI all build the same thing and get the same bytes.
 */
import type { Agenda } from '../../shared/agenda/types.js';
import type { Amendment, MeasureStatus } from '../../shared/amendments/types.js';
import type { Party } from '../../shared/auth/person.js';
import type { Renumbered } from './finalNumbers.js';
import type { TextAuthors } from '../../shared/diff/index.js';

/** Who a tracked change is credited to, and when (a Word revision's author and date). */
export interface Revision {
  /** Party short name ("CDA") or a person's name, shown as the author of the tracked change. */
  author: string;
  /** When: an ISO 8601 date or date-time ("2026-11-20" or "2026-11-20T14:03:00Z"). */
  date: string;
}

/**
 * Who wrote each run of the chosen text and who removed each run of the original, per unit id (the diff
 * unit ids, see `UnitDiff.id`), from the attribution index: each tracked change is credited to its run's
 * author, dated by that change.
 */
export interface ExportAuthorship {
  /** The original's units: who deleted each of its characters (null where still there or not known). */
  from: ReadonlyMap<string, TextAuthors>;
  /** The chosen text's units: who inserted each of its characters. */
  to: ReadonlyMap<string, TextAuthors>;
}

/** One message of a comment thread. */
export interface CommentMessage {
  author: string;
  /** ISO 8601 date or date-time. */
  date: string;
  text: string;
}

/** A comment thread on a measure: the quoted words it is about and its messages, oldest first. */
export interface CommentThread {
  measureId: string;
  /** The words of the measure the thread is about; the whole measure when not found in its text. */
  quote: string;
  messages: CommentMessage[];
}

/** A party as exports list it: the shared `Party` without its screen colour. */
export type ExportParty = Pick<Party, 'short' | 'name'>;

/** Which measures with a disputed or parked status to keep; both are kept when not given. */
export interface IncludeOptions {
  parked: boolean;
  disputed: boolean;
}

/** Everything an export needs. All exporters are pure functions of this value. */
export interface ExportInput {
  /** The baseline the changes are shown against (the D66–CDA agenda as imported). */
  original: Agenda;
  /** The chosen text: the live document or a named version. */
  current: Agenda;
  /** The version's name for people: "Live", "Na ronde 2". Shown in headers and file names. */
  versionLabel: string;
  /** `marked`: every change against `original` shown (tracked changes in Word); `clean`: `current` only. */
  changes: 'marked' | 'clean';
  /** Language of the labels (footnotes heading, table headers, statuses, …); the agenda text is as is. */
  language: 'nl' | 'en';
  /** The export's date, written into the file (no exporter reads the clock). */
  generatedAt: Date;
  /**
   * Who made each change, where known: measure id → author and date. Keys may also be other diff unit
   * ids (`c-1/title`, `s-1-2/intro/0`, `intro/0`, `title`, see `UnitDiff.id`) for changed titles and
   * paragraphs. Changes without an entry are by `defaultAuthor` at `generatedAt`.
   */
  attribution?: Record<string, Revision>;
  /**
   * Who wrote and removed each run, for marked exports: a tracked change gets its run's author (two
   * parties in one measure, two authors). Runs it does not know fall back to `attribution`.
   */
  authorship?: ExportAuthorship;
  /** Author of changes with no attribution, such as "Akkoord". */
  defaultAuthor: string;
  /** Status per measure id; measures without one are open. */
  measureStatuses?: Record<string, MeasureStatus>;
  /** Leave out parked or disputed measures (by `measureStatuses`) when the flag is false. */
  include?: IncludeOptions;
  /**
   * Amendments for the report and the JSON export. Pass only what the reader may see: drafts are
   * private to their party. Positions are keyed by party short name.
   */
  amendments?: Amendment[];
  /** The parties in the order their columns should have; derived from the amendments when not given. */
  parties?: ExportParty[];
  /** Comment threads: Word comments in the DOCX export, carried along in the JSON export. */
  comments?: CommentThread[];
  /**
   * Set when `current` was numbered consecutively for this export ("definitieve nummering", clean
   * exports only): the numbers that changed, old → new, which the export lists at its end.
   */
  renumbered?: Renumbered[];
}

/** The export formats, as used by `exportFileName` and `CONTENT_TYPES`. */
export type ExportFormat = 'docx' | 'markdown' | 'html' | 'json' | 'amendments-csv' | 'amendments-docx';
