import { randomUUID } from 'node:crypto';
import type { AdministratorRecord, AdministratorRepository } from '../../people/administrators.js';
import type { PgDatabase } from './db.js';

const COLUMNS = 'id, name, created_at AS "createdAt", revoked_at AS "revokedAt"';

/** The administrators table on PostgreSQL. */
export class PgAdministrators implements AdministratorRepository {
  constructor(private readonly db: PgDatabase) {}

  async administrator(id: string): Promise<AdministratorRecord | null> {
    return this.db.row<AdministratorRecord & Record<string, unknown>>(
      `SELECT ${COLUMNS} FROM administrators WHERE id = ?`,
      [id],
    );
  }

  async administrators(): Promise<AdministratorRecord[]> {
    return this.db.rows<AdministratorRecord & Record<string, unknown>>(
      `SELECT ${COLUMNS} FROM administrators ORDER BY created_at, id`,
    );
  }

  async add(name: string): Promise<AdministratorRecord> {
    const id = randomUUID();
    await this.db.query('INSERT INTO administrators (id, name, created_at) VALUES (?, ?, ?)', [
      id,
      name,
      new Date().toISOString(),
    ]);
    return (await this.administrator(id))!;
  }

  async revoke(id: string): Promise<boolean> {
    const result = await this.db.query(
      'UPDATE administrators SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL',
      [new Date().toISOString(), id],
    );
    return (result.rowCount ?? 0) > 0;
  }
}
