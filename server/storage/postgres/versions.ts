import { randomUUID } from 'node:crypto';
import { withTextNumbers } from '../../../shared/agenda/read.js';
import { versionOfRow, type FullVersionRow, type NewVersion, type VersionRow } from '../rows/versions.js';
import type { Agenda } from '../../../shared/agenda/types.js';
import type {
  VersionRecord,
  VersionSummary,
  VersionsRepository,
  VersionWatch,
  VisitRecord,
} from '../../versions/repository.js';
import type { PgDatabase } from './db.js';

const COLUMNS =
  'id, document_id AS "documentId", name, created_at AS "createdAt", created_by AS "createdBy", kind';

const bytes = (data: Uint8Array) => Buffer.from(data.buffer, data.byteOffset, data.byteLength);

/**
 * Versions, visits and the daily watch in PostgreSQL (tables `versions`, `version_visits`, `version_watch`). A
 * trigger refuses every UPDATE of a version.
 */
export class PgVersions implements VersionsRepository {
  constructor(private readonly db: PgDatabase) {}

  async list(documentId: string): Promise<VersionSummary[]> {
    // PostgreSQL has no rowid: versions made in the same millisecond are listed by id.
    return this.db.rows<VersionRow & Record<string, unknown>>(
      `SELECT ${COLUMNS} FROM versions WHERE document_id = ? ORDER BY created_at, id`,
      [documentId],
    );
  }

  async get(documentId: string, id: string): Promise<VersionRecord | null> {
    const row = await this.db.row<FullVersionRow>(
      `SELECT ${COLUMNS}, agenda, state FROM versions WHERE id = ? AND document_id = ?`,
      [id, documentId],
    );
    if (!row) return null;
    return versionOfRow(row);
  }

  async create(input: NewVersion): Promise<VersionSummary> {
    // "v-" keeps version ids apart from the words `original`, `live` and `since-last-visit` of the diff API.
    const id = `v-${randomUUID()}`;
    await this.db.query(
      'INSERT INTO versions (id, document_id, name, created_at, created_by, kind, agenda, state) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
      [
        id,
        input.documentId,
        input.name,
        input.createdAt,
        input.createdBy,
        input.kind,
        JSON.stringify(input.agenda),
        bytes(input.state),
      ],
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
    return this.db.transaction(
      async () => {
        // The row lock keeps two visits at once from both taking the same previous visit.
        const before = await this.db.row<{ visitedAt: string }>(
          'SELECT visited_at AS "visitedAt" FROM version_visits WHERE document_id = ? AND person_id = ? FOR UPDATE',
          [documentId, personId],
        );
        await this.db.query(
          `INSERT INTO version_visits (document_id, person_id, visited_at, agenda, previous_at, previous_agenda)
           VALUES (?, ?, ?, ?, NULL, NULL)
           ON CONFLICT (document_id, person_id) DO UPDATE SET previous_at = version_visits.visited_at,
             previous_agenda = version_visits.agenda, visited_at = excluded.visited_at, agenda = excluded.agenda`,
          [documentId, personId, at, JSON.stringify(agenda)],
        );
        return before?.visitedAt ?? null;
      },
      { join: true },
    );
  }

  async visit(documentId: string, personId: string): Promise<VisitRecord | null> {
    const row = await this.db.row<{
      visitedAt: string;
      previousAt: string | null;
      previousAgenda: string | null;
    }>(
      'SELECT visited_at AS "visitedAt", previous_at AS "previousAt", previous_agenda AS "previousAgenda" FROM version_visits WHERE document_id = ? AND person_id = ?',
      [documentId, personId],
    );
    if (!row) return null;
    return {
      visitedAt: row.visitedAt,
      previousAt: row.previousAt,
      previousAgenda: row.previousAgenda ? withTextNumbers(JSON.parse(row.previousAgenda) as Agenda) : null,
    };
  }

  async watch(documentId: string): Promise<VersionWatch | null> {
    const row = await this.db.row<{
      stateVector: string;
      changeDay: string | null;
      pending: number;
      agenda: string | null;
      state: Buffer | null;
    }>(
      'SELECT state_vector AS "stateVector", change_day AS "changeDay", pending, agenda, state FROM version_watch WHERE document_id = ?',
      [documentId],
    );
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
    await this.db.query(
      `INSERT INTO version_watch (document_id, state_vector, change_day, pending, agenda, state)
       VALUES (?, ?, ?, ?, ?, ?)
       ON CONFLICT (document_id) DO UPDATE SET state_vector = excluded.state_vector,
         change_day = excluded.change_day, pending = excluded.pending,
         agenda = COALESCE(excluded.agenda, version_watch.agenda), state = COALESCE(excluded.state, version_watch.state)`,
      [
        documentId,
        watch.stateVector,
        watch.changeDay,
        watch.pending ? 1 : 0,
        watch.text ? JSON.stringify(watch.text.agenda) : null,
        watch.text ? bytes(watch.text.state) : null,
      ],
    );
  }

  async removeDocument(documentId: string): Promise<void> {
    for (const table of ['versions', 'version_visits', 'version_watch'])
      await this.db.query(`DELETE FROM ${table} WHERE document_id = ?`, [documentId]);
  }
}
