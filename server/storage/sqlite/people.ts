import type Database from 'better-sqlite3';
import { randomUUID } from 'node:crypto';
import type { Party } from '../../../shared/auth/person.js';
import type { DraftingMode, Role } from '../../../shared/auth/roles.js';
import {
  DEFAULT_PARTIES,
  isActivePerson,
  type PeopleRepository,
  type PersonRecord,
} from '../../people/repository.js';

/** Parties, people and per-document settings in SQLite (tables `parties`, `people`, `document_settings`). */
export class SqlitePeople implements PeopleRepository {
  private readonly q;

  constructor(db: Database.Database) {
    this.q = {
      parties: db.prepare(
        'SELECT short, name, color FROM parties WHERE document_id = ? ORDER BY sort, short',
      ),
      party: db.prepare('SELECT short, name, color FROM parties WHERE document_id = ? AND short = ?'),
      insertParty: db.prepare(
        'INSERT INTO parties (document_id, short, name, color, sort) VALUES (?, ?, ?, ?, (SELECT COALESCE(MAX(sort), 0) + 1 FROM parties WHERE document_id = ?))',
      ),
      updateParty: db.prepare('UPDATE parties SET name = ?, color = ? WHERE document_id = ? AND short = ?'),
      person: db.prepare(
        'SELECT id, document_id AS documentId, name, party, role, created_at AS createdAt, expires_at AS expiresAt, revoked_at AS revokedAt FROM people WHERE id = ?',
      ),
      people: db.prepare(
        'SELECT id, document_id AS documentId, name, party, role, created_at AS createdAt, expires_at AS expiresAt, revoked_at AS revokedAt FROM people WHERE document_id = ? ORDER BY created_at',
      ),
      insertPerson: db.prepare(
        'INSERT INTO people (id, document_id, name, party, role, created_at, expires_at) VALUES (?, ?, ?, ?, ?, ?, ?)',
      ),
      revoke: db.prepare('UPDATE people SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL'),
      drafting: db.prepare('SELECT drafting FROM document_settings WHERE document_id = ?'),
      setDrafting: db.prepare(
        'INSERT INTO document_settings (document_id, drafting) VALUES (?, ?) ON CONFLICT (document_id) DO UPDATE SET drafting = excluded.drafting',
      ),
    };
  }

  async parties(documentId: string): Promise<Party[]> {
    return this.q.parties.all(documentId) as Party[];
  }

  async party(documentId: string, short: string): Promise<Party | null> {
    return (this.q.party.get(documentId, short) as Party | undefined) ?? null;
  }

  async ensureDefaultParties(documentId: string): Promise<void> {
    if ((await this.parties(documentId)).length > 0) return;
    for (const p of DEFAULT_PARTIES) await this.addParty(documentId, p);
  }

  async addParty(documentId: string, party: Party): Promise<void> {
    this.q.insertParty.run(documentId, party.short, party.name, party.color, documentId);
  }

  async updateParty(documentId: string, party: Party): Promise<boolean> {
    return this.q.updateParty.run(party.name, party.color, documentId, party.short).changes > 0;
  }

  async person(id: string): Promise<PersonRecord | null> {
    return this.personNow(id);
  }

  /** A person, read synchronously (for the store's transaction that records their name with an update). */
  personNow(id: string): PersonRecord | null {
    return (this.q.person.get(id) as PersonRecord | undefined) ?? null;
  }

  async people(documentId: string): Promise<PersonRecord[]> {
    return this.q.people.all(documentId) as PersonRecord[];
  }

  async invite(input: {
    documentId: string;
    name: string;
    party: string;
    role: Role;
    expiresAt: Date | null;
  }): Promise<PersonRecord> {
    const id = randomUUID();
    this.q.insertPerson.run(
      id,
      input.documentId,
      input.name,
      input.party,
      input.role,
      new Date().toISOString(),
      input.expiresAt?.toISOString() ?? null,
    );
    return this.personNow(id)!;
  }

  async revoke(id: string): Promise<boolean> {
    return this.q.revoke.run(new Date().toISOString(), id).changes > 0;
  }

  isActive(person: PersonRecord, now = new Date()): boolean {
    return isActivePerson(person, now);
  }

  async drafting(documentId: string): Promise<DraftingMode> {
    const row = this.q.drafting.get(documentId) as { drafting: DraftingMode } | undefined;
    return row?.drafting ?? 'closed';
  }

  async setDrafting(documentId: string, mode: DraftingMode): Promise<void> {
    this.q.setDrafting.run(documentId, mode);
  }
}
