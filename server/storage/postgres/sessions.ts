import type { SessionRepository, SessionRow } from '../../auth/sessionRepository.js';
import type { PgDatabase } from './db.js';

/** The sessions table on PostgreSQL. */
export class PgSessions implements SessionRepository {
  constructor(private readonly db: PgDatabase) {}

  async insert(idHash: string, personId: string, at: Date): Promise<void> {
    const iso = at.toISOString();
    await this.db.query(
      'INSERT INTO sessions (id_hash, person_id, created_at, last_seen_at) VALUES (?, ?, ?, ?)',
      [idHash, personId, iso, iso],
    );
  }

  async find(idHash: string): Promise<SessionRow | null> {
    return this.db.row<SessionRow & Record<string, unknown>>(
      'SELECT person_id AS "personId", last_seen_at AS "lastSeenAt" FROM sessions WHERE id_hash = ?',
      [idHash],
    );
  }

  async touch(idHash: string, at: Date): Promise<void> {
    const iso = at.toISOString();
    await this.db.query('UPDATE sessions SET last_seen_at = ? WHERE id_hash = ? AND last_seen_at < ?', [
      iso,
      idHash,
      iso,
    ]);
  }

  async delete(idHash: string): Promise<boolean> {
    return ((await this.db.query('DELETE FROM sessions WHERE id_hash = ?', [idHash])).rowCount ?? 0) > 0;
  }

  async deletePerson(personId: string): Promise<number> {
    return (await this.db.query('DELETE FROM sessions WHERE person_id = ?', [personId])).rowCount ?? 0;
  }

  async deleteIdle(cutoff: Date): Promise<number> {
    return (
      (await this.db.query('DELETE FROM sessions WHERE last_seen_at < ?', [cutoff.toISOString()])).rowCount ??
      0
    );
  }

  async countPerson(personId: string): Promise<number> {
    return (await this.db.row<{ n: number }>('SELECT COUNT(*) AS n FROM sessions WHERE person_id = ?', [
      personId,
    ]))!.n;
  }
}
