import type Database from 'better-sqlite3';
import { randomUUID } from 'node:crypto';
import type { AdministratorRecord, AdministratorRepository } from '../../people/administrators.js';

const COLUMNS = 'id, name, created_at AS createdAt, revoked_at AS revokedAt';

/** The administrators table on SQLite (made by migration 10). */
export class SqliteAdministrators implements AdministratorRepository {
  private readonly q;

  constructor(db: Database.Database) {
    this.q = {
      get: db.prepare(`SELECT ${COLUMNS} FROM administrators WHERE id = ?`),
      all: db.prepare(`SELECT ${COLUMNS} FROM administrators ORDER BY created_at, id`),
      insert: db.prepare('INSERT INTO administrators (id, name, created_at) VALUES (?, ?, ?)'),
      revoke: db.prepare('UPDATE administrators SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL'),
    };
  }

  async administrator(id: string): Promise<AdministratorRecord | null> {
    return (this.q.get.get(id) as AdministratorRecord | undefined) ?? null;
  }

  async administrators(): Promise<AdministratorRecord[]> {
    return this.q.all.all() as AdministratorRecord[];
  }

  async add(name: string): Promise<AdministratorRecord> {
    const id = randomUUID();
    this.q.insert.run(id, name, new Date().toISOString());
    return (await this.administrator(id))!;
  }

  async revoke(id: string): Promise<boolean> {
    return this.q.revoke.run(new Date().toISOString(), id).changes > 0;
  }
}
