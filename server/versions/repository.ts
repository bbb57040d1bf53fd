import type { Agenda } from '../../shared/agenda/types.js';
import type { DailyWatch } from './dailyPlan.js';

/** Who made a version: the chair by name ('named'), or Akkoord itself at the start of a day ('daily'). */
export type VersionKind = 'named' | 'daily' | 'original';

/** A version as listed: everything but the stored texts. */
export interface VersionSummary {
  id: string;
  documentId: string;
  name: string;
  createdAt: string;
  /** The person who made it; null for a daily version. */
  createdBy: string | null;
  kind: VersionKind;
}

/** A version with its text: the agenda JSON (for diffs) and the Yjs state (for an exact restore). */
export interface VersionRecord extends VersionSummary {
  agenda: Agenda;
  state: Uint8Array;
}

/** A person's visits to a document: the last one, and the one before it ("since my last visit" diffs from it). */
export interface VisitRecord {
  visitedAt: string;
  previousAt: string | null;
  previousAgenda: Agenda | null;
}

/** What the daily versions' check keeps of a document between checks (see `daily.ts`). */
export interface VersionWatch extends DailyWatch {
  /** The text at the last check that saw a change; set from the first check on. */
  text: { agenda: Agenda; state: Uint8Array } | null;
}

/**
 * Versions, visits and the daily versions' watch. Versions are immutable: no method changes one (and the
 * SQLite table refuses every UPDATE). The SQLite implementation is `storage/sqlite/versions.ts`.
 */
export interface VersionsRepository {
  /** The versions of a document, oldest first. */
  list(documentId: string): Promise<VersionSummary[]>;
  /** One version of a document with its texts, or null when there is none by that id in that document. */
  get(documentId: string, id: string): Promise<VersionRecord | null>;
  /** Stores a new version and returns it (without its texts). */
  create(input: {
    documentId: string;
    name: string;
    createdAt: string;
    createdBy: string | null;
    kind: Exclude<VersionKind, 'original'>;
    agenda: Agenda;
    state: Uint8Array;
  }): Promise<VersionSummary>;
  /**
   * Records that a person opened the document at `at`, with the text as it was then; the visit before it
   * becomes the "previous" one. Returns the previous visit's time (null on a first visit).
   */
  recordVisit(documentId: string, personId: string, at: string, agenda: Agenda): Promise<string | null>;
  /** A person's visits, or null when they never opened the document. */
  visit(documentId: string, personId: string): Promise<VisitRecord | null>;
  /** What the daily check kept of a document, or null before its first check. */
  watch(documentId: string): Promise<VersionWatch | null>;
  /** Keeps what the daily check saw; a `text` of null keeps the text stored before. */
  saveWatch(documentId: string, watch: VersionWatch): Promise<void>;
  /** Removes a document's versions, visits and watch. */
  removeDocument(documentId: string): Promise<void>;
}
