import { randomUUID } from 'node:crypto';
import { withTextNumbers } from '../../../shared/agenda/read.js';
import type Database from 'better-sqlite3';
import { versionOfRow, type FullVersionRow, type NewVersion, type VersionRow } from '../rows/versions.js';
import type { Agenda } from '../../../shared/agenda/types.js';
import type {
  VersionRecord,
  VersionSummary,
  VersionsRepository,
  VersionWatch,
  VisitRecord,
} from '../../versions/repository.js';

/**
 * Versions, visits and the daily watch in SQLite (tables `versions`, `version_visits`, `version_watch`). A
 * trigger refuses every UPDATE of a version.
 */
export class SqliteVersions implements VersionsRepository {
  private readonly q;

  constructor(db: Database.Database) {
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
      watch: db.prepare(
        'SELECT state_vector AS stateVector, change_day AS changeDay, pending, agenda, state FROM version_watch WHERE document_id = ?',
      ),
      putWatch: db.prepare(
        `INSERT INTO version_watch (document_id, state_vector, change_day, pending, agenda, state)
         VALUES (@documentId, @stateVector, @changeDay, @pending, @agenda, @state)
         ON CONFLICT (document_id) DO UPDATE SET state_vector = @stateVector, change_day = @changeDay,
           pending = @pending, agenda = COALESCE(@agenda, agenda), state = COALESCE(@state, state)`,
      ),
      removeDocument: ['versions', 'version_visits', 'version_watch'].map((table) =>
        db.prepare(`DELETE FROM ${table} WHERE document_id = ?`),
      ),
      upsertVisit: db.prepare(
        `INSERT INTO version_visits (document_id, person_id, visited_at, agenda, previous_at, previous_agenda)
         VALUES (@documentId, @personId, @at, @agenda, NULL, NULL)
         ON CONFLICT (document_id, person_id) DO UPDATE SET
           previous_at = visited_at, previous_agenda = agenda, visited_at = @at, agenda = @agenda`,
      ),
    };
  }

  async list(documentId: string): Promise<VersionSummary[]> {
    return this.q.list.all(documentId) as VersionRow[];
  }

  async get(documentId: string, id: string): Promise<VersionRecord | null> {
    const row = this.q.get.get(id, documentId) as FullVersionRow | undefined;
    if (!row) return null;
    return versionOfRow(row);
  }

  async create(input: NewVersion): Promise<VersionSummary> {
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

  async recordVisit(
    documentId: string,
    personId: string,
    at: string,
    agenda: Agenda,
  ): Promise<string | null> {
    const before = this.q.visit.get(documentId, personId) as { visitedAt: string } | undefined;
    this.q.upsertVisit.run({ documentId, personId, at, agenda: JSON.stringify(agenda) });
    return before?.visitedAt ?? null;
  }

  async visit(documentId: string, personId: string): Promise<VisitRecord | null> {
    const row = this.q.visit.get(documentId, personId) as
      { visitedAt: string; previousAt: string | null; previousAgenda: string | null } | undefined;
    if (!row) return null;
    return {
      visitedAt: row.visitedAt,
      previousAt: row.previousAt,
      previousAgenda: row.previousAgenda ? withTextNumbers(JSON.parse(row.previousAgenda) as Agenda) : null,
    };
  }

  async watch(documentId: string): Promise<VersionWatch | null> {
    const row = this.q.watch.get(documentId) as
      | {
          stateVector: string;
          changeDay: string | null;
          pending: number;
          agenda: string | null;
          state: Buffer | null;
        }
      | undefined;
    if (!row) return null;
    return {
      stateVector: row.stateVector,
      changeDay: row.changeDay,
      pending: row.pending === 1,
      text:
        row.agenda !== null && row.state !== null
          ? { agenda: withTextNumbers(JSON.parse(row.agenda) as Agenda), state: new Uint8Array(row.state) }
          : null,
    };
  }

  async saveWatch(documentId: string, watch: VersionWatch): Promise<void> {
    this.q.putWatch.run({
      documentId,
      stateVector: watch.stateVector,
      changeDay: watch.changeDay,
      pending: watch.pending ? 1 : 0,
      agenda: watch.text ? JSON.stringify(watch.text.agenda) : null,
      state: watch.text ? watch.text.state : null,
    });
  }

  async removeDocument(documentId: string): Promise<void> {
    this.removeRows(documentId);
  }

  /** Removes a document's rows, synchronously (inside the store's transaction that replaces it). */
  removeRows(documentId: string): void {
    for (const remove of this.q.removeDocument) remove.run(documentId);
  }
}
