import { randomUUID } from 'node:crypto';
import type Database from 'better-sqlite3';
import type { Agenda } from '../../shared/agenda/types.js';

/** Who made a version: the chair by name ('named'), or Akkoord itself at the start of a day ('daily'). */
export type VersionKind = 'named' | 'daily';

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

interface VersionRow {
  id: string;
  documentId: string;
  name: string;
  createdAt: string;
  createdBy: string | null;
  kind: VersionKind;
}

/**
 * Versions and visits in the shared SQLite file. Versions are immutable: a trigger refuses every UPDATE,
 * and this repository has no method that changes one.
 */
export class VersionsRepository {
  private readonly q;

  constructor(private readonly db: Database.Database) {
    const columns =
      'id, document_id AS documentId, name, created_at AS createdAt, created_by AS createdBy, kind';
    this.q = {
      list: db.prepare(`SELECT ${columns} FROM versions WHERE document_id = ? ORDER BY created_at, rowid`),
      get: db.prepare(`SELECT ${columns}, agenda, state FROM versions WHERE id = ? AND document_id = ?`),
      insert: db.prepare(
        'INSERT INTO versions (id, document_id, name, created_at, created_by, kind, agenda, state) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
      ),
      visit: db.prepare(
        'SELECT visited_at AS visitedAt, agenda, previous_at AS previousAt, previous_agenda AS previousAgenda FROM version_visits WHERE document_id = ? AND person_id = ?',
      ),
      upsertVisit: db.prepare(
        `INSERT INTO version_visits (document_id, person_id, visited_at, agenda, previous_at, previous_agenda)
         VALUES (@documentId, @personId, @at, @agenda, NULL, NULL)
         ON CONFLICT (document_id, person_id) DO UPDATE SET
           previous_at = visited_at, previous_agenda = agenda, visited_at = @at, agenda = @agenda`,
      ),
    };
  }

  /** The versions of a document, oldest first. */
  list(documentId: string): VersionSummary[] {
    return this.q.list.all(documentId) as VersionRow[];
  }

  /** One version of a document with its texts, or null when there is none by that id in that document. */
  get(documentId: string, id: string): VersionRecord | null {
    const row = this.q.get.get(id, documentId) as
      (VersionRow & { agenda: string; state: Buffer }) | undefined;
    if (!row) return null;
    return { ...row, agenda: JSON.parse(row.agenda) as Agenda, state: new Uint8Array(row.state) };
  }

  /** Stores a new version and returns it (without its texts). */
  create(input: {
    documentId: string;
    name: string;
    createdAt: string;
    createdBy: string | null;
    kind: VersionKind;
    agenda: Agenda;
    state: Uint8Array;
  }): VersionSummary {
    // "v-" keeps version ids apart from the words `original`, `live` and `since-last-visit` of the diff API.
    const id = `v-${randomUUID()}`;
    this.q.insert.run(
      id,
      input.documentId,
      input.name,
      input.createdAt,
      input.createdBy,
      input.kind,
      JSON.stringify(input.agenda),
      input.state,
    );
    return {
      id,
      documentId: input.documentId,
      name: input.name,
      createdAt: input.createdAt,
      createdBy: input.createdBy,
      kind: input.kind,
    };
  }

  /**
   * Records that a person opened the document at `at`, with the text as it was then; the visit before it
   * becomes the "previous" one. Returns the previous visit's time (null on a first visit).
   */
  recordVisit(documentId: string, personId: string, at: string, agenda: Agenda): string | null {
    const before = this.q.visit.get(documentId, personId) as { visitedAt: string } | undefined;
    this.q.upsertVisit.run({ documentId, personId, at, agenda: JSON.stringify(agenda) });
    return before?.visitedAt ?? null;
  }

  /** A person's visits, or null when they never opened the document. */
  visit(documentId: string, personId: string): VisitRecord | null {
    const row = this.q.visit.get(documentId, personId) as
      { visitedAt: string; previousAt: string | null; previousAgenda: string | null } | undefined;
    if (!row) return null;
    return {
      visitedAt: row.visitedAt,
      previousAt: row.previousAt,
      previousAgenda: row.previousAgenda ? (JSON.parse(row.previousAgenda) as Agenda) : null,
    };
  }
}
