import type Database from 'better-sqlite3';
import type { ClientIdOwner, ClientIdRepository } from '../../sync/clientIds.js';

/**
 * The claims of Yjs client ids on SQLite (made by migration 10), read per document once into memory (asked
 * on every update). A claim is decided by the database: when another instance on the same file claimed the
 * id first, its owner is read and kept.
 */
export class SqliteClientIds implements ClientIdRepository {
  private readonly cache = new Map<string, Map<number, ClientIdOwner>>();
  private readonly q;

  constructor(db: Database.Database) {
    this.q = {
      all: db.prepare<[string], { client_id: number; person_id: string | null }>(
        'SELECT client_id, person_id FROM client_ids WHERE document_id = ?',
      ),
      insert: db.prepare(
        'INSERT INTO client_ids (document_id, client_id, person_id, claimed_at) VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING',
      ),
      remove: db.prepare('DELETE FROM client_ids WHERE document_id = ?'),
      one: db.prepare<[string, number], { person_id: string | null }>(
        'SELECT person_id FROM client_ids WHERE document_id = ? AND client_id = ?',
      ),
    };
  }

  private claims(documentId: string): Map<number, ClientIdOwner> {
    let claims = this.cache.get(documentId);
    if (!claims) {
      claims = new Map(this.q.all.all(documentId).map((row) => [row.client_id, row.person_id]));
      this.cache.set(documentId, claims);
    }
    return claims;
  }

  async load(documentId: string): Promise<void> {
    this.claims(documentId);
  }

  async settled(): Promise<void> {}

  ownerOf(documentId: string, clientId: number): ClientIdOwner | undefined {
    return this.claims(documentId).get(clientId);
  }

  claim(documentId: string, clientId: number, owner: ClientIdOwner): boolean {
    const claims = this.claims(documentId);
    const current = claims.get(clientId);
    if (current !== undefined) return current === owner;
    const inserted = this.q.insert.run(documentId, clientId, owner, new Date().toISOString()).changes > 0;
    // Another instance on the same database claimed it since this one read the claims: theirs stands.
    const stored = inserted ? owner : (this.q.one.get(documentId, clientId)?.person_id ?? null);
    claims.set(clientId, stored);
    return stored === owner;
  }

  async removeDocument(documentId: string): Promise<void> {
    this.removeRows(documentId);
  }

  /** Removes a document's rows, synchronously (inside the store's transaction that replaces it). */
  removeRows(documentId: string): void {
    this.q.remove.run(documentId);
    this.cache.delete(documentId);
  }
}
