import type Database from 'better-sqlite3';
import type { SessionRepository, SessionRow } from '../../auth/sessionRepository.js';

/** The sessions table on SQLite (made by migration 8). */
export class SqliteSessions implements SessionRepository {
  private readonly q;

  constructor(db: Database.Database) {
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

  async insert(idHash: string, personId: string, at: Date): Promise<void> {
    const iso = at.toISOString();
    this.q.insert.run(idHash, personId, iso, iso);
  }

  async find(idHash: string): Promise<SessionRow | null> {
    return (this.q.find.get(idHash) as SessionRow | undefined) ?? null;
  }

  async touch(idHash: string, at: Date): Promise<void> {
    const iso = at.toISOString();
    this.q.touch.run(iso, idHash, iso);
  }

  async delete(idHash: string): Promise<boolean> {
    return this.q.delete.run(idHash).changes > 0;
  }

  async deletePerson(personId: string): Promise<number> {
    return this.q.deletePerson.run(personId).changes;
  }

  async deleteIdle(cutoff: Date): Promise<number> {
    return this.q.deleteIdle.run(cutoff.toISOString()).changes;
  }

  async countPerson(personId: string): Promise<number> {
    return (this.q.countPerson.get(personId) as { n: number }).n;
  }
}
