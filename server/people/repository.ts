import type Database from 'better-sqlite3';
import { randomUUID } from 'node:crypto';
import { SECRETARIAT, type Party, type Person } from '../../shared/auth/person.js';
import type { DraftingMode, Role } from '../../shared/auth/roles.js';

/** A person as stored: with the state of their invitation. */
export interface PersonRecord extends Person {
  createdAt: string;
  /** ISO time after which the sign-in link no longer works, or null for no end. */
  expiresAt: string | null;
  revokedAt: string | null;
}

const SCHEMA = `
CREATE TABLE IF NOT EXISTS parties (
  document_id TEXT NOT NULL,
  short TEXT NOT NULL,
  name TEXT NOT NULL,
  color TEXT NOT NULL,
  sort INTEGER NOT NULL,
  PRIMARY KEY (document_id, short)
);
CREATE TABLE IF NOT EXISTS people (
  id TEXT PRIMARY KEY,
  document_id TEXT NOT NULL,
  name TEXT NOT NULL,
  party TEXT NOT NULL,
  role TEXT NOT NULL,
  created_at TEXT NOT NULL,
  expires_at TEXT,
  revoked_at TEXT
);
CREATE INDEX IF NOT EXISTS people_document ON people (document_id);
CREATE TABLE IF NOT EXISTS document_settings (
  document_id TEXT PRIMARY KEY,
  drafting TEXT NOT NULL DEFAULT 'closed'
);
`;

/**
 * The parties every new document starts with: the secretariat and the parties at the D66–CDA table. Their
 * colours differ in hue and in lightness from each other, each reads as text on white and carries white text
 * (test/shared/partyColors.test.ts checks every pair); the short name is always shown beside the colour.
 */
export const DEFAULT_PARTIES: Party[] = [
  { short: SECRETARIAT, name: 'Secretariaat', color: '#4b5563' },
  { short: 'D66', name: 'D66', color: '#237e12' },
  { short: 'CDA', name: 'CDA', color: '#013f30' },
  { short: 'VVD', name: 'VVD', color: '#994b02' },
  { short: 'GL-PvdA', name: 'GroenLinks-PvdA', color: '#8d012a' },
  { short: 'JA21', name: 'JA21', color: '#02255d' },
];

/** The default colours before issue 14 (D66 and CDA were two greens hard to tell apart). */
const FORMER_DEFAULT_COLORS: Record<string, string> = {
  D66: '#00a651',
  CDA: '#007b5f',
  VVD: '#1f4e9c',
  'GL-PvdA': '#c8102e',
  JA21: '#242b57',
};

/** Parties, people and per-document settings, in the Akkoord database. */
export class PeopleRepository {
  private readonly q;

  constructor(private readonly db: Database.Database) {
    db.exec(SCHEMA);
    this.q = {
      parties: db.prepare(
        'SELECT short, name, color FROM parties WHERE document_id = ? ORDER BY sort, short',
      ),
      party: db.prepare('SELECT short, name, color FROM parties WHERE document_id = ? AND short = ?'),
      insertParty: db.prepare(
        'INSERT INTO parties (document_id, short, name, color, sort) VALUES (?, ?, ?, ?, (SELECT COALESCE(MAX(sort), 0) + 1 FROM parties WHERE document_id = ?))',
      ),
      updateParty: db.prepare('UPDATE parties SET name = ?, color = ? WHERE document_id = ? AND short = ?'),
      // migration: recolour default parties that still have their former default colour (issue 14), once per
      // start; a colour a chair chose stays.
      recolour: db.prepare('UPDATE parties SET color = ? WHERE document_id = ? AND short = ? AND color = ?'),
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

  parties(documentId: string): Party[] {
    return this.q.parties.all(documentId) as Party[];
  }

  party(documentId: string, short: string): Party | null {
    return (this.q.party.get(documentId, short) as Party | undefined) ?? null;
  }

  /** Adds the default parties to a document that has none yet (and gives old default colours their new ones). */
  ensureDefaultParties(documentId: string): void {
    if (this.parties(documentId).length > 0) {
      for (const p of DEFAULT_PARTIES) {
        const former = FORMER_DEFAULT_COLORS[p.short];
        if (former) this.q.recolour.run(p.color, documentId, p.short, former);
      }
      return;
    }
    for (const p of DEFAULT_PARTIES) this.addParty(documentId, p);
  }

  addParty(documentId: string, party: Party): void {
    this.q.insertParty.run(documentId, party.short, party.name, party.color, documentId);
  }

  updateParty(documentId: string, party: Party): boolean {
    return this.q.updateParty.run(party.name, party.color, documentId, party.short).changes > 0;
  }

  person(id: string): PersonRecord | null {
    return (this.q.person.get(id) as PersonRecord | undefined) ?? null;
  }

  people(documentId: string): PersonRecord[] {
    return this.q.people.all(documentId) as PersonRecord[];
  }

  invite(input: {
    documentId: string;
    name: string;
    party: string;
    role: Role;
    expiresAt: Date | null;
  }): PersonRecord {
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
    return this.person(id)!;
  }

  revoke(id: string): boolean {
    return this.q.revoke.run(new Date().toISOString(), id).changes > 0;
  }

  /** Active: invited, not revoked, not expired at `now`. */
  isActive(person: PersonRecord, now = new Date()): boolean {
    if (person.revokedAt) return false;
    return person.expiresAt === null || new Date(person.expiresAt) > now;
  }

  drafting(documentId: string): DraftingMode {
    const row = this.q.drafting.get(documentId) as { drafting: DraftingMode } | undefined;
    return row?.drafting ?? 'closed';
  }

  setDrafting(documentId: string, mode: DraftingMode): void {
    this.q.setDrafting.run(documentId, mode);
  }
}
