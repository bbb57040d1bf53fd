import type { Party, Person } from '../../shared/auth/person.js';
import type { DraftingMode, Role } from '../../shared/auth/roles.js';

/** A person as stored: with the state of their invitation. */
export interface PersonRecord extends Person {
  createdAt: string;
  /** ISO time after which the sign-in link no longer works, or null for no end. */
  expiresAt: string | null;
  revokedAt: string | null;
}

export { DEFAULT_PARTIES } from '../../shared/auth/person.js';

/** Active: invited, not revoked, not expired at `now`. */
export function isActivePerson(person: PersonRecord, now = new Date()): boolean {
  if (person.revokedAt) return false;
  return person.expiresAt === null || new Date(person.expiresAt) > now;
}

/**
 * Parties, people and per-document settings (the drafting mode). The SQLite implementation is
 * `storage/sqlite/people.ts`.
 */
export interface PeopleRepository {
  /** A document's parties, in the order they were added. */
  parties(documentId: string): Promise<Party[]>;
  party(documentId: string, short: string): Promise<Party | null>;
  /** Adds the default parties to a document that has none yet. */
  ensureDefaultParties(documentId: string): Promise<void>;
  addParty(documentId: string, party: Party): Promise<void>;
  /** Changes a party's name and colour; false when the document has no such party. */
  updateParty(documentId: string, party: Party): Promise<boolean>;
  person(id: string): Promise<PersonRecord | null>;
  /** A document's people, oldest invitation first. */
  people(documentId: string): Promise<PersonRecord[]>;
  /** Stores a new invitation and returns the person it made. */
  invite(input: {
    documentId: string;
    name: string;
    party: string;
    role: Role;
    expiresAt: Date | null;
  }): Promise<PersonRecord>;
  /** Ends a person's access; false when they had none left to end. */
  revoke(id: string): Promise<boolean>;
  /** Active: invited, not revoked, not expired at `now` (see `isActivePerson`). */
  isActive(person: PersonRecord, now?: Date): boolean;
  drafting(documentId: string): Promise<DraftingMode>;
  setDrafting(documentId: string, mode: DraftingMode): Promise<void>;
}
