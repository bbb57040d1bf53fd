import { randomUUID } from 'node:crypto';
import type { Party } from '../../../shared/auth/person.js';
import type { DraftingMode, Role } from '../../../shared/auth/roles.js';
import {
  DEFAULT_PARTIES,
  isActivePerson,
  type PeopleRepository,
  type PersonRecord,
} from '../../people/repository.js';
import type { PgDatabase } from './db.js';

const PERSON_COLUMNS =
  'id, document_id AS "documentId", name, party, role, created_at AS "createdAt", expires_at AS "expiresAt", revoked_at AS "revokedAt"';

/** Parties, people and per-document settings in PostgreSQL (tables `parties`, `people`, `document_settings`). */
export class PgPeople implements PeopleRepository {
  constructor(private readonly db: PgDatabase) {}

  async parties(documentId: string): Promise<Party[]> {
    return this.db.rows<Party & Record<string, unknown>>(
      'SELECT short, name, color FROM parties WHERE document_id = ? ORDER BY sort, short',
      [documentId],
    );
  }

  async party(documentId: string, short: string): Promise<Party | null> {
    return this.db.row<Party & Record<string, unknown>>(
      'SELECT short, name, color FROM parties WHERE document_id = ? AND short = ?',
      [documentId, short],
    );
  }

  async ensureDefaultParties(documentId: string): Promise<void> {
    // Two instances starting at once both find none: the primary key keeps one row of each party.
    if ((await this.parties(documentId)).length > 0) return;
    for (const p of DEFAULT_PARTIES)
      await this.db.query(
        `INSERT INTO parties (document_id, short, name, color, sort)
         VALUES (?, ?, ?, ?, (SELECT COALESCE(MAX(sort), 0) + 1 FROM parties WHERE document_id = ?))
         ON CONFLICT DO NOTHING`,
        [documentId, p.short, p.name, p.color, documentId],
      );
  }

  async addParty(documentId: string, party: Party): Promise<void> {
    await this.db.query(
      'INSERT INTO parties (document_id, short, name, color, sort) VALUES (?, ?, ?, ?, (SELECT COALESCE(MAX(sort), 0) + 1 FROM parties WHERE document_id = ?))',
      [documentId, party.short, party.name, party.color, documentId],
    );
  }

  async updateParty(documentId: string, party: Party): Promise<boolean> {
    const result = await this.db.query(
      'UPDATE parties SET name = ?, color = ? WHERE document_id = ? AND short = ?',
      [party.name, party.color, documentId, party.short],
    );
    return (result.rowCount ?? 0) > 0;
  }

  async person(id: string): Promise<PersonRecord | null> {
    return this.db.row<PersonRecord & Record<string, unknown>>(
      `SELECT ${PERSON_COLUMNS} FROM people WHERE id = ?`,
      [id],
    );
  }

  async people(documentId: string): Promise<PersonRecord[]> {
    return this.db.rows<PersonRecord & Record<string, unknown>>(
      `SELECT ${PERSON_COLUMNS} FROM people WHERE document_id = ? ORDER BY created_at`,
      [documentId],
    );
  }

  async invite(input: {
    documentId: string;
    name: string;
    party: string;
    role: Role;
    expiresAt: Date | null;
  }): Promise<PersonRecord> {
    const id = randomUUID();
    await this.db.query(
      'INSERT INTO people (id, document_id, name, party, role, created_at, expires_at) VALUES (?, ?, ?, ?, ?, ?, ?)',
      [
        id,
        input.documentId,
        input.name,
        input.party,
        input.role,
        new Date().toISOString(),
        input.expiresAt?.toISOString() ?? null,
      ],
    );
    return (await this.person(id))!;
  }

  async revoke(id: string): Promise<boolean> {
    const result = await this.db.query(
      'UPDATE people SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL',
      [new Date().toISOString(), id],
    );
    return (result.rowCount ?? 0) > 0;
  }

  isActive(person: PersonRecord, now = new Date()): boolean {
    return isActivePerson(person, now);
  }

  async drafting(documentId: string): Promise<DraftingMode> {
    const row = await this.db.row<{ drafting: DraftingMode }>(
      'SELECT drafting FROM document_settings WHERE document_id = ?',
      [documentId],
    );
    return row?.drafting ?? 'closed';
  }

  async setDrafting(documentId: string, mode: DraftingMode): Promise<void> {
    await this.db.query(
      'INSERT INTO document_settings (document_id, drafting) VALUES (?, ?) ON CONFLICT (document_id) DO UPDATE SET drafting = excluded.drafting',
      [documentId, mode],
    );
  }
}
