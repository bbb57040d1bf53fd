import type { ClientIdOwner, ClientIdRepository } from '../../sync/clientIds.js';
import type { PgDatabase } from './db.js';

/**
 * The claims of Yjs client ids on PostgreSQL, answered from memory (asked on every update): a document's
 * claims are read when one of its rooms loads, and each new claim is written at once, in the background
 * (`settled` waits for the writes). Of two instances claiming the same id at once, the first row stays, and
 * the other reads it back into memory (its claim was answered from memory at once: the sender's first update
 * there was admitted, later ones are held to the stored owner).
 */
export class PgClientIds implements ClientIdRepository {
  private readonly cache = new Map<string, Map<number, ClientIdOwner>>();
  private readonly pending = new Set<Promise<void>>();

  constructor(private readonly db: PgDatabase) {}

  async load(documentId: string): Promise<void> {
    const rows = await this.db.rows<{ client_id: number; person_id: string | null }>(
      'SELECT client_id, person_id FROM client_ids WHERE document_id = ?',
      [documentId],
    );
    const claims = this.cache.get(documentId) ?? new Map<number, ClientIdOwner>();
    for (const row of rows) claims.set(Number(row.client_id), row.person_id);
    this.cache.set(documentId, claims);
  }

  async settled(): Promise<void> {
    await Promise.all([...this.pending]);
  }

  ownerOf(documentId: string, clientId: number): ClientIdOwner | undefined {
    return this.cache.get(documentId)?.get(clientId);
  }

  claim(documentId: string, clientId: number, owner: ClientIdOwner): boolean {
    let claims = this.cache.get(documentId);
    if (!claims) this.cache.set(documentId, (claims = new Map()));
    const current = claims.get(clientId);
    if (current !== undefined) return current === owner;
    claims.set(clientId, owner);
    const write = this.db
      .queryOutside(
        'INSERT INTO client_ids (document_id, client_id, person_id, claimed_at) VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING',
        [documentId, clientId, owner, new Date().toISOString()],
      )
      .then(
        async (result) => {
          if (result.rowCount !== 0) return;
          // Another instance claimed it first: its owner stands, and this one's memory learns it, so the
          // next update with that id from anyone else is refused here too.
          const stored = await this.db.queryOutside(
            'SELECT person_id FROM client_ids WHERE document_id = ? AND client_id = ?',
            [documentId, clientId],
          );
          const row = stored.rows[0] as { person_id: string | null } | undefined;
          if (row) this.cache.get(documentId)?.set(clientId, row.person_id);
        },
        (err: unknown) => console.error(`Client-id ${clientId} vastleggen mislukt:`, err),
      )
      .finally(() => this.pending.delete(write));
    this.pending.add(write);
    return true;
  }

  async removeDocument(documentId: string): Promise<void> {
    await this.db.query('DELETE FROM client_ids WHERE document_id = ?', [documentId]);
    this.cache.delete(documentId);
  }
}
