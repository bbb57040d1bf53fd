import type Database from 'better-sqlite3';

// migration: sessions
/**
 * The browser sessions. A row is keyed by the SHA-256 of the session id the cookie carries, so a copy of the
 * database (a backup) signs no one in; `last_seen_at` (ISO time) is when the session was last used.
 */
export const SESSIONS_MIGRATION = `
CREATE TABLE IF NOT EXISTS sessions (
  id_hash TEXT PRIMARY KEY,
  person_id TEXT NOT NULL,
  created_at TEXT NOT NULL,
  last_seen_at TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS sessions_person ON sessions (person_id);
CREATE INDEX IF NOT EXISTS sessions_last_seen ON sessions (last_seen_at);
`;

/** A stored session: whose it is and when it was last used. */
export interface SessionRow {
  personId: string;
  lastSeenAt: string;
}

/** The sessions table: every SQL string about sessions is here. */
export class SessionRepository {
  private readonly q;

  constructor(db: Database.Database) {
    // Until the migrations runner takes it over, the table is made where it is used.
    db.exec(SESSIONS_MIGRATION);
    this.q = {
      insert: db.prepare(
        'INSERT INTO sessions (id_hash, person_id, created_at, last_seen_at) VALUES (?, ?, ?, ?)',
      ),
      find: db.prepare(
        'SELECT person_id AS personId, last_seen_at AS lastSeenAt FROM sessions WHERE id_hash = ?',
      ),
      touch: db.prepare('UPDATE sessions SET last_seen_at = ? WHERE id_hash = ? AND last_seen_at < ?'),
      delete: db.prepare('DELETE FROM sessions WHERE id_hash = ?'),
      deletePerson: db.prepare('DELETE FROM sessions WHERE person_id = ?'),
      deleteIdle: db.prepare('DELETE FROM sessions WHERE last_seen_at < ?'),
      countPerson: db.prepare('SELECT COUNT(*) AS n FROM sessions WHERE person_id = ?'),
    };
  }

  insert(idHash: string, personId: string, at: Date): void {
    const iso = at.toISOString();
    this.q.insert.run(idHash, personId, iso, iso);
  }

  find(idHash: string): SessionRow | null {
    return (this.q.find.get(idHash) as SessionRow | undefined) ?? null;
  }

  /** Records a use at `at` (never moves the time back). */
  touch(idHash: string, at: Date): void {
    const iso = at.toISOString();
    this.q.touch.run(iso, idHash, iso);
  }

  delete(idHash: string): boolean {
    return this.q.delete.run(idHash).changes > 0;
  }

  /** Deletes every session of a person (revocation); returns how many there were. */
  deletePerson(personId: string): number {
    return this.q.deletePerson.run(personId).changes;
  }

  /** Deletes the sessions last used before `cutoff`. */
  deleteIdle(cutoff: Date): number {
    return this.q.deleteIdle.run(cutoff.toISOString()).changes;
  }

  /** How many sessions a person has (tests, and the people overview later). */
  countPerson(personId: string): number {
    return (this.q.countPerson.get(personId) as { n: number }).n;
  }
}
